import Escalation
import VigilRuntime

ServiceMain.run(serviceName: "vigil-escalation", summary: EscalationSetup.summary,
                extraOptions: EscalationSetup.options) { configuration, options in
    try EscalationSetup.makeProcessor(configuration: configuration, options: options)
}
