import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilScoring
@testable import Operator

@Suite("vigil report scores", .serialized)
struct ReportScoresCommandTests {
    /// A broker whose scores and roster topics hold the fixture.
    private func harness() throws -> OperatorHarness {
        let harness = try OperatorHarness()
        try harness.produce(ScoreReportFixture.roster, to: harness.catalogue.roster)
        try harness.produce(ScoreReportFixture.scores, to: harness.catalogue.scores)
        return harness
    }

    private func report(_ harness: OperatorHarness, _ arguments: [String], language: Language = .english,
                        now: Timestamp = reportTime("2026-11-12T09:00:00+08:00")) throws -> String {
        let options = try harness.options(ReportScoresCommand.self, arguments)
        return try ReportScoresCommand.report(ScoreReportRequest(options),
                                              context: try harness.context(ReportScoresCommand.self, language: language),
                                              now: now)
    }

    @Test("commands are registered")
    func registered() {
        let names = OperatorCommand.subcommands.map { $0.name }
        #expect(names.contains("report scores"))
        #expect(names.contains("scores"))
    }

    @Test("report from the scores topic")
    func reportFromTopic() throws {
        let harness = try harness()

        let csv = try report(harness, ["--period", "week", "--format", "csv"])
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5, "the default --at is now, in week 2026-W46; one row per agent")
        #expect(lines.dropFirst().map { String($0.prefix(8)) }.sorted() == ["A-hz-a01", "A-hz-a02", "A-hz-b01", "A-sh-a01"])
        #expect(lines.contains { $0.hasPrefix("A-hz-a01,杭州A组客服01,week/2026-11-09,") }, "names from the roster topic")

        let markdown = try report(harness, ["--period", "day", "--at", "2026-11-10T16:30:00Z", "--by", "vendor",
                                            "--format", "markdown"])
        #expect(markdown.hasPrefix("# Score report: day 2026-11-11 (UTC+08:00)\n"), "16:30 UTC is the next day in China")
        let vendor = try #require(ScoreReportFixture.scores(.vendor, period: "day/2026-11-11").first { $0.subject.id == "V-JINXIU" })
        let total = try #require(vendor.scorecard?.total)
        #expect(markdown.contains("| V-JINXIU | \(String(format: "%.2f", total)) | \(vendor.figures.conversations) |"))

        let chinese = try report(harness, ["--period", "month", "--by", "site"], language: .chinese)
        #expect(chinese.hasPrefix("客服考核评分报告：2026-11 月（2026-11-01 至 2026-11-30，UTC+08:00）\n统计维度：站点，共 2 个\n"))
        #expect(chinese.contains("杭州项目经理"))
    }

    @Test("campaign by team")
    func campaign() throws {
        let harness = try harness()
        let text = try report(harness, ["--period", "campaign", "--by", "team"])
        #expect(text.hasPrefix("Score report: 2026 Double 11 (2026-10-31 20:00 to 2026-11-12 00:00, UTC+08:00)\n"),
                "the built-in scorecard names the campaign")
        #expect(text.contains("Campaign leaderboard: T-hz-a (杭州A组主管)"))
        let named = try report(harness, ["--period", "campaign", "--campaign", "2026-double11", "--by", "shop"])
        #expect(named.contains("jd-flagship"))
        #expect(throws: UsageError.self) {
            try report(harness, ["--period", "campaign", "--campaign", "2025-618"])
        }
    }

    @Test("HTML to a file")
    func htmlOutput() throws {
        let harness = try harness()
        let path = harness.folder.appendingPathComponent("report.html").path
        let options = try harness.options(ReportScoresCommand.self,
                                          ["--period", "week", "--at", "2026-11-12T09:00+08:00", "--format", "html",
                                           "--output", path])
        let status = try ReportScoresCommand.run(options, context: try harness.context(ReportScoresCommand.self))
        #expect(status == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<svg id=\"chart-vendors-score\""))
        #expect(html.contains("<section class=\"table\" id=\"scores\">"))

        let missing = try harness.options(ReportScoresCommand.self,
                                          ["--period", "week", "--output", harness.folder.path + "/no/such/folder/r.html"])
        let error = try #require(throws: ReportOutputError.self) {
            try ReportScoresCommand.run(missing, context: try harness.context(ReportScoresCommand.self))
        }
        #expect(error.reason == "No such file or directory", "the system's reason, not a Foundation error number")
    }

    @Test("directories rejected plainly")
    func directories() throws {
        let harness = try OperatorHarness()
        let folder = harness.folder.path
        let output = try #require(throws: UsageError.self) {
            try ScoreReportRequest(harness.options(ReportScoresCommand.self, ["--period", "week", "--output", folder]))
        }
        #expect(output.message == "invalid value \"\(folder)\" for --output: it is a directory; give a file path such as \(folder)/scores.html")

        let scorecard = try #require(throws: ScorecardError.self) {
            try report(harness, ["--period", "week", "--scorecard", folder])
        }
        #expect(scorecard.description == "\(folder): the path is a directory, not a file: give the path of the JSON file itself")
    }

    @Test("scorecard option")
    func scorecardOption() throws {
        let harness = try harness()
        let path = try harness.write("scorecard.json", """
            {"version": "2027.01-1", "zone": "+08:00", "responseCapSeconds": 600, "replyLimitSeconds": 180,
             "conversionHours": 24,
             "items": [{"id": "conversion", "name": {"zh-CN": "咨询转化", "en": "Converted chats"},
                        "measure": "conversionRate", "weight": 1, "full": 0.3, "zero": 0}],
             "critical": [], "campaigns": []}
            """)
        let text = try report(harness, ["--period", "week", "--scorecard", path])
        #expect(text.contains("scores were computed with another scorecard than the report's 2027.01-1 (2026.12-1 for "))
        #expect(text.contains("\nConverted chats "))
        let campaign = try report(harness, ["--period", "campaign", "--scorecard", path])
        #expect(campaign.hasPrefix("Score report: campaign 2026-double11 (from 2026-10-31, UTC+08:00)\n"),
                "a campaign the scorecard does not list keeps its id")

        let broken = try harness.write("broken.json", "{\"version\": \"x\",\n \"items\": 3}")
        #expect(throws: ScorecardError.self) { try report(harness, ["--period", "week", "--scorecard", broken]) }
    }

    @Test("bad options are usage errors")
    func badOptions() throws {
        let harness = try OperatorHarness()
        for arguments in [[], ["--period", "year"], ["--period", "day", "--at", "2026-11-11T09:00"],
                          ["--period", "day", "--by", "region"], ["--period", "day", "--format", "xlsx"],
                          ["--period", "day", "--campaign", "2026-double11"], ["--period", "day", "--output", ""]] {
            #expect(throws: UsageError.self, "\(arguments)") {
                try ScoreReportRequest(harness.options(ReportScoresCommand.self, arguments))
            }
        }
    }

    @Test("empty topic reports nothing")
    func emptyTopic() throws {
        let harness = try OperatorHarness()
        let text = try report(harness, ["--period", "day"])
        #expect(text.contains("No agent scores for this period."))
        #expect(throws: UsageError.self) { try report(harness, ["--period", "campaign"]) }
    }

    // MARK: - vigil scores and vigil summary

    @Test("vigil scores prints a day")
    func scoresAlias() throws {
        let harness = try harness()
        let context = try harness.context(ScoresCommand.self, language: .chinese)
        let latest = try ScoresCommand.report(harness.options(ScoresCommand.self), context: context,
                                              now: reportTime("2030-01-01T00:00:00+08:00"))
        #expect(latest.hasPrefix("客服考核评分报告：2026-11-15（UTC+08:00）\n"), "the latest day with agent scores")
        #expect(latest.contains("杭州A组客服01"))

        let day = try ScoresCommand.report(harness.options(ScoresCommand.self, ["--day", "2026-11-11"]), context: context,
                                           now: reportTime("2030-01-01T00:00:00+08:00"))
        let score = try #require(ScoreReportFixture.scores(.agent, period: "day/2026-11-11").first { $0.subject.id == "A-sh-a01" })
        let row = day.split(separator: "\n").first { $0.hasPrefix("A-sh-a01") }
        let cells = row?.split(separator: " ").map(String.init)
        #expect(cells?.prefix(4) == ["A-sh-a01", "上海A组客服01", String(format: "%.2f", score.scorecard?.total ?? -1),
                                     String(score.figures.conversations)])
        #expect(throws: UsageError.self) {
            try ScoresCommand.report(harness.options(ScoresCommand.self, ["--day", "11/11"]), context: context,
                                     now: reportTime("2030-01-01T00:00:00+08:00"))
        }
    }

    @Test("summary counts scored agents")
    func summary() throws {
        let harness = try harness()
        let text = try SummaryCommand.text(context: try harness.context(SummaryCommand.self, language: .english))
        #expect(text.contains(", 4 agents,"))
    }
}
