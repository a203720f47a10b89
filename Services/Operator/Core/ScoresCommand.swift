import VigilContracts
import VigilRuntime
import VigilScoring

/// `vigil scores`: the agents' score report for one day, a short form of
/// `vigil report scores --period day --by agent`.
enum ScoresCommand: Subcommand {
    static let name = "scores"
    static let summary = LocalizedText(chinese: "某一天各客服的考核评分（vigil report scores --period day --by agent 的简写）",
                                       english: "the agents' scores for one day (short for vigil report scores --period day --by agent)")
    static let options: [OptionSpec] = [
        OptionSpec("day", valueName: "YYYY-MM-DD",
                   help: LocalizedText(chinese: "这一天（评分卡时区，默认北京时间）；默认取评分主题上客服有会话的最近一天",
                                       english: "the calendar day in the scorecard's zone (default +08:00); "
                                           + "default: the latest day with agents' conversations on the scores topic")),
        ReportScoresCommand.scorecardOption,
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        print(try report(options, context: context, now: WallClock.now()), terminator: "")
        return 0
    }

    /// Returns the agents' day report as a terminal table.
    static func report(_ options: ParsedOptions, context: OperatorContext, now: Timestamp) throws -> String {
        let scorecard = try options.value("scorecard").map { path throws(ScorecardError) in try Scorecard.load(path: path) }
            ?? Scorecard.builtIn
        let zone = scorecard.zoneOffsetSeconds
        let snapshot = try ScoreTopicSnapshot.read(context: context)
        let day: String
        if let given = options.value("day") {
            guard TimestampFormat.parse(given + "T00:00:00Z") != nil, given.count == 10 else {
                throw UsageError("invalid value \"\(given)\" for --day: expected a date such as 2026-11-11")
            }
            day = given
        } else {
            day = latestAgentDay(snapshot.scores) ?? now.day(atUTCOffset: zone)
        }
        guard let utcNoon = TimestampFormat.parse(day + "T12:00:00Z") else {
            throw UsageError("invalid value \"\(day)\" for --day: expected a date such as 2026-11-11")
        }
        let noon = Timestamp(epochMilliseconds: utcNoon.epochMilliseconds - Int64(zone) * 1000)

        let people = try context.scanner.events(RosterPerson.self, of: context.catalogue.roster).events
        let report = ScoreReport(snapshot: snapshot, scope: .calendar(.day, containing: noon, utcOffsetSeconds: zone),
                                 kind: .agent, names: ScoreSubjectNames(people: people), scorecard: scorecard)
        return ReportScoresCommand.render(report, format: .table, language: context.language)
    }

    /// Returns the latest day whose agent day scores count conversations,
    /// "2026-11-11". A day with agent scores but no conversations (only a
    /// complaint or a case, say) is taken only when no day has conversations,
    /// and nil comes back when there are no agent day scores at all.
    static func latestAgentDay(_ scores: [Score]) -> String? {
        ScoreReport.latestPeriod(of: .agent, like: .day, in: scores)?.period.start
    }
}
