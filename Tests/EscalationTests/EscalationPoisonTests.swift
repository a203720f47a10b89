import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilTestSupport
@testable import Escalation

/// The whole escalation service on the embedded broker, fed poison records between good ones.
@Suite("Escalation poison records", .serialized)
struct EscalationPoisonTests {
    /// Returns `record` sent to partition 0, where the test's watermarks go.
    private func onPartitionZero(_ record: OutgoingRecord) -> OutgoingRecord {
        var record = record
        record.partition = 0
        return record
    }

    @Test("poison inputs dead-lettered, cases still open")
    func poisonInputsDeadLettered() throws {
        let topics = try EmbeddedTopics()
        let catalogue = topics.catalogue
        try topics.produce(try EscalationFixtures.roster.map { try EmbeddedTopics.record($0, to: catalogue.roster) })

        // 1999-12-31T23:00+08:00 is before 2000-01-01 UTC, outside the event times Vigil accepts.
        let early = try EscalationFixtures.alert("m-2", buyer: "buyer-2", at: "1999-12-31T23:00:00+08:00")
        let inputs = [
            try EmbeddedTopics.record(try EscalationFixtures.alert("m-1", buyer: "buyer-1", at: "2026-11-11T08:01:00+08:00"),
                                      to: catalogue.alerts),
            try EmbeddedTopics.record(early, to: catalogue.alerts),
            OutgoingRecord(topic: catalogue.complaints.name, key: Array("shop-waimai/buyer-3".utf8),
                           value: Array(#"{"complaintId": "cp-1"}"#.utf8), timestampMilliseconds: 0),
            try EmbeddedTopics.record(try EscalationFixtures.alert("m-3", buyer: "buyer-3", at: "2026-11-11T08:05:00+08:00"),
                                      to: catalogue.alerts),
            try EmbeddedTopics.record(try EscalationFixtures.command(.ack, caseId: "case/shop-waimai/nobody", id: "c-1",
                                                                     at: "2026-11-11T08:10:00+08:00"),
                                      to: catalogue.caseCommands),
        ].map(onPartitionZero)
        let time = try EscalationFixtures.time("2026-11-11T08:30:00+08:00")
        let watermarks = try [catalogue.alerts, catalogue.complaints, catalogue.chatMessages, catalogue.caseCommands]
            .map { try EmbeddedTopics.watermark($0, partition: 0, at: time) }
        try topics.produce(inputs + watermarks)

        let configuration = try topics.configuration(serviceName: "vigil-escalation", store: "escalation.sqlite")
        nonisolated(unsafe) let processor = EscalationProcessor(catalogue: catalogue)
        let run = ServiceRun { shutdown in
            try StreamService(configuration: configuration, processor: processor, shutdown: shutdown).run()
        }
        let letters = try topics.deadLetters(count: 2)
        let events = try topics.waitForRecords(on: catalogue.caseEvents, count: 3)
        #expect(run.isRunning, "the service keeps running after the poison records")
        #expect(run.stop() == nil)

        #expect(letters.count == 2)
        #expect(letters.map(\.reasonCode).sorted { $0.rawValue < $1.rawValue } == [.invalidField, .invalidTime])
        let decoded = try events.map { try EventCoding.decode(CaseEvent.self, from: $0.value) }
        let opened = decoded.filter { $0.type == .opened }.map(\.buyer).sorted()
        #expect(opened == ["buyer-1", "buyer-3"], "the good alerts after the poison open their cases")
        let rejected = decoded.filter { $0.type == .commandRejected }
        #expect(rejected.map(\.caseId) == ["case/shop-waimai/nobody"],
                "a command for an unknown case is rejected on the timeline, not dropped")
        #expect(!decoded.contains { $0.buyer == "buyer-2" })
    }
}
