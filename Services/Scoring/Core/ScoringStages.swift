import VigilContracts
import VigilRuntime
import VigilScoring

/// The command line of `vigil-scoring` and the stages it runs.
///
/// The facts stage keeps the configured consumer group and store. The totals
/// stage uses `<group>-totals` and `<stem>-totals.sqlite`, whether both run
/// in one process or each in its own.
public enum ScoringStages {
    /// The stages `--stage` can select.
    public enum Selection: String, CaseIterable, Sendable {
        case facts
        case totals
        case both
    }

    /// The one-line description in `--help`.
    public static let summary = LocalizedText(
        chinese: "考核：把会话、预警、案件、投诉和订单按客服、班组、外包商、站点和店铺重新分区为考核事实，"
            + "再按日、周、月和大促窗口汇总为评分",
        english: "scoring: re-keys conversations, alerts, cases, complaints and orders as scoring facts per agent, "
            + "team, vendor, site and shop, then totals them into scores per day, week, month and campaign window")

    /// The `--scorecard FILE` option of both stages.
    public static let scorecardOption = OptionSpec(
        "scorecard", environment: "VIGIL_SCORECARD", valueName: "FILE",
        help: LocalizedText(
            chinese: "评分卡文件（JSON，格式见 docs/SCORING.zh-CN.md），含时区、权重、一票否决项和大促窗口；"
                + "不指定时使用内置评分卡（scorecards/default.json）",
            english: "the scorecard file (JSON, format in docs/SCORING.md) with the zone, weights, "
                + "critical items and campaign windows; without it, the built-in scorecard "
                + "(scorecards/default.json)"))

    /// `--scorecard` and `--stage`.
    public static let options: [OptionSpec] = [
        scorecardOption,
        OptionSpec("stage", environment: "VIGIL_SCORING_STAGE", valueName: "facts|totals|both", defaultValue: "both",
                   help: LocalizedText(
                       chinese: "运行哪个阶段：facts 把输入重新分区为考核事实，totals 把事实汇总为评分，both 在一个进程中运行两者；"
                           + "totals 使用消费组 <消费组>-totals 和存储文件 <存储文件名>-totals.sqlite",
                       english: "the stages to run: facts re-keys the inputs as scoring facts, totals turns the facts "
                           + "into scores, both runs the two in one process; totals uses consumer group "
                           + "<group>-totals and store <store stem>-totals.sqlite")),
    ]

    /// Builds the selected stages from the parsed options.
    ///
    /// - Throws: ``UsageError`` for an unknown stage or an invalid scorecard
    ///   file, whose message gives FILE:LINE:COLUMN for every problem.
    public static func stages(configuration: ServiceConfiguration, options: ParsedOptions) throws -> [ServiceStage] {
        let name = options.value("stage") ?? Selection.both.rawValue
        guard let selection = Selection(rawValue: name) else {
            throw UsageError("invalid value \"\(name)\" for --stage: expected facts, totals or both")
        }
        let scorecard = try loadScorecard(options.value(scorecardOption.name))

        var stages: [ServiceStage] = []
        if selection != .totals {
            let facts = configuration.stage(Selection.facts.rawValue, keepsGroupAndStore: true)
            stages.append(ServiceStage(configuration: facts,
                                       processor: makeFactsProcessor(configuration: facts, scorecard: scorecard)))
        }
        if selection != .facts {
            let totals = configuration.stage(Selection.totals.rawValue)
            stages.append(ServiceStage(configuration: totals,
                                       processor: makeTotalsProcessor(configuration: totals, scorecard: scorecard)))
        }
        return stages
    }

    // MARK: - Processors

    /// Builds the facts stage's processor from the parsed options, as
    /// `vigil-scoring` and `vigil replay scoring` do.
    ///
    /// - Throws: ``UsageError`` for an invalid scorecard file.
    public static func makeFactsProcessor(configuration: ServiceConfiguration,
                                          options: ParsedOptions) throws -> ScoringFactsProcessor {
        makeFactsProcessor(configuration: configuration, scorecard: try loadScorecard(options.value(scorecardOption.name)))
    }

    /// Builds the totals stage's processor from the parsed options, as
    /// `vigil-scoring` and `vigil replay scoring-totals` do.
    ///
    /// - Throws: ``UsageError`` for an invalid scorecard file.
    public static func makeTotalsProcessor(configuration: ServiceConfiguration,
                                           options: ParsedOptions) throws -> ScoreTotalsProcessor {
        makeTotalsProcessor(configuration: configuration, scorecard: try loadScorecard(options.value(scorecardOption.name)))
    }

    private static func makeFactsProcessor(configuration: ServiceConfiguration,
                                           scorecard: Scorecard) -> ScoringFactsProcessor {
        ScoringFactsProcessor(catalogue: configuration.catalogue, conversionHours: scorecard.conversionHours,
                              currency: scorecard.currency)
    }

    private static func makeTotalsProcessor(configuration: ServiceConfiguration,
                                            scorecard: Scorecard) -> ScoreTotalsProcessor {
        ScoreTotalsProcessor(catalogue: configuration.catalogue, scorecard: scorecard)
    }

    /// Reads the scorecard file, or returns the built-in scorecard for nil.
    static func loadScorecard(_ path: String?) throws -> Scorecard {
        guard let path else { return Scorecard.builtIn }
        do {
            return try Scorecard.load(path: path)
        } catch {
            throw UsageError(error.description)
        }
    }
}
