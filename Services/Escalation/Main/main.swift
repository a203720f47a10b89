import Escalation
import VigilContracts
import VigilRuntime

ServiceMain.run(
    serviceName: "vigil-escalation",
    summary: LocalizedText(chinese: "升级追踪：每个有预警或投诉的顾客会话立一个案件，并把后续预警和投诉归入该案件",
                           english: "escalation tracking: one case per customer thread with an alert or complaint, linking later ones")
) { configuration, _ in
    EscalationProcessor(catalogue: configuration.catalogue)
}
