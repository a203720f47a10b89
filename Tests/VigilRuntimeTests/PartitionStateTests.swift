import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Counts the messages of each thread in a store per partition and emits the
/// running count, so a partition rebuilt wrongly shows in the next count.
final class CountingProcessor: StreamProcessor {
    let catalogue: TopicCatalogue

    init(catalogue: TopicCatalogue) {
        self.catalogue = catalogue
    }

    var inputTopics: [TopicSpec] { [catalogue.chatMessages] }
    var outputTopics: [TopicSpec] { [catalogue.alerts] }
    var partitionedState: Bool { true }

    func registerMigrations(in migrator: inout Migrator) {
        migrator.register("counting-1", sql: "CREATE TABLE counts (thread TEXT PRIMARY KEY, count INTEGER NOT NULL) STRICT;")
    }

    func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let message = try context.decode(ChatMessage.self, from: record)
        let thread = message.thread.recordKey
        try context.database.run("""
            INSERT INTO counts (thread, count) VALUES (?, 1) ON CONFLICT (thread) DO UPDATE SET count = count + 1
            """, [thread])
        let count = try context.database.scalar("SELECT count FROM counts WHERE thread = ?", [thread]).int ?? 0
        try context.emit(EchoEvent(eventId: "count/\(thread)/\(count)", messageId: message.messageId, thread: thread,
                                   sentAt: message.sentAt),
                         to: catalogue.alerts)
    }
}

/// A counting processor that also reads complaints, co-partitioned with the chats.
final class CoPartitionedProcessor: StreamProcessor {
    let counting: CountingProcessor

    init(catalogue: TopicCatalogue) {
        counting = CountingProcessor(catalogue: catalogue)
    }

    var inputTopics: [TopicSpec] { [counting.catalogue.chatMessages, counting.catalogue.complaints] }
    var outputTopics: [TopicSpec] { counting.outputTopics }
    var partitionedState: Bool { true }

    func registerMigrations(in migrator: inout Migrator) {
        counting.registerMigrations(in: &migrator)
    }

    func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        try counting.process(record, context: context)
    }
}

@Suite("Partition state on the embedded broker", .serialized)
struct PartitionStateTests {
    private let buyers = (0..<6).map { "buyer-\($0)" }

    private func messages(_ range: Range<Int>, harness: RuntimeHarness) -> [ChatMessage] {
        range.map { harness.message($0, buyer: buyers[$0 % buyers.count]) }
    }

    /// Returns the event ids on the output topic, failing on a repeated id.
    private func outputIds(_ harness: RuntimeHarness, count: Int) throws -> [String] {
        let records = try harness.waitForRecords(on: harness.catalogue.alerts, count: count)
        let ids = records.compactMap { $0.header(EventHeaders.eventId) }
        #expect(Set(ids).count == ids.count, "no output published twice")
        return ids
    }

    /// Starts a counting service with its store at `store`, in the shared group.
    private func startCounting(_ harness: RuntimeHarness, store: String) throws -> RunningService {
        RunningService(configuration: try harness.configuration(storePath: store),
                       processor: CountingProcessor(catalogue: harness.catalogue))
    }

    /// Returns the ids a single uninterrupted instance gives for messages 0..<count.
    private func expectedIds(_ count: Int) -> Set<String> {
        var seen: [String: Int] = [:]
        var ids = Set<String>()
        for index in 0..<count {
            let thread = "shop-1/\(buyers[index % buyers.count])"
            seen[thread, default: 0] += 1
            ids.insert("count/\(thread)/\(seen[thread] ?? 0)")
        }
        return ids
    }

    @Test("new instance rebuilds taken partitions")
    func newInstanceRebuilds() throws {
        let harness = try RuntimeHarness()
        try harness.produce(messages(0..<30, harness: harness).map(harness.encoded))
        let first = try startCounting(harness, store: harness.path("a.sqlite"))
        _ = try outputIds(harness, count: 30)
        #expect(first.stop() == nil)

        // Another instance with an empty store takes every partition over.
        let second = try startCounting(harness, store: harness.path("b.sqlite"))
        try harness.produce(messages(30..<42, harness: harness).map(harness.encoded))
        let ids = try outputIds(harness, count: 42)
        Thread.sleep(forTimeInterval: 1)
        #expect(second.stop() == nil)

        #expect(Set(ids) == expectedIds(42))
        #expect(try harness.reader.records(of: harness.catalogue.alerts).count == 42,
                "the rebuild publishes nothing again")
        let folder = harness.path("b.partitions")
        let stores = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sqlite") }
        #expect(!stores.isEmpty, "one store per partition in \(folder)")
    }

    @Test("stale store is rebuilt")
    func staleStoreRebuilt() throws {
        let harness = try RuntimeHarness()
        let storeA = harness.path("a.sqlite")
        try harness.produce(messages(0..<12, harness: harness).map(harness.encoded))
        let first = try startCounting(harness, store: storeA)
        _ = try outputIds(harness, count: 12)
        #expect(first.stop() == nil)

        try harness.produce(messages(12..<24, harness: harness).map(harness.encoded))
        let second = try startCounting(harness, store: harness.path("b.sqlite"))
        _ = try outputIds(harness, count: 24)
        #expect(second.stop() == nil)

        // Back to the first store, which stopped at message 12.
        try harness.produce(messages(24..<36, harness: harness).map(harness.encoded))
        let again = try startCounting(harness, store: storeA)
        let ids = try outputIds(harness, count: 36)
        Thread.sleep(forTimeInterval: 1)
        #expect(again.stop() == nil)

        #expect(Set(ids) == expectedIds(36))
        #expect(try harness.reader.records(of: harness.catalogue.alerts).count == 36)
    }

    @Test("co-partitioned topics require range")
    func coPartitionedNeedsRange() throws {
        let harness = try RuntimeHarness()
        var configuration = try harness.configuration(storePath: harness.path("c.sqlite"))
        configuration.kafkaProperties["partition.assignment.strategy"] = "cooperative-sticky"

        let service = RunningService(configuration: configuration,
                                     processor: CoPartitionedProcessor(catalogue: harness.catalogue))
        let failure = service.waitForFailure(seconds: 20)

        let usage = try #require(failure as? UsageError, "the run failed with a usage error: \(String(describing: failure))")
        #expect(usage.message.contains("must be range"))
    }

    @Test("leaving instance hands partitions over")
    func twoInstancesShare() throws {
        let harness = try RuntimeHarness()
        try harness.produce(messages(0..<24, harness: harness).map(harness.encoded))
        let first = try startCounting(harness, store: harness.path("a.sqlite"))
        let second = try startCounting(harness, store: harness.path("b.sqlite"))
        _ = try outputIds(harness, count: 24)

        #expect(first.stop() == nil)
        try harness.produce(messages(24..<48, harness: harness).map(harness.encoded))
        let ids = try outputIds(harness, count: 48)
        Thread.sleep(forTimeInterval: 1)
        #expect(second.stop() == nil)

        #expect(Set(ids) == expectedIds(48))
        #expect(try harness.reader.records(of: harness.catalogue.alerts).count == 48)
    }
}
