import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

@Suite("Capture run on the embedded broker", .serialized)
struct CaptureRunTests {
    @Test("outputs kept in outbox, none published")
    func outputsKeptInOutbox() throws {
        let harness = try RuntimeHarness()
        let messages = (0..<30).map { harness.message($0, buyer: "buyer-\($0 % 4)") }
        var values = try messages.map(harness.encoded)
        values.insert((key: "shop-1/buyer-1", value: Array("{not json".utf8)), at: 5)
        try harness.produce(values)

        var configuration = try harness.configuration()
        configuration.groupId = "capture-\(UUID().uuidString.prefix(8))"
        let service = StreamService(configuration: configuration, processor: EchoProcessor(catalogue: harness.catalogue),
                                    shutdown: ShutdownSignal(signals: []))
        let summary = try service.runCapture(stallTimeout: .seconds(20))

        #expect(summary.processedRecords == [harness.catalogue.chatMessages.name: 31])
        #expect(summary.outboxRecords == 31, "30 echoes and one dead letter")
        #expect(summary.endOffsets.values.reduce(0, +) == 31)
        #expect(summary.endOffsets.count == Int(harness.catalogue.chatMessages.partitions))

        let store = try ServiceStore(path: harness.storePath)
        let entries = try store.outbox.pending(limit: 1_000)
        let echoes = entries.filter { $0.record.topic == harness.catalogue.alerts.name }
        let letters = entries.filter { $0.record.topic == harness.catalogue.deadLetters.name }
        #expect(Set(echoes.compactMap { $0.record.headers.first { $0.name == EventHeaders.eventId }?.value })
                    == Set(messages.map { Array("echo/\($0.eventId)".utf8) }))
        #expect(letters.count == 1)

        #expect(try harness.reader.records(of: harness.catalogue.alerts).isEmpty, "nothing published")
        #expect(try harness.reader.records(of: harness.catalogue.deadLetters).isEmpty, "no dead letter published")
        #expect(try committedOffsets(harness, group: configuration.groupId).isEmpty, "no offsets committed")
    }

    @Test("empty input ends at once")
    func emptyInputEnds() throws {
        let harness = try RuntimeHarness()
        let service = StreamService(configuration: try harness.configuration(),
                                    processor: EchoProcessor(catalogue: harness.catalogue),
                                    shutdown: ShutdownSignal(signals: []))

        let started = ContinuousClock.now
        let summary = try service.runCapture(stallTimeout: .seconds(20))

        #expect(summary.processedRecords.isEmpty)
        #expect(summary.outboxRecords == 0)
        #expect(ContinuousClock.now - started < .seconds(15), "the run does not wait for the stall timeout")
    }

    @Test("records after the start left out")
    func laterRecordsLeftOut() throws {
        let harness = try RuntimeHarness()
        try harness.produce(try (0..<10).map { try harness.encoded(harness.message($0)) })

        // A processor that produces one more message while it applies the
        // first: that record lies beyond the end offset taken at the start.
        let processor = ProducingEchoProcessor(catalogue: harness.catalogue) {
            try harness.produce([try harness.encoded(harness.message(99))])
        }
        let service = StreamService(configuration: try harness.configuration(), processor: processor,
                                    shutdown: ShutdownSignal(signals: []))
        let summary = try service.runCapture(stallTimeout: .seconds(20))

        #expect(processor.producedDuringRun)
        #expect(summary.processedRecords == [harness.catalogue.chatMessages.name: 10])
        #expect(summary.outboxRecords == 10)
        #expect(try harness.reader.records(of: harness.catalogue.chatMessages).count == 11)
    }

    @Test("table changes after the start ignored")
    func laterTableChangesIgnored() throws {
        let harness = try RuntimeHarness()
        try produceRoster([RosterPerson(id: "S-1", name: "主管", role: .supervisor, reportsTo: "M-1", vendor: "V",
                                        site: "sh", team: "T-1")], harness: harness)
        try harness.produce(try (0..<10).map { try harness.encoded(harness.message($0)) })

        // While it applies the first record, the roster changes; one record
        // per batch gives the run many chances to read the table again.
        let late = RosterPerson(id: "S-2", name: "新主管", role: .supervisor, reportsTo: "M-1", vendor: "V",
                                site: "sh", team: "T-2")
        let processor = TableWatchingProcessor(catalogue: harness.catalogue) {
            try produceRoster([late], harness: harness)
            Thread.sleep(forTimeInterval: 1)
        }
        let service = StreamService(configuration: try harness.configuration(), processor: processor,
                                    shutdown: ShutdownSignal(signals: []))
        service.maxBatchSize = 1
        let summary = try service.runCapture(stallTimeout: .seconds(20))

        #expect(summary.processedRecords == [harness.catalogue.chatMessages.name: 10])
        #expect(processor.rosterCounts.count == 10)
        #expect(processor.rosterCounts.allSatisfy { $0 == 1 }, "roster sizes seen: \(processor.rosterCounts)")
        #expect(processor.roster.person("S-2") == nil)
    }

    @Test("late records and watermarks counted")
    func lateRecordsCounted() throws {
        let harness = try RuntimeHarness()
        let topic = harness.catalogue.chatMessages.name
        try #require(harness.catalogue.chatMessages.partitions >= 2)
        let start = harness.message(0).sentAt.epochMilliseconds
        func message(_ index: Int, at offset: Int64) throws -> OutgoingRecord {
            var message = harness.message(index)
            message.sentAt = Timestamp(epochMilliseconds: start + offset, utcOffsetSeconds: 28_800)
            return try record(message, topic: topic, partition: index == 9 ? 1 : 0)
        }
        func watermark(at offset: Int64) throws -> OutgoingRecord {
            try record(Watermark(source: "test", topic: topic, partition: 0,
                                 time: Timestamp(epochMilliseconds: start + offset, utcOffsetSeconds: 28_800)),
                       topic: topic, partition: 0)
        }

        // Partition 0: a watermark at +5 s makes the +2 s and +4 s messages
        // late, and the lower watermark at +3 s does not lower that mark. The
        // message on partition 1 has no watermark before it.
        try send(harness, [
            try message(0, at: 0),
            try watermark(at: 5_000),
            try message(1, at: 6_000),
            try message(2, at: 2_000),
            try watermark(at: 3_000),
            try message(3, at: 4_000),
            try message(4, at: 5_000),
            try message(9, at: 1_000),
        ])

        let service = StreamService(configuration: try harness.configuration(),
                                    processor: EchoProcessor(catalogue: harness.catalogue),
                                    shutdown: ShutdownSignal(signals: []))
        let summary = try service.runCapture(stallTimeout: .seconds(20))

        #expect(summary.processedRecords == [topic: 6], "watermarks are not counted as records")
        #expect(summary.watermarkRecords == [topic: 2])
        #expect(summary.lateRecords == [topic: 2], "the messages at +2 s and +4 s on partition 0")
    }

    @Test("stop request fails the run")
    func stopRequestFails() throws {
        let harness = try RuntimeHarness()
        try harness.produce(try (0..<5).map { try harness.encoded(harness.message($0)) })
        let shutdown = ShutdownSignal(signals: [])
        shutdown.request()
        let service = StreamService(configuration: try harness.configuration(),
                                    processor: EchoProcessor(catalogue: harness.catalogue), shutdown: shutdown)

        #expect(throws: CaptureError.self) {
            try service.runCapture(stallTimeout: .seconds(20))
        }
    }

    /// Returns `event` as a record for `topic` and `partition` with its event time as the timestamp, as an outbox writes it.
    private func record<Event: VigilEvent>(_ event: Event, topic: String, partition: Int32) throws -> OutgoingRecord {
        OutgoingRecord(topic: topic, partition: partition,
                       key: event.recordKey.map { Array($0.utf8) }, value: try EventCoding.encode(event),
                       timestampMilliseconds: event.eventTime.epochMilliseconds,
                       headers: [KafkaHeader(name: EventHeaders.eventId, text: event.eventId),
                                 KafkaHeader(name: EventHeaders.schema, text: "\(Event.schemaName)/\(event.schemaVersion)")])
    }

    /// Produces `records` in order and waits for their delivery.
    private func send(_ harness: RuntimeHarness, _ records: [OutgoingRecord]) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": harness.broker.bootstrapServers,
                                                      "enable.idempotence": "true"],
                                         logger: harness.logger)
        for (index, record) in records.enumerated() {
            try producer.send(record, tag: Int64(index))
        }
        var delivered = 0
        for _ in 0..<300 where delivered < records.count {
            let reports = try producer.poll(timeoutMilliseconds: 100)
            try #require(reports.allSatisfy { $0.error == nil })
            delivered += reports.count
        }
        try #require(delivered == records.count)
    }

    private func produceRoster(_ people: [RosterPerson], harness: RuntimeHarness) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": harness.broker.bootstrapServers],
                                         logger: harness.logger)
        for (index, person) in people.enumerated() {
            try producer.send(OutgoingRecord(topic: harness.catalogue.roster.name, key: Array(person.id.utf8),
                                             value: try EventCoding.encode(person), timestampMilliseconds: 0),
                              tag: Int64(index))
        }
        var delivered = 0
        for _ in 0..<300 where delivered < people.count {
            delivered += try producer.poll(timeoutMilliseconds: 100).count
        }
        try #require(delivered == people.count)
    }

    private func committedOffsets(_ harness: RuntimeHarness, group: String) throws -> [TopicPartition: Int64] {
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": harness.broker.bootstrapServers,
                                                      "group.id": group], logger: harness.logger)
        defer { consumer.close() }
        let partitions = (0..<harness.catalogue.chatMessages.partitions).map {
            TopicPartition(topic: harness.catalogue.chatMessages.name, partition: $0)
        }
        return try consumer.committed(partitions)
    }
}

/// An echo processor that calls `duringFirstRecord` once, while it applies its first record.
final class ProducingEchoProcessor: StreamProcessor {
    private let echo: EchoProcessor
    private let duringFirstRecord: () throws -> Void
    private(set) var producedDuringRun = false

    init(catalogue: TopicCatalogue, duringFirstRecord: @escaping () throws -> Void) {
        echo = EchoProcessor(catalogue: catalogue)
        self.duringFirstRecord = duringFirstRecord
    }

    var inputTopics: [TopicSpec] { echo.inputTopics }
    var outputTopics: [TopicSpec] { echo.outputTopics }

    func registerMigrations(in migrator: inout Migrator) {
        echo.registerMigrations(in: &migrator)
    }

    func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        if !producedDuringRun {
            producedDuringRun = true
            try duringFirstRecord()
        }
        try echo.process(record, context: context)
    }
}

/// A ``RosterEchoProcessor`` that calls `duringFirstRecord` once, while it
/// applies its first record, and notes the roster size at every record.
final class TableWatchingProcessor: StreamProcessor {
    private let inner: RosterEchoProcessor
    private let duringFirstRecord: () throws -> Void
    private var called = false
    /// The number of people in the roster when each input record was applied.
    private(set) var rosterCounts: [Int] = []

    init(catalogue: TopicCatalogue, duringFirstRecord: @escaping () throws -> Void) {
        inner = RosterEchoProcessor(catalogue: catalogue)
        self.duringFirstRecord = duringFirstRecord
    }

    var roster: Roster { inner.roster }
    var inputTopics: [TopicSpec] { inner.inputTopics }
    var tableTopics: [TopicSpec] { inner.tableTopics }
    var outputTopics: [TopicSpec] { inner.outputTopics }

    func registerMigrations(in migrator: inout Migrator) {
        inner.registerMigrations(in: &migrator)
    }

    func applyTableRecord(_ record: KafkaRecord) throws {
        try inner.applyTableRecord(record)
    }

    func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        if !called {
            called = true
            try duringFirstRecord()
        }
        rosterCounts.append(inner.roster.count)
        try inner.process(record, context: context)
    }
}
