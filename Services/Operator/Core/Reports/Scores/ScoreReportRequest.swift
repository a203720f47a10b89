import VigilContracts
import VigilRuntime

/// The options of `vigil report scores`, checked.
struct ScoreReportRequest: Sendable, Equatable {
    var period: ScorePeriodKind
    /// The time whose period to report; nil for now (calendar periods) or any campaign.
    var at: Timestamp?
    /// The campaign id of `--campaign`; only with `--period campaign`.
    var campaign: String?
    var by: ScoreSubjectKind
    var format: ReportFormat
    /// The file to write the report to; nil for standard output.
    var output: String?

    init(_ options: ParsedOptions) throws {
        guard let periodText = options.value("period") else {
            throw UsageError("missing --period: expected day, week, month or campaign")
        }
        guard let period = ScorePeriodKind(rawValue: periodText) else {
            throw UsageError("invalid value \"\(periodText)\" for --period: expected day, week, month or campaign")
        }
        let byText = options.value("by") ?? "agent"
        guard let by = ScoreSubjectKind(rawValue: byText) else {
            throw UsageError("invalid value \"\(byText)\" for --by: expected agent, team, vendor, site or shop")
        }
        let formatText = options.value("format") ?? "table"
        guard let format = ReportFormat(rawValue: formatText) else {
            throw UsageError("invalid value \"\(formatText)\" for --format: expected table, csv, markdown or html")
        }
        let campaign = options.value("campaign")
        if campaign != nil, period != .campaign {
            throw UsageError("--campaign selects a campaign window: use it with --period campaign")
        }
        if let campaign, campaign.isEmpty {
            throw UsageError("invalid value \"\" for --campaign: expected a campaign id from the scorecard")
        }
        if let output = options.value("output"), output.isEmpty {
            throw UsageError("invalid value \"\" for --output: expected a file path")
        }

        self.period = period
        self.at = try options.value("at").map { try TimeOption.parse($0, option: "at") }
        self.campaign = campaign
        self.by = by
        self.format = format
        self.output = options.value("output")
    }

    /// Picks the period to report from the request and the scores on the topic.
    func scope(scores: [Score], now: Timestamp) throws -> ScoreReportScope {
        switch period {
        case .day: ScoreReportScope.calendar(.day, containing: at ?? now)
        case .week: ScoreReportScope.calendar(.week, containing: at ?? now)
        case .month: ScoreReportScope.calendar(.month, containing: at ?? now)
        case .campaign: try ScoreReportScope.campaign(campaign, at: at, scores: scores)
        }
    }
}
