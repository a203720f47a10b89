import Testing
import VigilContracts
import VigilRuntime
@testable import Alerting

@Suite("Watermark forwarding")
struct WatermarkForwardingTests {
    /// Three minutes to reply, so a watermark past 09:03 fires a timeout for a message at 09:00.
    private func harness() throws -> AlertingHarness {
        try AlertingHarness(replyLimits: ReplyLimits(defaultSeconds: 180))
    }

    private func forwarded(_ entry: Outbox.Entry) throws -> Watermark {
        try EventCoding.decodeEvent(Watermark.self, from: entry.record.value)
    }

    @Test("follows the alerts it fires")
    func followsFiredAlerts() throws {
        let harness = try harness()
        try harness.send(AlertingHarness.message("m-1", "我要投诉", at: "09:00:00"))
        let raisedBefore = try harness.outbox().count

        let fired = try harness.watermark("2026-11-11T09:03:01+08:00")

        #expect(fired.map(\.kind) == [.replyTimeout])
        let added = Array(try harness.outbox().dropFirst(raisedBefore))
        #expect(added.count == 2)
        #expect(added.map(AlertingHarness.isWatermark) == [false, true], "the watermark comes after the timeout")
        let last = try #require(added.last)
        #expect(last.record.topic == harness.catalogue.alerts.name)
        #expect(last.record.partition == 0)
        #expect(last.record.key == nil)
        let time = try AlertingHarness.time("2026-11-11T09:03:01+08:00")
        #expect(last.record.timestampMilliseconds == time.epochMilliseconds)
        let watermark = try forwarded(last)
        #expect(watermark.source == "test")
        #expect(watermark.topic == harness.catalogue.alerts.name)
        #expect(watermark.partition == 0)
        #expect(watermark.time == time)
    }

    @Test("forwarded when nothing falls due")
    func forwardedWithoutAlerts() throws {
        let harness = try harness()
        #expect(try harness.watermark("2026-11-11T09:00:00+08:00").isEmpty)
        let outbox = try harness.outbox()
        #expect(outbox.count == 1)
        #expect(outbox.allSatisfy(AlertingHarness.isWatermark))
    }

    @Test("keeps its partition and source")
    func keepsPartition() throws {
        let harness = try harness()
        let time = try AlertingHarness.time("2026-11-11T10:00:00+08:00")
        let input = Watermark(source: "vigil-ingest/hz", topic: harness.catalogue.chatMessages.name, partition: 7,
                              time: time)
        try harness.store.database.transaction {
            try harness.processor.advanceWatermark(input, context: harness.context)
        }

        let entry = try #require(try harness.outbox().first)
        #expect(entry.record.partition == 7)
        let watermark = try forwarded(entry)
        #expect(watermark.partition == 7)
        #expect(watermark.source == "vigil-ingest/hz")
        #expect(watermark.eventId == "watermark/vigil-ingest/hz/vigil.alerts/7/\(time.epochMilliseconds)")
    }

    @Test("other topics' watermarks stay put", arguments: ["complaints", "orders"])
    func ignoresOtherTopics(baseName: String) throws {
        let harness = try harness()
        let input = Watermark(source: "vigil-ingest/hz", topic: harness.catalogue.prefix + baseName, partition: 3,
                              time: try AlertingHarness.time("2026-11-11T10:00:00+08:00"))
        try harness.store.database.transaction {
            try harness.processor.advanceWatermark(input, context: harness.context)
        }
        #expect(try harness.outbox().isEmpty)
    }

    @Test("alerts partitioned like chat messages")
    func alignedTopics() {
        let catalogue = TopicCatalogue(prefix: "any.")
        #expect(catalogue.alerts.partitions == catalogue.chatMessages.partitions)
        #expect(catalogue.alerts.key == .thread)
        #expect(catalogue.chatMessages.key == .thread)
        #expect(catalogue.carryingWatermarks.contains(catalogue.alerts))
    }
}
