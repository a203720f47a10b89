import Foundation
import VigilContracts
import VigilRuntime
import VigilScoring

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
    /// The scorecard file that names items and campaigns; nil for the built-in scorecard.
    var scorecardPath: String?

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
        if let output = options.value("output") {
            var isDirectory: ObjCBool = false
            if output.isEmpty {
                throw UsageError("invalid value \"\" for --output: expected a file path")
            }
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                let example = (output as NSString).appendingPathComponent("scores.html")
                throw UsageError("invalid value \"\(output)\" for --output: it is a directory; give a file path such as \(example)")
            }
        }

        self.period = period
        self.at = try options.value("at").map { try TimeOption.parse($0, option: "at") }
        self.campaign = campaign
        self.by = by
        self.format = format
        self.output = options.value("output")
        self.scorecardPath = options.value("scorecard")
    }

    /// Reads the scorecard of `--scorecard`, or returns the built-in one.
    func loadScorecard() throws -> Scorecard {
        try scorecardPath.map { path throws(ScorecardError) in try Scorecard.load(path: path) } ?? Scorecard.builtIn
    }

    /// Picks the period to report from the request and the scores on the topic,
    /// in the scorecard's zone.
    func scope(scores: [Score], now: Timestamp, scorecard: Scorecard) throws -> ScoreReportScope {
        let zone = scorecard.zoneOffsetSeconds
        return switch period {
        case .day: ScoreReportScope.calendar(.day, containing: at ?? now, utcOffsetSeconds: zone)
        case .week: ScoreReportScope.calendar(.week, containing: at ?? now, utcOffsetSeconds: zone)
        case .month: ScoreReportScope.calendar(.month, containing: at ?? now, utcOffsetSeconds: zone)
        case .campaign: try ScoreReportScope.campaign(campaign, at: at, scores: scores, scorecard: scorecard)
        }
    }
}
