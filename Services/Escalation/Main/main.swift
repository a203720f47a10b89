import Escalation
import VigilContracts
import VigilRuntime

ServiceMain.run(
    serviceName: "vigil-escalation",
    summary: LocalizedText(chinese: "升级追踪：每个出现预警或投诉的顾客会话立一个案件，跟踪确认、跟进、升级和整改期限，逾期沿主管、经理、品牌经理逐级上报",
                           english: "escalation tracking: one case per alerted or complained-about customer thread, "
                               + "with acknowledge, follow-up and rectification deadlines that climb from supervisor "
                               + "to manager to brand manager"),
    extraOptions: [CasePolicy.option]
) { configuration, options in
    var policy = CasePolicy()
    if let path = options.value(CasePolicy.option.name) {
        do {
            policy = try CasePolicy.load(path: path)
        } catch let error as CasePolicyFileError {
            throw UsageError(error.description)
        }
    }
    return EscalationProcessor(catalogue: configuration.catalogue, policy: policy)
}
