import VigilContracts
import VigilRuntime

/// `vigil scores`: per-agent figures from the compacted scores topic.
enum ScoresCommand: Subcommand {
    static let name = "scores"
    static let summary = LocalizedText(chinese: "按客服列出考核数据：会话数、平均首次响应时长、预警、案件、投诉",
                                       english: "per-agent figures: conversations, mean first response, alerts, cases, complaints")
    static let options: [OptionSpec] = [
        OptionSpec("day", valueName: "YYYY-MM-DD",
                   help: LocalizedText(chinese: "只看这一天（北京时间）；默认汇总所有天",
                                       english: "only this calendar day in Beijing time (+08:00); default: all days summed")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let day = options.value("day")
        if let day, TimestampFormat.parse(day + "T00:00:00+08:00") == nil {
            throw UsageError("invalid value \"\(day)\" for --day: expected a date such as 2026-11-11")
        }
        let totals = try latestFigures(context: context, day: day)
        let roster = try context.loadRoster()

        var table = TextTable(
            headers: context.language == .chinese
                ? ["客服", "姓名", "团队", "会话", "首响均值（秒）", "预警", "案件", "投诉"]
                : ["agent", "name", "team", "conversations", "mean first response (s)", "alerts", "cases", "complaints"],
            rightAligned: [3, 4, 5, 6, 7])
        for (agent, figures) in totals.sorted(by: { $0.key < $1.key }) {
            let person = roster.person(agent)
            let mean = figures.firstResponseSecondsMean.map { String(Int($0.rounded())) } ?? "-"
            table.append([agent, person?.name ?? "-", person?.team ?? "-", String(figures.conversations), mean,
                          String(figures.alerts), String(figures.cases), String(figures.complaints)])
        }
        print(table.render())
        print(context.text("共 \(totals.count) 名客服", totals.count == 1 ? "1 agent" : "\(totals.count) agents"))
        return 0
    }

    /// Reads the latest figures per agent, summed over days (or for one day).
    static func latestFigures(context: OperatorContext, day: String?) throws -> [String: ScoreFigures] {
        // The last record per key wins, as compaction would leave it.
        var latest: [String: Score] = [:]
        for record in try context.scanner.records(of: context.catalogue.scores) {
            guard let score = try? RecordDecoding.decode(Score.self, from: record.value) else { continue }
            latest[score.recordKey ?? ""] = score
        }
        var totals: [String: ScoreFigures] = [:]
        for score in latest.values where score.subject.kind == .agent && (day == nil || score.period.start == day) {
            totals[score.subject.id] = score.figures  // TODO: replaced by `vigil report scores` (in progress)
        }
        return totals
    }
}
