import VigilContracts
import VigilRuntime

/// `vigil scores`: the agents' score report for one day, a short form of
/// `vigil report scores --period day --by agent`.
enum ScoresCommand: Subcommand {
    static let name = "scores"
    static let summary = LocalizedText(chinese: "某一天各客服的考核评分（vigil report scores --period day --by agent 的简写）",
                                       english: "the agents' scores for one day (short for vigil report scores --period day --by agent)")
    static let options: [OptionSpec] = [
        OptionSpec("day", valueName: "YYYY-MM-DD",
                   help: LocalizedText(chinese: "这一天（北京时间）；默认取评分主题上有客服评分的最近一天",
                                       english: "the calendar day in China time (+08:00); default: the latest day with agent scores on the scores topic")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        print(try report(options, context: context, now: WallClock.now()), terminator: "")
        return 0
    }

    /// Returns the agents' day report as a terminal table.
    static func report(_ options: ParsedOptions, context: OperatorContext, now: Timestamp) throws -> String {
        let snapshot = try ScoreTopicSnapshot.read(context: context)
        let day: String
        if let given = options.value("day") {
            guard TimestampFormat.parse(given + "T00:00:00+08:00") != nil, given.count == 10 else {
                throw UsageError("invalid value \"\(given)\" for --day: expected a date such as 2026-11-11")
            }
            day = given
        } else {
            day = latestAgentDay(snapshot.scores) ?? now.day(atUTCOffset: ScoreReportScope.utcOffsetSeconds)
        }
        guard let noon = TimestampFormat.parse(day + "T12:00:00+08:00") else {
            throw UsageError("invalid value \"\(day)\" for --day: expected a date such as 2026-11-11")
        }

        let people = try context.scanner.events(RosterPerson.self, of: context.catalogue.roster).events
        let report = ScoreReport(snapshot: snapshot, scope: .calendar(.day, containing: noon), kind: .agent,
                                 names: ScoreSubjectNames(people: people))
        return ReportScoresCommand.render(report, format: .table, language: context.language)
    }

    /// The latest day with an agent's day score, "2026-11-11"; nil when there is none.
    static func latestAgentDay(_ scores: [Score]) -> String? {
        scores.filter { $0.subject.kind == .agent && $0.period.kind == .day }.map(\.period.start).max()
    }
}
