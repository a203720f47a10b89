import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Operator

@Suite("vigil replay on the embedded broker", .serialized)
struct ReplayCommandTests {
    private let november = ["--from", "2026-11-01T00:00+08:00", "--to", "2026-12-01T00:00+08:00"]

    @Test("alerting replay clean")
    func alertingClean() throws {
        let fixture = try ReplayPipelineFixture()
        try fixture.runLiveAlerting()
        let liveAlerts = try fixture.liveAlerts()
        try #require(liveAlerts.count >= 4, "the fixture raises alerts")

        let (status, report) = try fixture.replay(["alerting"] + november)

        #expect(status == 0)
        #expect(report.clean)
        #expect(report.records.isEmpty)
        let alerts = report.topics.first { $0.topic == "alerts" }
        #expect(alerts?.matched == liveAlerts.count)
        #expect(report.watermarks.live > 0)
        #expect(report.watermarks.live == report.watermarks.replay)
        #expect(report.inputRecords["chat.messages"] == 10, "the chat messages, watermarks excluded")
        #expect(report.inputWatermarks["chat.messages"] == 2 * Int(fixture.catalogue.chatMessages.partitions))
        #expect(report.lateInputRecords.values.reduce(0, +) == 0)
        #expect(report.rulesVersion.live == "replay-1")
        #expect(report.rulesVersion.candidate == "replay-1")
        #expect(report.backtest == nil)
    }

    @Test("range without events clean and empty")
    func emptyRange() throws {
        let fixture = try ReplayPipelineFixture()
        try fixture.runLiveAlerting()

        let (status, report) = try fixture.replay(["alerting", "--from", "2026-10-01T00:00+08:00",
                                                   "--to", "2026-10-02T00:00+08:00"])

        #expect(status == 0)
        #expect(report.clean)
        #expect(report.topics.isEmpty, "no record of either side in the range")
        #expect(report.watermarks.live == 0)
        #expect(report.watermarks.replay == 0)
    }

    @Test("forged live alert reported missing")
    func forgedAlertMissing() throws {
        let fixture = try ReplayPipelineFixture()
        try fixture.runLiveAlerting()
        var forged = try #require(try fixture.liveAlerts().first)
        forged.eventId = "forged-alert-1"
        forged.alertId = "forged-alert-1"
        forged.raisedAt = try ReplayPipelineFixture.time("2026-11-11T12:00:00+08:00")
        try fixture.harness.produce([forged], to: fixture.catalogue.alerts)

        let (status, report) = try fixture.replay(["alerting"] + november)

        #expect(status == 1)
        #expect(!report.clean)
        #expect(report.records.map(\.id) == ["forged-alert-1"])
        #expect(report.records.first?.outcome == .missing)
        #expect(report.records.first?.replay == nil)

        let text = try fixture.replayText(["alerting"] + november, language: .english)
        #expect(text.status == 1)
        #expect(text.report.contains("forged-alert-1"))
        let chinese = try fixture.replayText(["alerting"] + november, language: .chinese)
        #expect(chinese.report.contains("不一致"))
    }

    @Test("backtest drops one keyword's alerts")
    func backtestDropsKeyword() throws {
        let fixture = try ReplayPipelineFixture()
        try fixture.runLiveAlerting()
        let live = try fixture.liveAlerts()
        let expected = Set(live.filter { $0.matchedTerms.contains("曝光") }.map(\.id))
        try #require(!expected.isEmpty, "the fixture raises media alerts")
        let others = Set(live.map(\.id)).subtracting(expected)
        try #require(!others.isEmpty, "the fixture raises other alerts")

        let candidate = ReplayPipelineFixture.rulesText
            .replacingOccurrences(of: "\"replay-1\"", with: "\"replay-2\"")
            .replacingOccurrences(of: """
                ,
                    {"id": "media", "category": "media", "severity": "high",
                     "title": {"zh-CN": "媒体", "en": "Media"}, "keywords": ["曝光"]}
                """, with: "")
        try #require(!candidate.contains("曝光"), "the candidate lacks the media rule")
        let path = try fixture.harness.write("candidate.json", candidate)

        let (status, report) = try fixture.replay(["alerting", "--rules", path] + november)

        #expect(status == 1)
        let backtest = try #require(report.backtest)
        #expect(Set(backtest.dropped.map(\.alertId)) == expected)
        #expect(backtest.added.isEmpty)
        #expect(backtest.changed.isEmpty)
        #expect(backtest.unchanged == others.count)
        #expect(report.rulesVersion.candidate == "replay-2")
        #expect(report.rulesVersion.live == "replay-1")
    }

    @Test("escalation and scoring facts replays clean")
    func escalationAndFactsClean() throws {
        let fixture = try ReplayPipelineFixture()
        try fixture.runLiveAlerting()
        try fixture.runLiveEscalation()
        try fixture.runLiveScoringFacts()

        let escalation = try fixture.replay(["escalation"] + november)
        #expect(escalation.status == 0)
        #expect(escalation.report.records.isEmpty)
        #expect((escalation.report.topics.first { $0.topic == "case.events" }?.matched ?? 0) > 0)

        let facts = try fixture.replay(["scoring"] + november)
        #expect(facts.status == 0)
        #expect(facts.report.records.isEmpty)
        #expect((facts.report.topics.first { $0.topic == "scoring.facts" }?.matched ?? 0) > 0)
    }

    @Test("replay leaves production alone")
    func productionUntouched() throws {
        let fixture = try ReplayPipelineFixture()
        try fixture.runLiveAlerting()
        try fixture.runLiveEscalation()
        let groups = try ["vigil-alerting", "vigil-escalation"].map {
            try fixture.configuration(serviceName: $0).groupId
        }
        let before = try fixture.productionOffsets(groups: groups)
        try #require(before.contains { $0.key.hasPrefix(groups[0]) && $0.value > 0 }, "the live group committed")

        let alerting = try fixture.replay(["alerting"] + november)
        let escalation = try fixture.replay(["escalation"] + november)

        #expect(alerting.status == 0)
        #expect(escalation.status == 0)
        #expect(try fixture.productionOffsets(groups: groups) == before)
    }

    @Test("failure exits 3")
    func failureStatus() throws {
        let fixture = try ReplayPipelineFixture()
        // The report cannot be written: --output names a folder.
        let options = try fixture.harness.options(ReplayCommand.self,
                                                  ["alerting", "--output", fixture.harness.folder.path] + november)

        let status = try ReplayCommand.run(options, context: try fixture.harness.context(ReplayCommand.self))

        #expect(status == ReplayCommand.failedStatus)
        #expect(status == 3)
    }

    // MARK: - Usage

    @Test("usage errors name the problem")
    func usageErrors() throws {
        let harness = try OperatorHarness()
        let cases: [([String], String)] = [
            ([], "missing SERVICE"),
            (["notifier"] + november, "unknown service"),
            (["alerting", "--to", "2026-12-01T00:00+08:00"], "missing --from"),
            (["alerting", "--from", "2026-11-01T00:00", "--to", "2026-12-01T00:00+08:00"], "no UTC offset"),
            (["alerting", "--from", "2026-12-01T00:00+08:00", "--to", "2026-11-01T00:00+08:00"], "not later"),
            (["escalation", "--scorecard", "x.json"] + november, "--scorecard applies to scoring"),
            (["alerting", "--format", "html"] + november, "expected text or json"),
        ]
        for (arguments, message) in cases {
            let options = try harness.options(ReplayCommand.self, arguments)
            #expect {
                _ = try ReplayCommand.run(options, context: try harness.context(ReplayCommand.self))
            } throws: { error in
                (error as? UsageError)?.message.contains(message) == true
            }
        }
    }
}
