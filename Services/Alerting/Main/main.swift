import Alerting
import VigilContracts
import VigilRuntime

ServiceMain.run(
    serviceName: "vigil-alerting",
    summary: LocalizedText(chinese: "高危预警：按规则发现监管、法律、媒体、投诉和升级风险，并在回复不及时时提醒，通知客服所在组的主管",
                           english: "high-risk alerts: find regulator, legal, media, complaint and escalation risks by "
                               + "rule, and reply timeouts, and notify the agent's supervisor"),
    extraOptions: [
        OptionSpec("rules", environment: "VIGIL_RULES", valueName: "FILE",
                   help: LocalizedText(chinese: "规则主题上还没有发布版本时使用的规则文件（如 rules/default.json）；"
                                           + "不指定时必须先用 vigil rules push 发布规则",
                                       english: "the rules file used until a release arrives on the rules topic "
                                           + "(such as rules/default.json); without it, publish one first with "
                                           + "vigil rules push")),
        ReplyLimits.option,
    ]
) { configuration, options in
    let normalizer = try TextNormalizer()
    var rules: ActiveRules?
    if let path = options.value("rules") {
        do {
            rules = try ActiveRules.load(path: path, normalizer: normalizer)
        } catch let error as RulesLoadError {
            throw UsageError(error.description)
        }
    }
    var replyLimits = ReplyLimits()
    if let limitsPath = options.value(ReplyLimits.option.name) {
        do {
            replyLimits = try ReplyLimits.load(path: limitsPath)
        } catch let error as ReplyLimitsFileError {
            throw UsageError(error.description)
        }
    }
    return AlertingProcessor(catalogue: configuration.catalogue, rules: rules, normalizer: normalizer,
                             replyLimits: replyLimits)
}
