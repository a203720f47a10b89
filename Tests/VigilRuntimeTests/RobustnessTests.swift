import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Echoes chat messages like ``EchoProcessor`` and keeps the roster table, rejecting roster records that do not decode.
final class RosterEchoProcessor: StreamProcessor {
    let echo: EchoProcessor
    var roster = Roster()

    init(catalogue: TopicCatalogue) {
        echo = EchoProcessor(catalogue: catalogue)
    }

    var inputTopics: [TopicSpec] { echo.inputTopics }
    var tableTopics: [TopicSpec] { [echo.catalogue.roster] }
    var outputTopics: [TopicSpec] { echo.outputTopics }

    func registerMigrations(in migrator: inout Migrator) {
        echo.registerMigrations(in: &migrator)
    }

    func applyTableRecord(_ record: KafkaRecord) throws {
        roster.apply(try RecordDecoding.decode(RosterPerson.self, from: record.value))
    }

    func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        try echo.process(record, context: context)
    }
}

@Suite("Stream service robustness", .serialized)
struct RobustnessTests {
    @Test("oversized event becomes dead letter")
    func oversizedEventDeadLettered() throws {
        let harness = try RuntimeHarness()
        let processor = EchoProcessor(catalogue: harness.catalogue)
        do {
            let store = try ServiceStore(path: harness.storePath, registerMigrations: processor.registerMigrations)
            // Larger than librdkafka's default message.max.bytes of 1,000,000.
            let huge = EchoEvent(eventId: "echo/huge", messageId: String(repeating: "x", count: 1_200_000),
                                 thread: "shop-1/buyer-1", sentAt: Timestamp(epochMilliseconds: 1_700_000_000_000))
            let small = EchoEvent(eventId: "echo/small", messageId: "small", thread: "shop-1/buyer-1",
                                  sentAt: Timestamp(epochMilliseconds: 1_700_000_000_000))
            try store.database.transaction {
                try store.outbox.append(huge, to: harness.catalogue.alerts)
                try store.outbox.append(small, to: harness.catalogue.alerts)
            }
        }

        let service = RunningService(configuration: try harness.configuration(), processor: processor)
        let outputs = try harness.waitForRecords(on: harness.catalogue.alerts, count: 1)
        let letters = try harness.waitForRecords(on: harness.catalogue.deadLetters, count: 1)
        #expect(service.stop() == nil, "the service keeps running after the broker rejects one event")

        #expect(outputs.map { $0.header(EventHeaders.eventId) } == ["echo/small"])
        let letter = try EventCoding.decode(DeadLetter.self, from: try #require(letters.first).value)
        #expect(letter.reasonCode == .unpublishable)
        #expect(letter.source.eventId == "echo/huge")
        #expect(letter.payloadTruncated)
        #expect(letter.payloadBytes > 1_200_000)
        #expect(letters.first!.value.count < 200_000)
        let database = try Database(path: harness.storePath)
        #expect(try database.scalar("SELECT count(*) FROM vigil_outbox").int == 0)
    }

    @Test("bad table record skipped once")
    func badTableRecordSkipped() throws {
        let harness = try RuntimeHarness()
        let producer = try KafkaProducer(properties: ["bootstrap.servers": harness.broker.bootstrapServers],
                                         logger: harness.logger)
        let person = RosterPerson(id: "S-1", name: "主管", role: .supervisor, reportsTo: "M-1", vendor: "V",
                                  site: "sh", team: "T-1")
        try producer.send(OutgoingRecord(topic: harness.catalogue.roster.name, key: Array("P-x".utf8),
                                         value: Array("garbage roster".utf8), timestampMilliseconds: 0), tag: 0)
        try producer.send(OutgoingRecord(topic: harness.catalogue.roster.name, key: Array("S-1".utf8),
                                         value: try EventCoding.encode(person), timestampMilliseconds: 0), tag: 1)
        var delivered = 0
        while delivered < 2 {
            delivered += try producer.poll(timeoutMilliseconds: 100).count
        }
        try harness.produce([try harness.encoded(harness.message(1))])

        let processor = RosterEchoProcessor(catalogue: harness.catalogue)
        let service = RunningService(configuration: try harness.configuration(), processor: processor)
        _ = try harness.waitForRecords(on: harness.catalogue.alerts, count: 1)
        #expect(service.stop() == nil)
        #expect(processor.roster.person("S-1") != nil, "the good roster record after the bad one is applied")

        // A restart reads the roster again; the dead letter must not be repeated.
        let restarted = RunningService(configuration: try harness.configuration(),
                                       processor: RosterEchoProcessor(catalogue: harness.catalogue))
        Thread.sleep(forTimeInterval: 1)
        #expect(restarted.stop() == nil)

        let letters = try harness.reader.records(of: harness.catalogue.deadLetters)
        #expect(letters.count == 1)
        let letter = try EventCoding.decode(DeadLetter.self, from: try #require(letters.first).value)
        #expect(letter.reasonCode == .invalidJSON)
        #expect(letter.source.topic == harness.catalogue.roster.name)
    }

    @Test("store ahead of topic stops service")
    func storeAheadOfTopic() throws {
        let first = try RuntimeHarness()
        try first.produce((0..<5).map { try first.encoded(first.message($0)) })
        let service = RunningService(configuration: try first.configuration(),
                                     processor: EchoProcessor(catalogue: first.catalogue))
        _ = try first.waitForRecords(on: first.catalogue.alerts, count: 5)
        #expect(service.stop() == nil)

        // A new broker has empty topics, as after restarting the embedded broker.
        let second = try RuntimeHarness()
        let stale = RunningService(configuration: try second.configuration(storePath: first.storePath),
                                   processor: EchoProcessor(catalogue: second.catalogue))
        let failure = try #require(stale.waitForFailure(seconds: 60))
        #expect(String(describing: failure).contains("Start with a new store"))
    }

    @Test("second process on one store rejected")
    func storeLocked() throws {
        let harness = try RuntimeHarness()
        let first = try ServiceStore(path: harness.storePath)
        let error = #expect(throws: StoreLockError.self) {
            _ = try ServiceStore(path: harness.storePath)
        }
        #expect(error?.message.contains("another process is using the store") == true)
        _ = first
    }
}
