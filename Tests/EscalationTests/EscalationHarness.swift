import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore
@testable import Escalation

/// An escalation processor on its own SQLite file in a fresh temporary
/// folder, with the fixture roster applied. Every record goes to partition 0.
final class EscalationHarness {
    let catalogue = TopicCatalogue()
    let processor: EscalationProcessor
    let store: ServiceStore
    let context: ProcessingContext
    private let directory: URL
    private var nextOffset: Int64 = 0
    private var roundsDeclared = 0

    init(policy: CasePolicy = CasePolicy(), roster: [RosterPerson] = EscalationFixtures.roster) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-escalation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        processor = EscalationProcessor(catalogue: catalogue, policy: policy)
        for person in roster {
            processor.applyRoster(person)
        }
        store = try ServiceStore(path: directory.appendingPathComponent("escalation.sqlite").path,
                                 registerMigrations: processor.registerMigrations)
        context = ProcessingContext(store: store, catalogue: catalogue)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Processes the event as the next record of `topic`, in one transaction as the runtime does.
    func process<Event: VigilEvent>(_ event: Event, on topic: TopicSpec) throws {
        try process(value: try EventCoding.encode(event), on: topic.name)
    }

    func process(value: [UInt8], on topicName: String) throws {
        let record = KafkaRecord(topic: topicName, partition: 0, offset: nextOffset, key: nil, value: value,
                                 timestampMilliseconds: nil)
        nextOffset += 1
        try store.database.transaction {
            try processor.process(record, context: context)
        }
    }

    /// Sends a watermark of `source` at `time` on one input topic.
    func watermark(_ topic: TopicSpec, at time: Timestamp, source: String = "test") throws {
        let watermark = Watermark(source: source, topic: topic.name, partition: 0, time: time)
        try store.database.transaction {
            try processor.advanceWatermark(watermark, context: context)
        }
    }

    /// Moves event time on partition 0 to `text` through watermarks on the
    /// alert, complaint, chat and command topics.
    func advance(to text: String) throws {
        try advance(to: try EscalationFixtures.time(text), source: "test")
    }

    private func advance(to time: Timestamp, source: String) throws {
        for topic in [catalogue.alerts, catalogue.complaints, catalogue.chatMessages, catalogue.caseCommands] {
            try watermark(topic, at: time, source: source)
        }
    }

    /// Sends a case command and then one watermark round at its time from a
    /// source of its own, as `vigil clock` does, so the command is released
    /// even when event time had already passed it.
    func command(_ command: CaseCommand) throws {
        try process(command, on: catalogue.caseCommands)
        roundsDeclared += 1
        try advance(to: command.issuedAt, source: "clock-\(roundsDeclared)")
    }

    /// Returns every outbox entry, oldest first.
    func entries() throws -> [Outbox.Entry] {
        try store.outbox.pending(limit: 1_000)
    }

    /// Decodes every case event in the outbox, oldest first.
    func caseEvents() throws -> [CaseEvent] {
        try entries().map { try EventCoding.decode(CaseEvent.self, from: $0.record.value) }
    }

    /// Returns the count of rows in a table.
    func count(_ table: String) throws -> Int {
        try store.database.scalar("SELECT count(*) FROM \(table)").int ?? -1
    }
}
