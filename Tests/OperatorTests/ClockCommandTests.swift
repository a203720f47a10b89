import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Operator

@Suite("vigil clock on the embedded broker", .serialized)
struct ClockCommandTests {
    private let november = ["--from", "2026-11-01T00:00+08:00", "--to", "2026-12-01T00:00+08:00"]

    @Test("one watermark per partition")
    func roundWritten() throws {
        let harness = try OperatorHarness()
        let options = try harness.options(ClockCommand.self, ["--to", "2026-11-15T12:00+08:00"])

        let status = try ClockCommand.run(options, context: try harness.context(ClockCommand.self))

        #expect(status == 0)
        let time = try #require(TimestampFormat.parse("2026-11-15T12:00:00+08:00"))
        for topic in harness.catalogue.watermarked {
            let records = try harness.reader.records(of: topic)
            #expect(records.count == Int(topic.partitions), "\(topic.name)")
            for record in records {
                let watermark = try WatermarkRecords.decode(record)
                #expect(watermark.time == time)
                #expect(watermark.source == "vigil-clock/\(time.epochMilliseconds)")
            }
            #expect(Set(records.map(\.partition)) == Set(0..<topic.partitions), "\(topic.name)")
        }
    }

    @Test("repeated time is rejected")
    func repeatedTimeRejected() throws {
        let harness = try OperatorHarness()
        let options = try harness.options(ClockCommand.self, ["--to", "2026-11-15T12:00+08:00"])
        let context = try harness.context(ClockCommand.self)
        #expect(try ClockCommand.run(options, context: context) == 0)
        let written = try harness.reader.records(of: harness.catalogue.caseCommands).count

        #expect(try ClockCommand.run(options, context: context) == 1)
        #expect(try harness.reader.records(of: harness.catalogue.caseCommands).count == written)

        // A later time is a new round.
        let later = try harness.options(ClockCommand.self, ["--to", "2026-11-15T12:01+08:00"])
        #expect(try ClockCommand.run(later, context: context) == 0)
        #expect(try harness.reader.records(of: harness.catalogue.caseCommands).count == 2 * written)
    }

    @Test("command waits for declared time")
    func commandReleasedByClock() throws {
        let fixture = try ReplayPipelineFixture()
        try fixture.runLiveAlerting()
        try fixture.runLiveEscalation()
        let caseId = CaseEvent.caseId(for: ThreadKey(shop: "shop-waimai", buyer: "buyer-1"))
        let ack = CaseCommand(commandId: "clock-test-ack", caseId: caseId, shop: "shop-waimai", buyer: "buyer-1",
                              action: .ack, actor: "S-hz-a",
                              issuedAt: try ReplayPipelineFixture.time("2026-11-11T09:10:00+08:00"))
        let context = try fixture.harness.context(ClockCommand.self)
        try CaseCommandSubmission.publish(ack, context: context)

        // Event time is still at the fixture's last round, so the command waits.
        try fixture.runLiveEscalation()
        #expect(try caseEvents(fixture).contains { $0.commandId == ack.commandId } == false)

        _ = try ClockCommand.declare(try ReplayPipelineFixture.time("2026-11-11T23:30:00+08:00"), context: context)
        try fixture.runLiveAlerting()
        try fixture.runLiveEscalation()
        let applied = try #require(try caseEvents(fixture).first { $0.commandId == ack.commandId })
        #expect(applied.type == .acknowledged)
        #expect(applied.acknowledgedAt == ack.issuedAt)

        let replay = try fixture.replay(["escalation"] + november)
        #expect(replay.status == 0)
        #expect(replay.report.records.isEmpty)
    }

    private func caseEvents(_ fixture: ReplayPipelineFixture) throws -> [CaseEvent] {
        try fixture.harness.reader.events(CaseEvent.self, of: fixture.catalogue.caseEvents).events
    }
}
