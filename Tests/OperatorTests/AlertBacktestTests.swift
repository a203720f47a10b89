import Testing
import VigilContracts
@testable import Operator

private func backtest(live: [Alert], replay: [Alert]) throws -> AlertBacktest {
    let comparison = ReplayDiff.compare(live: try live.map(ReplayFixture.record),
                                        replay: try replay.map(ReplayFixture.record))
    return AlertBacktest(comparison: comparison)
}

@Suite("Alert backtest")
struct AlertBacktestTests {
    @Test("alert only in replay is added")
    func added() throws {
        let raised = ReplayFixture.alert("a-new", category: .regulator, severity: .critical, terms: ["12315"],
                                         ruleIds: ["regulator-1"], ruleVersion: "v13")
        let repeated = ReplayFixture.alert("a-new/repeated/m-2", alertId: "a-new", category: .regulator,
                                           terms: ["工商"], ruleIds: ["regulator-2", "regulator-1"], ruleVersion: "v13",
                                           at: "2026-11-11T09:05:00+08:00")
        let result = try backtest(live: [], replay: [raised, repeated])

        let alert = try #require(result.added.first)
        #expect(result.added.count == 1)
        #expect(result.dropped == [])
        #expect(result.changed == [])
        #expect(alert.alertId == "a-new")
        #expect(alert.thread == "shop-1/buyer-1")
        #expect(alert.category == .regulator)
        #expect(alert.severity == .critical)
        #expect(alert.raisedAt == reportTime("2026-11-11T09:00:00+08:00"))
        #expect(alert.matchedTerms == ["12315", "工商"])
        #expect(alert.ruleIds == ["regulator-1", "regulator-2"])
        #expect(alert.ruleVersion == "v13")
        #expect(alert.eventCount == 2)
        #expect(alert.changes == [])
    }

    @Test("alert only live is dropped")
    func dropped() throws {
        let result = try backtest(live: [ReplayFixture.alert("a-old")], replay: [])
        #expect(result.dropped.map(\.alertId) == ["a-old"])
        #expect(result.dropped.first?.ruleVersion == "v12")
        #expect(result.added == [])
        #expect(result.unchanged == 0)
    }

    @Test("severity change is changed")
    func changed() throws {
        let live = ReplayFixture.alert("a-1", severity: .high, ruleVersion: "v12")
        let replay = ReplayFixture.alert("a-1", severity: .critical, ruleVersion: "v13")
        let result = try backtest(live: [live], replay: [replay])

        let alert = try #require(result.changed.first)
        #expect(result.changed.count == 1)
        #expect(alert.severity == .critical, "the candidate's values are shown")
        #expect(alert.changes == [BacktestEventChange(eventId: "a-1", kind: .changed, fields: [
            ReplayFieldDifference(path: "severity", live: #""high""#, replay: #""critical""#),
        ])])
    }

    @Test("ruleVersion and text alone are unchanged")
    func ruleVersionOnly() throws {
        let live = ReplayFixture.alert("a-1", ruleVersion: "v12")
        let replay = ReplayFixture.alert("a-1", ruleVersion: "v13")
        let comparison = ReplayDiff.compare(live: [try ReplayFixture.record(live)],
                                            replay: [try ReplayFixture.record(replay)])
        #expect(comparison.records.map(\.outcome) == [.different], "the diff itself still reports it")

        let result = AlertBacktest(comparison: comparison)
        #expect(result.changed == [])
        #expect(result.added == [])
        #expect(result.dropped == [])
        #expect(result.unchanged == 1)
    }

    @Test("extra event changes an alert")
    func extraEvent() throws {
        let raised = ReplayFixture.alert("a-1")
        let repeated = ReplayFixture.alert("a-1/repeated/m-2", alertId: "a-1", at: "2026-11-11T09:10:00+08:00")
        let escalated = ReplayFixture.alert("a-1/escalated/m-3", alertId: "a-1", severity: .critical,
                                            at: "2026-11-11T09:20:00+08:00")
        let result = try backtest(live: [raised, escalated], replay: [raised, repeated])

        let alert = try #require(result.changed.first)
        #expect(alert.changes == [
            BacktestEventChange(eventId: "a-1/repeated/m-2", kind: .added),
            BacktestEventChange(eventId: "a-1/escalated/m-3", kind: .dropped),
        ])
    }

    @Test("alerts sorted by raising time")
    func sorting() throws {
        let result = try backtest(live: [], replay: [
            ReplayFixture.alert("a-late", at: "2026-11-11T10:00:00+08:00"),
            ReplayFixture.alert("b-early", at: "2026-11-11T08:00:00+08:00"),
        ])
        #expect(result.added.map(\.alertId) == ["b-early", "a-late"])
    }

    @Test("unreadable alert records are listed")
    func unreadable() throws {
        let broken = ReplayFixture.record("alerts", id: "bad-1", json: #"{"eventId":"bad-1"}"#)
        let comparison = ReplayDiff.compare(live: [broken], replay: [try ReplayFixture.record(ReplayFixture.alert("a-1"))])
        let result = AlertBacktest(comparison: comparison)
        #expect(result.unreadableEventIds == ["bad-1"])
        #expect(result.added.map(\.alertId) == ["a-1"])
    }

    @Test("other topics are ignored")
    func otherTopics() {
        let comparison = ReplayDiff.compare(live: [ReplayFixture.record("case.events", id: "c1", json: "{}")], replay: [])
        let result = AlertBacktest(comparison: comparison)
        #expect(result == AlertBacktest(added: [], dropped: [], changed: [], unchanged: 0))
    }
}
