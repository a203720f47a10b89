import Foundation
import Testing
import VigilContracts
import VigilScoring
@testable import Operator

/// What a reader needs to check a score report: thresholds, units, the legend,
/// scorecard versions, the report's zone, hints to a period with
/// conversations and readable charts.
@Suite("Score report for readers")
struct ScoreReportReadingTests {
    private let names = ScoreSubjectNames(people: ScoreReportFixture.roster)

    private var week46: ScoreReportScope {
        .calendar(.week, containing: reportTime("2026-11-11T09:00:00+08:00"))
    }

    private func report(_ kind: ScoreSubjectKind, _ scope: ScoreReportScope, scores: [Score] = ScoreReportFixture.scores,
                        scorecard: Scorecard = ScoreReportFixture.scorecard) -> ScoreReport {
        ScoreReport(snapshot: ScoreTopicSnapshot(scores: scores), scope: scope, kind: kind, names: names, scorecard: scorecard)
    }

    private func twoDecimals(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "-"
    }

    /// Returns one agent's day score with `figures`, evaluated with the fixture's scorecard.
    private func dayScore(_ agent: String, _ day: String, _ figures: ScoreFigures, version: String? = nil) -> Score {
        var result = ScoreReportFixture.evaluate(figures)
        if let version {
            result.version = version
        }
        return Score(subject: ScoreSubject(kind: .agent, id: agent), period: ScorePeriod(kind: .day, start: day),
                     figures: figures, scorecard: result, asOf: reportTime(day + "T18:00:00+08:00"))
    }

    // MARK: - Explanation

    @Test("explanation shows thresholds")
    func thresholds() throws {
        let section = try #require(report(.agent, week46).document(in: .english).sections.first { $0.id == "explain-A-hz-a01" })
        let expected: [String: (full: String, zero: String)] = [
            "First response": ("30", "180"), "Timely replies": ("95.0%", "60.0%"), "Alert frequency": ("0.0", "10.0"),
            "Case acknowledgement": ("5.0", "60.0"), "Conversion": ("30.0%", "0.0%"),
        ]
        for (name, thresholds) in expected {
            let row = try #require(section.rows.first { $0[0] == name }, "\(name)")
            #expect(row[3] == thresholds.full, "\(name) full at")
            #expect(row[4] == thresholds.zero, "\(name) zero at")
        }

        // The points follow from the value and the two thresholds shown.
        let score = try #require(ScoreReportFixture.scores(.agent, period: "week/2026-11-09").first { $0.subject.id == "A-hz-a01" })
        let median = try #require(score.figures.firstResponseMedianSeconds)
        let first = try #require(section.rows.first { $0[0] == "First response" })
        let points = 25 * min(max((median - 180) / (30 - 180), 0), 1)
        #expect(first[5] == twoDecimals(points))
        #expect(section.notes.first == "points = weight × (value − zero at) ÷ (full at − zero at), kept between 0 and the weight.")
    }

    @Test("acknowledge median in minutes")
    func acknowledgeMinutes() throws {
        var acknowledged = ScoreFigures(conversations: 10)
        acknowledged.cases = 2
        acknowledged.acknowledgedCases = 2
        acknowledged.acknowledgeMedianSeconds = 930
        var unacknowledged = ScoreFigures(conversations: 10)
        unacknowledged.cases = 3
        let quiet = ScoreFigures(conversations: 10)
        let scores = [dayScore("A-1", "2026-11-11", acknowledged), dayScore("A-2", "2026-11-11", unacknowledged),
                      dayScore("A-3", "2026-11-11", quiet)]
        let day = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-11T12:00:00+08:00"))

        for (language, minutes, none) in [(Language.english, "acknowledge median (min)", "none acknowledged"),
                                          (Language.chinese, "确认用时中位数（分钟）", "未确认")] {
            let document = report(.agent, day, scores: scores).document(in: language)
            let table = try #require(document.sections.first)
            let column = try #require(table.headers.firstIndex(of: minutes))
            func cell(_ agent: String) -> String? {
                table.rows.first { $0[0] == agent }?[column]
            }
            #expect(cell("A-1") == "15.5", "930 s")
            #expect(cell("A-2") == none, "three cases, none acknowledged")
            #expect(cell("A-3") == "-", "no cases")

            let explanation = try #require(document.sections.first { $0.id == "explain-A-2" })
            let item = try #require(explanation.rows.first { $0[1] == minutes })
            #expect(item[2] == none)
        }

        let csv = report(.agent, day, scores: scores).csv(in: .english).components(separatedBy: "\r\n")
        let header = csv[0].components(separatedBy: ",")
        let seconds = try #require(header.firstIndex(of: "acknowledge median (s)"), "CSV keeps seconds")
        #expect(csv.first { $0.hasPrefix("A-1,") }?.components(separatedBy: ",")[seconds] == "930")
    }

    @Test("legend tells measures apart")
    func legend() throws {
        var scorecard = ScoreReportFixture.scorecard
        scorecard.replyLimitSeconds = 150
        let table = try #require(report(.agent, week46, scorecard: scorecard).document(in: .chinese).sections.first)
        #expect(table.headers.contains("慢回复"))
        #expect(table.headers.contains("回复超时预警"))
        let slow = table.notes.first { $0.hasPrefix("慢回复：") }
        #expect(slow?.contains("150 秒") == true, "the report scorecard's reply limit")
        #expect(table.notes.contains { $0.hasPrefix("回复超时预警：预警服务（vigil-alerting）") })
        #expect(table.notes.contains { $0.hasPrefix("升级：") })

        let empty = ScoreReportScope.calendar(.week, containing: reportTime("2027-03-01T09:00:00+08:00"))
        #expect(report(.agent, empty).document(in: .chinese).sections.first?.notes == [], "no rows, no legend")
    }

    @Test("CSV names counts and shares apart")
    func csvHeaders() throws {
        let english = report(.agent, week46).csv(in: .english).components(separatedBy: "\r\n")[0].components(separatedBy: ",")
        #expect(english.contains("rectifications on time (count)"))
        #expect(english.contains("rectifications on time (share)"))
        #expect(!english.contains("rectification on time"))

        let chinese = report(.agent, week46).csv(in: .chinese).components(separatedBy: "\r\n")[0].components(separatedBy: ",")
        #expect(chinese.contains("预警：投诉"))
        let alertHeaders = chinese.filter { $0.hasPrefix("预警：") }
        #expect(!alertHeaders.isEmpty)
        for header in alertHeaders {
            #expect(!header.unicodeScalars.contains { $0.properties.isAlphabetic && $0.isASCII }, "an English category id in \(header)")
        }
    }

    // MARK: - Versions

    @Test("mixed versions named per row")
    func mixedVersions() throws {
        let newer: Set = ["A-hz-a02", "A-sh-a01"]
        let scores = ScoreReportFixture.scores.map { score -> Score in
            guard score.subject.kind == .agent, newer.contains(score.subject.id), var result = score.scorecard else { return score }
            result.version = "2027.01-1"
            return Score(subject: score.subject, period: score.period, figures: score.figures, scorecard: result,
                         campaign: score.campaign, asOf: score.asOf)
        }
        let report = report(.agent, week46, scores: scores)
        let document = report.document(in: .english)
        let older = report.rows.map(\.subject.id).filter { !newer.contains($0) }
        let later = report.rows.map(\.subject.id).filter { newer.contains($0) }
        #expect(document.subtitle.contains("Scorecard versions: 2026.12-1 for 2 (\(older.joined(separator: ", "))); "
            + "2027.01-1 for 2 (\(later.joined(separator: ", "))). The score table names each row's version."))
        #expect(document.warnings.first?.hasPrefix("2 of 4 scores were computed with another scorecard than the report's "
            + "2026.12-1 (2027.01-1 for \(later.joined(separator: ", ")))") == true)

        let table = try #require(document.sections.first)
        let column = try #require(table.headers.firstIndex(of: "scorecard version"))
        for row in table.rows {
            #expect(row[column] == (newer.contains(row[0]) ? "2027.01-1" : "2026.12-1"), "\(row[0])")
        }
        let shown = try #require(document.sections.first { $0.id == "explain-A-hz-a01" })
        #expect(shown.rows.first?[3] == "30", "the report's own version shows thresholds")
        let hidden = try #require(document.sections.first { $0.id == "explain-A-sh-a01" })
        #expect(hidden.rows.first?[3] == "-", "another version hides them")

        let single = self.report(.agent, week46).document(in: .english)
        #expect(single.sections.first?.headers.contains("scorecard version") == false)
        #expect(single.warnings.isEmpty)
    }

    // MARK: - Zone

    @Test("inputs up to in report zone")
    func inputsUpToZone() throws {
        var utc = ScoreReportFixture.scorecard
        utc.zoneOffsetSeconds = 0
        let scope = ScoreReportScope.calendar(.week, containing: reportTime("2026-11-11T09:00:00Z"), utcOffsetSeconds: 0)
        let report = report(.agent, scope, scorecard: utc)
        #expect(report.document(in: .english).subtitle.contains("Inputs up to: 2026-11-15 14:00 (UTC+00:00)"),
                "22:00 in China is 14:00 UTC")
        #expect(report.document(in: .chinese).subtitle.contains("数据截至：2026-11-15 14:00（UTC+00:00）"))
        let csv = report.csv(in: .english).components(separatedBy: "\r\n")
        #expect(csv.first { $0.hasPrefix("A-hz-a01,") }?.contains(",2026-11-15T14:00:00Z,") == true)

        let china = self.report(.agent, week46)
        #expect(china.document(in: .english).subtitle.contains("Inputs up to: 2026-11-15 22:00 (UTC+08:00)"))
        #expect(china.csv(in: .english).contains(",2026-11-15T22:00:00+08:00,"))
    }

    // MARK: - Quiet periods

    @Test("latest day has conversations")
    func latestDayWithConversations() {
        var complaintOnly = ScoreFigures()
        complaintOnly.complaints = 1
        let busy = dayScore("A-1", "2026-11-11", ScoreFigures(conversations: 12))
        let quiet = dayScore("A-1", "2026-11-13", complaintOnly)
        #expect(ScoresCommand.latestAgentDay([busy, quiet]) == "2026-11-11")
        #expect(ScoresCommand.latestAgentDay([quiet]) == "2026-11-13", "without conversations, any score")
        #expect(ScoresCommand.latestAgentDay([]) == nil)
    }

    @Test("quiet period suggests busy one")
    func quietPeriodHint() throws {
        var complaintOnly = ScoreFigures()
        complaintOnly.complaints = 1
        let scores = [dayScore("A-1", "2026-11-11", ScoreFigures(conversations: 12)), dayScore("A-1", "2026-11-13", complaintOnly)]

        let quietDay = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-13T12:00:00+08:00"))
        let quiet = report(.agent, quietDay, scores: scores).document(in: .english)
        #expect(quiet.sections.first?.rows.count == 1)
        #expect(quiet.warnings == ["The scores of this period count no conversations, only alerts, cases, complaints or orders. "
            + "The latest period with conversations is 2026-11-11; see it with --at 2026-11-11T12:00+08:00 "
            + "(vigil scores: --day 2026-11-11)."])

        let emptyDay = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-20T12:00:00+08:00"))
        let empty = report(.agent, emptyDay, scores: scores).document(in: .chinese)
        #expect(empty.warnings == ["本期没有客服的评分。评分主题上最近有会话的一期为 2026-11-11，可用 --at 2026-11-11T12:00+08:00 查看（vigil scores 用 --day 2026-11-11）。"])

        let busyDay = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-11T12:00:00+08:00"))
        #expect(report(.agent, busyDay, scores: scores).document(in: .english).warnings.isEmpty)
    }

    // MARK: - Charts

    @Test("single day has no trend chart")
    func singleDayTrend() throws {
        let day = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-11T12:00:00+08:00"))
        let figures = report(.agent, day).figures(in: .english)
        let trend = try #require(figures.first { $0.id == "chart-trend" })
        #expect(trend.charts.isEmpty)
        #expect(trend.caption?.hasPrefix("This period is a single day, so there is no daily trend") == true)

        let week = try #require(report(.agent, week46).figures(in: .english).first { $0.id == "chart-trend" })
        #expect(week.charts.count == 2)
    }

    @Test("bucket above cap only when filled")
    func capBucket() throws {
        func columns(_ scores: [Score]) throws -> String {
            let figure = try #require(report(.agent, week46, scores: scores).figures(in: .english)
                .first { $0.id == "chart-response-times" })
            return figure.charts.joined()
        }
        #expect(ScoreReport.sum(ScoreReportFixture.scores(.agent, period: "week/2026-11-09").map(\.figures.responseTimeBuckets))[7] == 0)
        let empty = try columns(ScoreReportFixture.scores)
        #expect(empty.contains("301–600 s"))
        #expect(!empty.contains("&gt;600 s"), "SVG text escapes >")

        let filled = ScoreReportFixture.scores.map { score -> Score in
            guard score.period.key == "week/2026-11-09", score.subject.id == "A-hz-a01" else { return score }
            var figures = score.figures
            figures.responseTimeBuckets[7] = 4
            return Score(subject: score.subject, period: score.period, figures: figures, scorecard: score.scorecard,
                         asOf: score.asOf)
        }
        let long = try columns(filled)
        #expect(long.contains("&gt;600 s"))
    }

    @Test("comparison says which bars are better")
    func comparisonCaption() throws {
        let vendors = try #require(report(.agent, week46).figures(in: .chinese).first { $0.id == "chart-vendors" })
        #expect(vendors.title == "外包商对比")
        #expect(vendors.caption == "首次响应中位数和每百会话预警的条越短越好；总分、限时内回复占比、转化率和销售额的条越长越好。")
    }
}
