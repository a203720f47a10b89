import Foundation
import Testing
import VigilContracts
import VigilScoring
@testable import Operator

@Suite("Score report")
struct ScoreReportTests {
    private let names = ScoreSubjectNames(people: ScoreReportFixture.roster)

    private func report(_ kind: ScoreSubjectKind, _ scope: ScoreReportScope) -> ScoreReport {
        ScoreReport(snapshot: ScoreTopicSnapshot(scores: ScoreReportFixture.scores), scope: scope, kind: kind, names: names,
                    scorecard: ScoreReportFixture.scorecard)
    }

    private var week46: ScoreReportScope {
        .calendar(.week, containing: reportTime("2026-11-11T09:00:00+08:00"))
    }

    private func campaignScope() throws -> ScoreReportScope {
        try ScoreReportScope.campaign(nil, at: nil, scores: ScoreReportFixture.scores, scorecard: ScoreReportFixture.scorecard)
    }

    /// Returns the fixture's score of one subject for a period key.
    private func fixtureScore(_ kind: ScoreSubjectKind, _ id: String, _ key: String) -> Score? {
        ScoreReportFixture.scores(kind, period: key).first { $0.subject.id == id }
    }

    private func twoDecimals(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "-"
    }

    // MARK: - Score table

    @Test("week by agent ranks rows")
    func weekByAgent() throws {
        let document = report(.agent, week46).document(in: .english)
        let table = try #require(document.sections.first)
        #expect(table.id == "scores")
        #expect(table.headers.prefix(4) == ["agent", "name", "score", "conversations"])
        #expect(table.rows.count == 4)

        let totals = table.rows.map { Double($0[2]) ?? -1 }
        #expect(totals == totals.sorted(by: >), "best total first")
        #expect(table.rows.last?.first == "A-hz-b01", "the zeroed agent comes last")
        #expect(table.rows.last?[2] == "0.00")

        for row in table.rows {
            let score = try #require(fixtureScore(.agent, row[0], "week/2026-11-09"))
            #expect(row[1] == ScoreReportFixture.agents.first { $0.id == row[0] }?.name)
            #expect(row[2] == twoDecimals(score.scorecard?.total))
            #expect(row[3] == String(score.figures.conversations))
            let median = try #require(score.figures.firstResponseMedianSeconds)
            #expect(row[4] == (median == median.rounded() ? String(Int(median)) : String(format: "%.1f", median)))
            let share = try #require(score.figures.repliesWithinLimitShare)
            #expect(row[8] == String(format: "%.1f%%", share * 100))
        }
        #expect(document.title == "Score report: week 2026-W46 (2026-11-09 to 2026-11-15, UTC+08:00)")
        #expect(document.subtitle.contains("Scorecard version: 2026.12-1"))
        #expect(document.subtitle.contains("Inputs up to: 2026-11-15 22:00 (UTC+08:00)"))
    }

    @Test("responsibility, rectification, sales columns")
    func laterColumns() throws {
        let table = try #require(report(.agent, week46).document(in: .english).sections.first)
        let header = table.headers
        let shanghai = try #require(table.rows.first { $0[0] == "A-sh-a01" })
        let score = try #require(fixtureScore(.agent, "A-sh-a01", "week/2026-11-09"))
        func cell(_ name: String) -> String? {
            header.firstIndex(of: name).map { shanghai[$0] }
        }
        #expect(cell("primary/joint responsibility") == "0/1")
        #expect(cell("rectified on time/due") == "1/1")
        #expect(cell("cases") == "2")
        #expect(cell("acknowledge median (min)") == "7.0", "420 s in minutes")
        #expect(cell("orders") == String(score.figures.orders))
        let sales = NSDecimalNumber(decimal: score.figures.sales).doubleValue
        let grouped = NumberFormatter()
        grouped.numberStyle = .decimal
        grouped.minimumFractionDigits = 2
        grouped.maximumFractionDigits = 2
        grouped.locale = Locale(identifier: "en_US")
        #expect(cell("sales (CNY)") == grouped.string(from: NSNumber(value: sales)))
    }

    @Test("team names are supervisors")
    func teamNames() throws {
        let table = try #require(report(.team, week46).document(in: .chinese).sections.first)
        #expect(table.headers.prefix(3) == ["班组", "主管", "总分"])
        #expect(Set(table.rows.map { $0[1] }) == ["杭州A组主管", "杭州B组主管", "上海A组主管"])
        let vendors = try #require(report(.vendor, week46).document(in: .chinese).sections.first)
        #expect(vendors.headers.prefix(2) == ["外包商", "总分"], "vendors have no name column")
        #expect(vendors.rows.map { $0[0] } == ["V-JINXIU", "V-BAIXING"])
    }

    // MARK: - Explanation

    @Test("explanation lists each item")
    func explanation() throws {
        let document = report(.agent, week46).document(in: .english)
        let section = try #require(document.sections.first { $0.id == "explain-A-hz-a01" })
        let score = try #require(fixtureScore(.agent, "A-hz-a01", "week/2026-11-09"))
        let result = try #require(score.scorecard)
        #expect(section.headers == ["item", "measure", "value", "full at", "zero at", "points", "weight", "contribution"])
        #expect(section.rows.count == result.items.count + 1)
        for (row, item) in zip(section.rows, result.items) {
            #expect(row[0] == ScoreReportFixture.scorecard.items.first { $0.id == item.id }?.name.english)
            #expect(row[6] == String(Int(item.weight)))
            if item.points == nil {
                #expect(row[5] == "n/a")
                #expect(row[7] == "-")
            } else {
                #expect(row[5] == twoDecimals(item.points))
                #expect(row[7] == twoDecimals(item.contribution))
            }
        }
        let acknowledge = try #require(section.rows.first { $0[0] == "Case acknowledgement" })
        #expect(acknowledge[1] == "acknowledge median (min)")
        #expect(acknowledge[2] == "-", "no cases this week")
        #expect(acknowledge[5] == "n/a")
        let total = try #require(section.rows.last)
        #expect(total[0] == "total")
        #expect(total[6] == "90", "the acknowledge weight leaves the denominator")
        #expect(total[7] == twoDecimals(result.total))
        #expect(section.notes.contains { $0.hasPrefix("Items marked n/a") })
        #expect(section.notes.contains("Critical item regulator-human-cause (Regulator case with a human cause): 0, maximum 0, passed."))
    }

    @Test("failed critical item zeroes total")
    func criticalItem() throws {
        let document = report(.agent, week46).document(in: .chinese)
        let section = try #require(document.sections.first { $0.id == "explain-A-hz-b01" })
        #expect(section.title == "评分明细：A-hz-b01 杭州B组客服01，总分 0.00")
        #expect(section.notes.contains("一票否决项 regulator-human-cause（人为原因监管案件）：1，上限 0，未通过。"))
        let result = try #require(fixtureScore(.agent, "A-hz-b01", "week/2026-11-09")?.scorecard)
        let points = result.items.compactMap(\.points).reduce(0, +)
        #expect(section.notes.contains("一票否决项“人为原因监管案件”未通过，总分清零为 0（各项得分合计 \(twoDecimals(points))，权重合计 100）。"))
        let acknowledge = try #require(section.rows.first { $0[0] == "案件确认" })
        #expect(acknowledge[2] == "15.0", "the regulator case was acknowledged in 900 s, 15 minutes")
        #expect(section.rows.last?.last == "0.00")
    }

    // MARK: - Campaign

    @Test("campaign leaderboard by team")
    func leaderboard() throws {
        let scope = try campaignScope()
        #expect(scope.period == ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: "2026-double11"))
        #expect(scope.days == ScoreReportFixture.campaignDays)

        let document = report(.team, scope).document(in: .english)
        #expect(document.title == "Score report: 2026 Double 11 (2026-10-31 20:00 to 2026-11-12 00:00, UTC+08:00)")
        let boards = document.sections.filter { $0.id?.hasPrefix("leaderboard-") == true }
        #expect(boards.count == 3)

        let teamA = try #require(boards.first { $0.id == "leaderboard-T-hz-a" })
        let standing = ScoreReportFixture.standing(team: "T-hz-a")
        #expect(teamA.title == "Campaign leaderboard: T-hz-a (杭州A组主管)")
        #expect(teamA.headers == ["rank", "agent", "name", "orders", "sales (CNY)", "rewarded"])
        #expect(teamA.rows.map { $0[1] } == standing.leaderboard.map(\.agent))
        #expect(teamA.rows.first?[0] == "1")
        #expect(teamA.rows.first?[2] == "杭州A组客服01")
        #expect(teamA.rows.map { $0[5] } == ["yes", "no"], "the top seller of a team that met its target")
        #expect(teamA.notes.first?.hasSuffix("against a target of 30,000.00 CNY: met. "
                                              + "A team that meets its target rewards the top 1 of its sellers "
                                              + "that failed no critical item.") == true)

        let teamB = try #require(boards.first { $0.id == "leaderboard-T-hz-b" })
        #expect(teamB.rows.map { $0[5] } == ["no"], "a team below its target rewards nobody")
        #expect(teamB.notes.first?.contains("against a target of 50,000.00 CNY: not met") == true)
        let shanghai = try #require(boards.first { $0.id == "leaderboard-T-sh-a" })
        #expect(shanghai.notes.first?.hasSuffix("no target is set, so nobody is rewarded.") == true)
    }

    @Test("agents in a campaign have no leaderboard")
    func noLeaderboardForAgents() throws {
        let document = report(.agent, try campaignScope()).document(in: .english)
        #expect(!document.sections.contains { $0.id?.hasPrefix("leaderboard-") == true })
    }

    @Test("disqualified seller shows failed items")
    func disqualifiedSeller() throws {
        // The top seller of T-hz-a fails the scorecard's critical item and one
        // the report's scorecard does not list, so the runner-up takes the reward.
        var standing = ScoreReportFixture.standing(team: "T-hz-a")
        try #require(standing.leaderboard.count == 2)
        standing.leaderboard[0].rewarded = false
        standing.leaderboard[0].failedCritical = ["regulator-human-cause", "retired-item"]
        standing.leaderboard[1].rewarded = true
        let scores = ScoreReportFixture.scores.map { score in
            guard score.subject == ScoreSubject(kind: .team, id: "T-hz-a"), score.campaign != nil else { return score }
            return Score(subject: score.subject, period: score.period, figures: score.figures,
                         scorecard: score.scorecard, campaign: standing, asOf: score.asOf)
        }
        let report = ScoreReport(snapshot: ScoreTopicSnapshot(scores: scores), scope: try campaignScope(), kind: .team,
                                 names: names, scorecard: ScoreReportFixture.scorecard)

        let chinese = try #require(report.document(in: .chinese).sections.first { $0.id == "leaderboard-T-hz-a" })
        #expect(chinese.rows.map { $0[5] } == ["否（一票否决：人为原因监管案件、retired-item）", "是"])
        #expect(chinese.notes.first?.hasSuffix("已达成；达成目标的班组奖励未被一票否决的前 1 名。") == true)
        let english = try #require(report.document(in: .english).sections.first { $0.id == "leaderboard-T-hz-a" })
        #expect(english.rows.map { $0[5] }
            == ["no (critical item failed: Regulator case with a human cause, retired-item)", "yes"])
    }

    // MARK: - CSV

    @Test("CSV has a row per subject")
    func csv() throws {
        let csv = report(.agent, week46).csv(in: .english)
        let lines = csv.components(separatedBy: "\r\n").dropLast()
        #expect(csv.hasSuffix("\r\n"))
        #expect(lines.count == 5, "the header and four agents")
        let header = lines[0].components(separatedBy: ",")
        #expect(Set(header).count == header.count, "every header is unique")
        for line in lines {
            #expect(line.components(separatedBy: ",").count == header.count, "\(line)")
        }
        for item in ScoreReportFixture.scorecard.items {
            #expect(header.contains("\(item.id) contribution"))
        }
        #expect(header.contains("regulator-human-cause failed"))
        #expect(header.contains("alerts: complaint"))
        #expect(header.contains("responses >600 s"))

        let rows = lines.dropFirst().map { $0.components(separatedBy: ",") }
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        for row in rows {
            let score = try #require(fixtureScore(.agent, row[0], "week/2026-11-09"))
            let total = try #require(score.scorecard?.total)
            #expect(abs((Double(row[try column("score")]) ?? -1) - total) < 0.00001)
            #expect(row[try column("conversations")] == String(score.figures.conversations))
            #expect(row[try column("sales (CNY)")] == "\(score.figures.sales)".padded2)
            let share = try #require(score.figures.repliesWithinLimitShare)
            #expect(abs((Double(row[try column("share of replies within limit")]) ?? -1) - share) < 0.0001)
            #expect(row[try column("replies within limit")] == String(score.figures.repliesWithinLimit))
            let contribution = score.scorecard?.items.first { $0.id == "conversion" }?.contribution
            #expect(Double(row[try column("conversion contribution")]) == contribution)
        }
        let zeroed = try #require(rows.first { $0[0] == "A-hz-b01" })
        #expect(zeroed[try column("zeroed by")] == "regulator-human-cause")
        #expect(zeroed[try column("regulator-human-cause failed")] == "1")
        let quiet = try #require(rows.first { $0[0] == "A-hz-a01" })
        #expect(quiet[try column("acknowledge value")] == "", "no value, no number")
    }

    @Test("CSV by team adds the standing")
    func csvStanding() throws {
        let csv = report(.team, try campaignScope()).csv(in: .chinese)
        let lines = csv.components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        #expect(header.suffix(3) == ["班组销售额", "销售目标", "达成目标"])
        let teamA = try #require(lines.first { $0.hasPrefix("T-hz-a,") })
        let sales = ScoreReportFixture.standing(team: "T-hz-a").teamSales
        #expect(teamA.hasSuffix(",\("\(sales)".padded2),30000.00,1"))
        let shanghai = try #require(lines.first { $0.hasPrefix("T-sh-a,") })
        #expect(shanghai.hasSuffix(",,0"), "no target, not met")
    }

    // MARK: - Trend and distribution

    @Test("trend follows the day scores")
    func trend() throws {
        let report = report(.agent, week46)
        #expect(report.trend.days == ScoreReportFixture.weekDays)
        #expect(report.trend.series.count == 4)
        #expect(report.trend.subjectCount == 4)
        for series in report.trend.series {
            let expected = ScoreReportFixture.weekDays.map { fixtureScore(.agent, series.subject.id, "day/\($0)")?.scorecard?.total }
            #expect(series.totals == expected)
        }
        let busiest = report.rows.map(\.figures.conversations).max()
        #expect(report.rows.first { $0.subject == report.trend.series.first?.subject }?.figures.conversations == busiest)
        let perDay = ScoreReportFixture.weekDays.map { day in
            ScoreReportFixture.scores(.agent, period: "day/\(day)").map(\.figures.conversations).reduce(0, +)
        }
        #expect(report.trend.conversations == perDay)
    }

    @Test("response times add up")
    func responseTimes() {
        let report = report(.vendor, week46)
        let expected = ScoreReportFixture.scores(.vendor, period: "week/2026-11-09").map(\.figures.responseTimeBuckets)
            .reduce(Array(repeating: 0, count: 8)) { zip($0, $1).map(+) }
        #expect(report.responseTimeBuckets == expected)
        #expect(report.responseTimeBuckets.reduce(0, +) == report.rows.map(\.figures.rounds).reduce(0, +))
    }

    @Test("bucket sums tolerate other lengths")
    func bucketSums() {
        #expect(ScoreReport.sum([[1, 2], [3, 4, 5, 6, 7, 8, 9, 10, 11]]) == [4, 6, 5, 6, 7, 8, 9, 10, 11])
        #expect(ScoreReport.sum([]) == Array(repeating: 0, count: 8))
    }

    @Test("another scorecard version is named")
    func otherVersion() {
        var newer = ScoreReportFixture.scorecard
        newer.version = "2027.01-1"
        newer.items.removeFirst()
        let report = ScoreReport(snapshot: ScoreTopicSnapshot(scores: ScoreReportFixture.scores), scope: week46, kind: .agent,
                                 names: names, scorecard: newer)
        let document = report.document(in: .english)
        #expect(document.warnings == ["4 of 4 scores were computed with another scorecard than the report's 2027.01-1 "
            + "(2026.12-1 for \(report.rows.map(\.subject.id).joined(separator: ", "))). Their item names come from scorecard 2027.01-1, "
            + "items it does not list show their ids, and their full and zero values are not shown; pass the scorecard "
            + "file that computed them with --scorecard to see those."])
        #expect(document.subtitle.contains("Scorecard version: 2026.12-1"), "one version needs no version column")
        let section = document.sections.first { $0.id == "explain-A-hz-a01" }
        #expect(section?.rows.first?.first == "first-response", "the newer scorecard lacks the item")
        #expect(section?.rows.dropFirst().first?.first == "Timely replies")
        #expect(section?.rows.dropFirst().first?[3] == "-", "the newer scorecard's thresholds may not be the ones used")
        #expect(section?.notes.contains("This score was computed with scorecard 2026.12-1 and the report reads 2027.01-1, "
            + "so the full and zero values are not shown.") == true)
    }

    @Test("hostile score values render")
    func hostileValues() throws {
        var scores = ScoreReportFixture.scores
        let hostile = scores.indices.filter {
            scores[$0].subject.id == "A-hz-a01" || scores[$0].subject.kind == .vendor
        }
        #expect(!hostile.isEmpty)
        for index in hostile {
            scores[index].figures.conversations = Int.max
            scores[index].figures.alerts = Int.max
            scores[index].figures.orders = Int.max
            scores[index].figures.rounds = Int.max
            scores[index].figures.responseTimeBuckets = Array(repeating: Int.max, count: 8)
            scores[index].figures.firstResponseMedianSeconds = 1e300
            scores[index].figures.responseP90Seconds = -1e300
            scores[index].scorecard?.total = 1e20
            for item in scores[index].scorecard?.items.indices ?? 0..<0 {
                scores[index].scorecard?.items[item].weight = 1e300
                scores[index].scorecard?.items[item].points = 1e300
                scores[index].scorecard?.items[item].value = 1e300
                scores[index].scorecard?.items[item].contribution = 1e20
            }
        }

        for kind in [ScoreSubjectKind.agent, .vendor] {
            let report = ScoreReport(snapshot: ScoreTopicSnapshot(scores: scores), scope: week46, kind: kind,
                                     names: names, scorecard: ScoreReportFixture.scorecard)
            for format in ReportFormat.allCases {
                for language in [Language.chinese, .english] {
                    let output = ReportScoresCommand.render(report, format: format, language: language)
                    #expect(output.contains("100000000000000000000"), "\(kind) \(format) \(language)")
                }
            }
        }
    }

    // MARK: - Empty periods

    @Test("empty period suggests latest")
    func emptyPeriod() throws {
        let later = ScoreReportScope.calendar(.week, containing: reportTime("2026-12-09T09:00:00+08:00"))
        let document = report(.agent, later).document(in: .english)
        #expect(document.sections.first?.rows.isEmpty == true)
        #expect(document.warnings == ["No agent scores for this period. The latest period with conversations is the week from "
            + "2026-11-09; see it with --at 2026-11-09T12:00+08:00."])
        let text = TableReportRenderer.render(document)
        #expect(text.contains("Scores\n(none)"))
    }
}

private extension String {
    /// "12345.6" → "12345.60", as the CSV writes amounts.
    var padded2: String {
        guard let dot = firstIndex(of: ".") else { return self + ".00" }
        let decimals = distance(from: dot, to: endIndex) - 1
        return decimals >= 2 ? self : self + String(repeating: "0", count: 2 - decimals)
    }
}
