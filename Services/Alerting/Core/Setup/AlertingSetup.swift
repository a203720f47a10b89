import VigilContracts
import VigilRuntime

/// The command line of `vigil-alerting` and the processor it builds, shared by
/// the service's executable and `vigil replay alerting`, so that a replay
/// runs the processor exactly as the service does.
public enum AlertingSetup {
    /// The one-line description in `--help`.
    public static let summary = LocalizedText(
        chinese: "高危预警：按规则发现监管、法律、媒体、投诉和升级风险，并在回复不及时时提醒，通知客服所在组的主管",
        english: "high-risk alerts: find regulator, legal, media, complaint and escalation risks by "
            + "rule, and reply timeouts, and notify the agent's supervisor")

    /// The `--rules FILE` option of `vigil-alerting`.
    public static let rulesOption = OptionSpec(
        "rules", environment: "VIGIL_RULES", valueName: "FILE",
        help: LocalizedText(chinese: "规则主题上还没有发布版本时使用的规则文件（如 rules/default.json）；"
                                + "不指定时必须先用 vigil rules push 发布规则",
                            english: "the rules file used until a release arrives on the rules topic "
                                + "(such as rules/default.json); without it, publish one first with "
                                + "vigil rules push"))

    /// `--rules` and `--reply-limits`.
    public static let options: [OptionSpec] = [rulesOption, ReplyLimits.option]

    /// Builds the processor from the service's parsed options.
    ///
    /// With `pinsRules` true, the `--rules` file stays in force for the whole
    /// run and releases on the rules topic are ignored (the rule backtest).
    ///
    /// - Throws: ``UsageError`` when a file cannot be read or is invalid, or
    ///   when `pinsRules` is true and no rules file is given.
    public static func makeProcessor(configuration: ServiceConfiguration, options: ParsedOptions,
                                     pinsRules: Bool = false) throws -> AlertingProcessor {
        let normalizer = try TextNormalizer()

        var rules: ActiveRules?
        if let path = options.value(rulesOption.name) {
            do {
                rules = try ActiveRules.load(path: path, normalizer: normalizer)
            } catch let error as RulesLoadError {
                throw UsageError(error.description)
            }
        } else if pinsRules {
            throw UsageError("missing --\(rulesOption.name): pinned rules need a rules file")
        }

        var replyLimits = ReplyLimits()
        if let path = options.value(ReplyLimits.option.name) {
            do {
                replyLimits = try ReplyLimits.load(path: path)
            } catch {
                throw UsageError(error.description)
            }
        }

        return AlertingProcessor(catalogue: configuration.catalogue, rules: rules, normalizer: normalizer,
                                 replyLimits: replyLimits, pinsRules: pinsRules)
    }
}
