import Alerting
import VigilRuntime

ServiceMain.run(serviceName: "vigil-alerting", summary: AlertingSetup.summary, extraOptions: AlertingSetup.options) {
    configuration, options in
    try AlertingSetup.makeProcessor(configuration: configuration, options: options)
}
