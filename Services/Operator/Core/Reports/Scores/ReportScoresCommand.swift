import Foundation
import VigilContracts
import VigilRuntime

/// `vigil report scores`: the scorecard totals and measures of every agent,
/// team, vendor, site or shop for a day, week, month or campaign, with each
/// total explained, as a terminal table, CSV, Markdown or an HTML page with charts.
enum ReportScoresCommand: Subcommand {
    static let name = "report scores"
    static let summary = LocalizedText(
        chinese: "考核评分报告：按客服、班组、外包商、站点或店铺列出某日、周、月或大促期间的总分、各项指标和评分明细，可输出带图表的网页",
        english: "score report for a day, week, month or campaign by agent, team, vendor, site or shop: "
            + "totals, measures and how each total is made up; also as an HTML page with charts")
    static let options: [OptionSpec] = [
        OptionSpec("period", valueName: "day|week|month|campaign",
                   help: LocalizedText(chinese: "统计周期（必填）：自然日、ISO 周（周一开始）、自然月（按评分卡时区，默认北京时间）或大促期间",
                                       english: "the period (required): calendar day, ISO week starting Monday, calendar month "
                                           + "(in the scorecard's zone, +08:00 by default) or a campaign window")),
        OptionSpec("at", valueName: "TIME",
                   help: LocalizedText(chinese: "报告包含该时间的周期，须带时区偏移，如 2026-11-11T09:00+08:00；默认为当前时间。"
                                           + "大促时取此前最近开始的大促",
                                       english: "report the period containing this time, with its UTC offset, such as "
                                           + "2026-11-11T09:00+08:00; default: now. For campaigns: the latest campaign opened by then")),
        OptionSpec("campaign", valueName: "ID",
                   help: LocalizedText(chinese: "大促编号（评分卡中的 id），与 --period campaign 一起用；默认取评分主题上最近的大促",
                                       english: "the campaign id from the scorecard, with --period campaign; "
                                           + "default: the latest campaign on the scores topic")),
        OptionSpec("by", valueName: "agent|team|vendor|site|shop", defaultValue: "agent",
                   help: LocalizedText(chinese: "每行一个：客服、班组、外包商、站点或店铺",
                                       english: "one row per agent, team, vendor, site or shop")),
        OptionSpec("format", valueName: "table|csv|markdown|html", defaultValue: "table",
                   help: LocalizedText(chinese: "输出格式：table（终端表格）、csv（每行一个对象，含全部指标和各项贡献）、markdown "
                                           + "或 html（带图表的独立网页，不加载任何外部资源）",
                                       english: "output format: table (terminal), csv (a row per subject with every measure and "
                                           + "item contribution), markdown or html (a self-contained page with charts that loads nothing)")),
        scorecardOption,
        OptionSpec("output", valueName: "FILE",
                   help: LocalizedText(chinese: "写入该文件（UTF-8），不打印到终端", english: "write to this file (UTF-8) instead of standard output")),
    ]

    /// `--scorecard`, which the report reads for the names of items and campaigns and for the zone.
    static let scorecardOption = OptionSpec(
        "scorecard", environment: "VIGIL_SCORECARD", valueName: "FILE",
        help: LocalizedText(chinese: "评分卡文件，用于项目和大促的名称、大促起止时间和时区；默认用内置评分卡（scorecards/default.json）",
                            english: "the scorecard file that names items and campaigns and sets campaign windows and the zone; "
                                + "default: the built-in scorecard (scorecards/default.json)"))

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let request = try ScoreReportRequest(options)
        let text = try report(request, context: context)
        guard let output = request.output else {
            print(text, terminator: "")
            return 0
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw ReportOutputError(path: output, error: error)
        }
        print(context.text("报告已写入 \(output)", "Report written to \(output)"))
        return 0
    }

    /// Reads the scores and roster topics and returns the rendered report.
    static func report(_ request: ScoreReportRequest, context: OperatorContext, now: Timestamp = WallClock.now()) throws -> String {
        let scorecard = try request.loadScorecard()
        let snapshot = try ScoreTopicSnapshot.read(context: context)
        let people = try context.scanner.events(RosterPerson.self, of: context.catalogue.roster).events
        let scope = try request.scope(scores: snapshot.scores, now: now, scorecard: scorecard)
        let report = ScoreReport(snapshot: snapshot, scope: scope, kind: request.by, names: ScoreSubjectNames(people: people),
                                 scorecard: scorecard)
        return render(report, format: request.format, language: context.language)
    }

    /// Renders a computed report in a format.
    static func render(_ report: ScoreReport, format: ReportFormat, language: Language) -> String {
        switch format {
        case .csv: report.csv(in: language)
        case .html: report.html(in: language)
        case .table, .markdown: format.render(report.document(in: language), language: language)
        }
    }
}
