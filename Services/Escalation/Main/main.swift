import Escalation
import VigilContracts
import VigilRuntime

ServiceMain.run(
    serviceName: "vigil-escalation",
    summary: LocalizedText(chinese: "升级追踪：每个出现预警的顾客会话立一个案件，并把该会话之后的预警和投诉归入案件",
                           english: "escalation tracking: one case per alerted customer thread, linking its later alerts and complaints")
) { configuration, _ in
    EscalationProcessor(catalogue: configuration.catalogue)
}
