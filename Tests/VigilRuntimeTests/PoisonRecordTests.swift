import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// An error a processor throws that is neither a rejection nor a store or Kafka failure.
struct ThreadCountOverflow: Error, CustomStringConvertible {
    var thread: String
    var description: String { "thread \(thread) counts past its limit" }
}

/// Echoes chat messages like ``EchoProcessor``, with failures keyed on the message text:
/// - "throw": writes its count, then throws ``ThreadCountOverflow``;
/// - "finish": passes `process`, but `finishBatch` then throws ``ThreadCountOverflow``;
/// - "read-only": switches the connection to read-only and writes, so SQLite fails with SQLITE_READONLY.
final class FailingEchoProcessor: StreamProcessor {
    let echo: EchoProcessor
    private var finishFails = false

    init(catalogue: TopicCatalogue) {
        echo = EchoProcessor(catalogue: catalogue)
    }

    var inputTopics: [TopicSpec] { echo.inputTopics }
    var outputTopics: [TopicSpec] { echo.outputTopics }

    func registerMigrations(in migrator: inout Migrator) {
        echo.registerMigrations(in: &migrator)
    }

    func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let message = try context.decode(ChatMessage.self, from: record)
        try echo.process(record, context: context)
        switch message.text {
        case "throw":
            throw ThreadCountOverflow(thread: message.thread.recordKey)
        case "finish":
            finishFails = true
        case "read-only":
            try context.database.execute("PRAGMA query_only = ON")
            try context.database.run("DELETE FROM thread_counts")
        default:
            break
        }
    }

    func finishBatch(context: ProcessingContext) throws {
        // A failed savepoint leaves the flag set, as a processor's memory would be.
        defer { finishFails = false }
        if finishFails {
            throw ThreadCountOverflow(thread: "finish")
        }
    }
}

@Suite("Poison records and store failures", .serialized)
struct PoisonRecordTests {
    private func message(_ harness: RuntimeHarness, _ index: Int, text: String? = nil) -> ChatMessage {
        var message = harness.message(index)
        if let text {
            message.text = text
        }
        return message
    }

    private func letters(_ harness: RuntimeHarness, count: Int) throws -> [DeadLetter] {
        try harness.waitForRecords(on: harness.catalogue.deadLetters, count: count)
            .map { try EventCoding.decode(DeadLetter.self, from: $0.value) }
    }

    @Test("processor error becomes dead letter")
    func processorErrorDeadLettered() throws {
        let harness = try RuntimeHarness()
        let messages = [message(harness, 0), message(harness, 1, text: "throw"), message(harness, 2)]
        try harness.produce(messages.map(harness.encoded))

        let service = RunningService(configuration: try harness.configuration(),
                                     processor: FailingEchoProcessor(catalogue: harness.catalogue))
        let outputs = try harness.waitForRecords(on: harness.catalogue.alerts, count: 2)
        let letters = try letters(harness, count: 1)
        #expect(service.stop() == nil, "the service keeps running after the poison record")

        #expect(outputs.compactMap { $0.header(EventHeaders.eventId) } == ["echo/message/sh/m-0", "echo/message/sh/m-2"])
        let letter = try #require(letters.first)
        #expect(letters.count == 1)
        #expect(letter.reasonCode == .unprocessable)
        #expect(letter.reason.contains("counts past its limit"))
        #expect(letter.source.offset == 1)
        let database = try Database(path: harness.storePath)
        #expect(try database.scalar("SELECT sum(count) FROM thread_counts").int == 2,
                "the poison record's own write rolls back with its savepoint")
        #expect(try database.scalar("SELECT sum(next_offset) FROM vigil_offsets").int == 3)
    }

    @Test("finishBatch error isolates the record")
    func finishBatchErrorIsolated() throws {
        let harness = try RuntimeHarness()
        let messages = (0..<6).map { message(harness, $0, text: $0 == 3 ? "finish" : nil) }
        try harness.produce(messages.map(harness.encoded))

        let service = RunningService(configuration: try harness.configuration(),
                                     processor: FailingEchoProcessor(catalogue: harness.catalogue))
        let outputs = try harness.waitForRecords(on: harness.catalogue.alerts, count: 5)
        let letters = try letters(harness, count: 1)
        #expect(service.stop() == nil)

        #expect(outputs.count == 5)
        #expect(!outputs.contains { $0.header(EventHeaders.eventId) == "echo/message/sh/m-3" })
        #expect(letters.map(\.source.offset) == [3])
        #expect(letters.map(\.reasonCode) == [.unprocessable])
        let database = try Database(path: harness.storePath)
        #expect(try database.scalar("SELECT sum(count) FROM thread_counts").int == 5)
    }

    @Test("store failure commits nothing further")
    func storeFailureStopsWithoutCommit() throws {
        let harness = try RuntimeHarness()
        try harness.produce((0..<4).map { try harness.encoded(message(harness, $0)) })
        let configuration = try harness.configuration()
        let first = RunningService(configuration: configuration,
                                   processor: FailingEchoProcessor(catalogue: harness.catalogue))
        _ = try harness.waitForRecords(on: harness.catalogue.alerts, count: 4)
        // Wait until the group has the offsets of the first records, so a later commit would show.
        let partition = TopicPartition(topic: harness.catalogue.chatMessages.name,
                                       partition: try #require(harness.reader.records(of: harness.catalogue.chatMessages)
                                           .first?.partition))
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": harness.broker.bootstrapServers,
                                                      "group.id": configuration.groupId], logger: harness.logger)
        defer { consumer.close() }
        var committedBefore: Int64?
        for _ in 0..<100 where committedBefore != 4 {
            committedBefore = try consumer.committed([partition])[partition]
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(committedBefore == 4)

        try harness.produce([4, 5, 6].map { try harness.encoded(message(harness, $0, text: $0 == 5 ? "read-only" : nil)) })
        let failure = try #require(first.waitForFailure(seconds: 60))

        let fault = try #require(failure as? StoreFault, "\(failure)")
        #expect(fault.kind == .unusable)
        #expect(fault.error.code == 8, "SQLITE_READONLY")
        #expect(fault.path == harness.storePath)
        #expect(fault.description.contains(harness.storePath))
        let database = try Database(path: harness.storePath)
        let stored = try #require(try database.scalar("SELECT next_offset FROM vigil_offsets").int64)
        #expect(stored <= 5, "the batch of the record at offset 5 rolled back with its offsets")
        let committed = try #require(try consumer.committed([partition])[partition])
        #expect(committed <= stored, "nothing past the stored offset is committed")

        // A restart processes the rest once, because the read-only switch ended with the failed run's connection.
        let restarted = RunningService(configuration: configuration, processor: EchoProcessor(catalogue: harness.catalogue))
        let outputs = try harness.waitForRecords(on: harness.catalogue.alerts, count: 7)
        #expect(restarted.stop() == nil)
        #expect(Set(outputs.compactMap { $0.header(EventHeaders.eventId) }).count == 7)
        #expect(try database.scalar("SELECT sum(count) FROM thread_counts").int == 7)
    }
}
