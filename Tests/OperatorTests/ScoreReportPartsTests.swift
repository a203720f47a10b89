import Foundation
import Testing
import VigilContracts
import VigilHTML
import VigilKafka
import VigilRuntime
import VigilScoring
@testable import Operator

@Suite("Score report parts")
struct ScoreReportPartsTests {
    // MARK: - Topic snapshot

    private func record(_ offset: Int64, key: String?, value: [UInt8]) -> KafkaRecord {
        KafkaRecord(topic: "scores", partition: 0, offset: offset, key: key.map { Array($0.utf8) }, value: value,
                    timestampMilliseconds: nil)
    }

    private func encoded(_ score: Score) throws -> [UInt8] {
        try EventCoding.encode(score)
    }

    @Test("snapshot keeps latest per key")
    func snapshot() throws {
        let period = ScorePeriod(kind: .day, start: "2026-11-11")
        let first = Score(subject: ScoreSubject(kind: .agent, id: "A-1"), period: period,
                          figures: ScoreFigures(conversations: 1), asOf: reportTime("2026-11-11T09:00:00+08:00"))
        var second = first
        second.figures.conversations = 2
        let removed = Score(subject: ScoreSubject(kind: .agent, id: "A-2"), period: period,
                            figures: ScoreFigures(conversations: 7), asOf: reportTime("2026-11-11T09:00:00+08:00"))
        let snapshot = ScoreTopicSnapshot(records: [
            record(0, key: first.recordKey, value: try encoded(first)),
            record(1, key: removed.recordKey, value: try encoded(removed)),
            record(2, key: first.recordKey, value: try encoded(second)),
            record(3, key: removed.recordKey, value: []),
            record(4, key: "agent/A-3/day/2026-11-11", value: Array("{\"schemaVersion\":1}".utf8)),
        ])
        #expect(snapshot.scores.map(\.subject.id) == ["A-1"])
        #expect(snapshot.scores.first?.figures.conversations == 2)
        #expect(snapshot.undecodable == 1)
    }

    // MARK: - Scopes

    @Test("calendar scopes at +08:00 edges")
    func calendarScopes() {
        let lastSecond = ScoreReportScope.calendar(.week, containing: reportTime("2026-11-15T23:59:59+08:00"))
        #expect(lastSecond.period == ScorePeriod(kind: .week, start: "2026-11-09"))
        #expect(lastSecond.days == ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"])
        let utcMidnight = ScoreReportScope.calendar(.week, containing: reportTime("2026-11-15T16:00:00Z"))
        #expect(utcMidnight.period.start == "2026-11-16", "16:00 UTC is midnight in China")
        let day = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-10T16:30:00Z"))
        #expect(day.period == ScorePeriod(kind: .day, start: "2026-11-11"))
        #expect(day.days == ["2026-11-11"])
        let month = ScoreReportScope.calendar(.month, containing: reportTime("2026-11-30T23:00:00+08:00"))
        #expect(month.period == ScorePeriod(kind: .month, start: "2026-11-01"))
        #expect(month.days.count == 30)
        let utc = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-10T16:30:00Z"), utcOffsetSeconds: 0)
        #expect(utc.period.start == "2026-11-10", "a scorecard in UTC counts days in UTC")
    }

    private func campaignScore(_ id: String, start: String, asOf: String) -> Score {
        Score(subject: ScoreSubject(kind: .team, id: "T-1"), period: ScorePeriod(kind: .campaign, start: start, campaign: id),
              figures: ScoreFigures(), asOf: reportTime(asOf))
    }

    @Test("campaign scope picks a window")
    func campaignScope() throws {
        let scores = [campaignScore("2026-618", start: "2026-06-01", asOf: "2026-06-18T23:00:00+08:00"),
                      campaignScore("2026-double11", start: "2026-10-31", asOf: "2026-11-03T10:00:00+08:00")]
        let bare = Scorecard(version: "bare", items: [])
        func campaign(_ id: String?, at: Timestamp?, scores: [Score] = scores, scorecard: Scorecard = bare) throws -> ScoreReportScope {
            try ScoreReportScope.campaign(id, at: at, scores: scores, scorecard: scorecard)
        }
        let latest = try campaign(nil, at: nil)
        #expect(latest.period.campaign == "2026-double11")
        #expect(latest.days == ["2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"])
        let earlier = try campaign(nil, at: reportTime("2026-10-30T23:59:00+08:00"))
        #expect(earlier.period.campaign == "2026-618", "double 11 opens the next day in China time")
        #expect(earlier.days.count == 18)
        let named = try campaign("2026-618", at: nil)
        #expect(named.period == ScorePeriod(kind: .campaign, start: "2026-06-01", campaign: "2026-618"))
        #expect(throws: UsageError.self) { try campaign("2025-double11", at: nil) }
        #expect(throws: UsageError.self) { try campaign(nil, at: nil, scores: []) }
        #expect(throws: UsageError.self) { try campaign(nil, at: reportTime("2026-05-01T00:00:00+08:00")) }

        let window = try campaign("2026-double11", at: nil, scorecard: ScoreReportFixture.scorecard)
        #expect(window.campaign?.name.chinese == "2026 双11")
        #expect(window.days == ScoreReportFixture.campaignDays, "the scorecard's window, 20:00 on 10-31 to midnight after 11-11")
    }

    @Test("campaign days are bounded")
    func campaignDays() {
        #expect(ScoreReportScope.days(from: "2026-11-01", through: "2026-10-01") == ["2026-11-01"])
        #expect(ScoreReportScope.days(from: "2026-12-30", through: "2027-01-02").count == 4)
        #expect(ScoreReportScope.days(from: "2026-01-01", through: "2027-01-01").count == ScoreReportScope.maximumCampaignDays)
        #expect(ScoreReportScope.days(from: "2026-02-27", through: "2026-03-01") == ["2026-02-27", "2026-02-28", "2026-03-01"])
    }

    // MARK: - Numbers

    @Test("number formats")
    func numbers() {
        #expect(ScoreNumbers.points(85.2) == "85.20")
        #expect(ScoreNumbers.points(0.005) == "0.01")
        #expect(ScoreNumbers.points(-1.5) == "-1.50")
        #expect(ScoreNumbers.points(nil) == "-")
        #expect(ScoreNumbers.seconds(45) == "45")
        #expect(ScoreNumbers.seconds(45.5) == "45.5")
        #expect(ScoreNumbers.money(Decimal(string: "1234567.5") ?? 0) == "1,234,567.50")
        #expect(ScoreNumbers.money(Decimal(string: "-999.999") ?? 0) == "-1,000.00")
        #expect(ScoreNumbers.money(Decimal(string: "123") ?? 0, grouped: false) == "123.00")
        #expect(ScoreNumbers.money(Decimal(string: "0.125") ?? 0) == "0.13")
        #expect(ScoreNumbers.plain(0.92307) == "0.9231")
        #expect(ScoreNumbers.plain(0.00001) == "0")
        #expect(ScoreNumbers.plain(12) == "12")
        #expect(ScoreNumbers.plain(nil) == "")
        #expect(ScoreNumbers.weight(12.5) == "12.5")
        #expect(ScoreNumbers.weight(12.25) == "12.25")
        #expect(ScoreNumbers.weight(20) == "20")
    }

    @Test("numbers beyond Int fall back to decimals")
    func hugeNumbers() {
        #expect(ScoreNumbers.points(1e20) == "100000000000000000000.00")
        #expect(ScoreNumbers.points(-1e20) == "-100000000000000000000.00")
        #expect(ScoreNumbers.points(1e17) == "100000000000000000.00")
        #expect(ScoreNumbers.count(1e20) == "100000000000000000000")
        #expect(ScoreNumbers.count(1e19) == "10000000000000000000")
        #expect(ScoreNumbers.compact(1e20) == "100000000000000000000")
        #expect(ScoreNumbers.seconds(1e300).count == 301)
        #expect(ScoreNumbers.weight(1e20) == "100000000000000000000")
        #expect(ScoreNumbers.plain(1e20) == "100000000000000000000")
        #expect(ScoreNumbers.plain(1_000_000_000_000_000.5) == "1000000000000000.5")
        #expect(ReportText.decimal(1e20) == "100000000000000000000.0")
        #expect(ReportText.percent(1e20) == "10000000000000000000000.0%")
        #expect(SVGCanvas.number(1e20) == "100000000000000000000.0")
        #expect(ScoreNumbers.points(.infinity) == "inf")
        #expect(ScoreNumbers.count(-.infinity) == "-inf")
        #expect(ScoreNumbers.compact(.nan) == "nan")
    }

    @Test("counts add without overflow")
    func saturatingSums() {
        #expect(ScoreNumbers.sum(Int.max, 1) == Int.max)
        #expect(ScoreNumbers.sum(Int.min, -1) == Int.min)
        #expect(ScoreNumbers.sum(2, 3) == 5)
        #expect(ScoreReport.sum([[Int.max, 1], [5, 2]]) == [Int.max, 3, 0, 0, 0, 0, 0, 0])
    }

    @Test("every measure has a value path")
    func measures() {
        let figures = ScoreFigures(conversations: 10, rounds: 4, repliesWithinLimit: 3, alerts: 2, orders: 1,
                                   sales: Decimal(string: "99.9") ?? 0, convertedConversations: 5)
        #expect(ScoreMeasure.alertsPer100Conversations.value(in: figures) == 20)
        #expect(ScoreMeasure.repliesWithinLimitShare.value(in: figures) == 0.75)
        #expect(ScoreMeasure.conversionRate.format(figures.conversionRate) == "50.0%")
        #expect(ScoreMeasure.sales.format(ScoreMeasure.sales.value(in: figures)) == "99.90")
        #expect(ScoreMeasure.firstResponseMedianSeconds.value(in: figures) == nil)
        #expect(ScoreMeasure.allCases.allSatisfy { !$0.reportLabel.chinese.isEmpty && !$0.reportLabel.english.isEmpty },
                "every scorecard measure has a report column name")
    }

    // MARK: - Names

    @Test("names from the roster")
    func names() {
        let names = ScoreSubjectNames(people: ScoreReportFixture.roster + [
            RosterPerson(id: "S-hz-a2", name: "第二主管", role: .supervisor, reportsTo: "M-hz", vendor: "V-BAIXING",
                         site: "hz", team: "T-hz-a"),
            RosterPerson(id: "A-hz-a01", name: "改名客服", role: .agent, reportsTo: "S-hz-a", vendor: "V-BAIXING",
                         site: "hz", team: "T-hz-a"),
        ])
        #expect(names.name(of: ScoreSubject(kind: .agent, id: "A-hz-a01")) == "改名客服", "the latest record wins")
        #expect(names.name(of: ScoreSubject(kind: .team, id: "T-hz-a")) == "杭州A组主管", "the lowest id of two supervisors")
        #expect(names.name(of: ScoreSubject(kind: .site, id: "sh")) == "上海项目经理")
        #expect(names.name(of: ScoreSubject(kind: .vendor, id: "V-JINXIU")) == nil)
        #expect(names.name(of: ScoreSubject(kind: .agent, id: "A-unknown")) == nil)
    }
}
