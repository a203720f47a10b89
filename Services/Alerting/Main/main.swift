import Alerting
import VigilContracts
import VigilRuntime

ServiceMain.run(
    serviceName: "vigil-alerting",
    summary: LocalizedText(chinese: "高危预警：顾客提到工商、12315、消协、投诉、举报时通知其客服所在组的主管",
                           english: "high-risk alerts: notify the agent's supervisor when a customer mentions a regulator or a complaint")
) { configuration, _ in
    AlertingProcessor(catalogue: configuration.catalogue)
}
