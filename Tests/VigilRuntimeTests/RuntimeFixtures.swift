import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore

/// An event the test processor emits: one per chat message it applies.
struct EchoEvent: VigilEvent {
    static let schemaName = "echo"
    static let schemaVersion = 1

    var eventId: String
    var schemaVersion = 1
    var messageId: String
    var thread: String
    var sentAt: Timestamp

    var recordKey: String? { thread }
    var eventTime: Timestamp { sentAt }
}

/// Echoes every chat message it has not seen to the alerts topic and counts
/// messages per thread in its own table.
final class EchoProcessor: StreamProcessor {
    let catalogue: TopicCatalogue

    init(catalogue: TopicCatalogue) {
        self.catalogue = catalogue
    }

    var inputTopics: [TopicSpec] { [catalogue.chatMessages] }
    var outputTopics: [TopicSpec] { [catalogue.alerts] }

    func registerMigrations(in migrator: inout Migrator) {
        migrator.register("echo-1", sql: "CREATE TABLE thread_counts (thread TEXT PRIMARY KEY, count INTEGER NOT NULL) STRICT;")
    }

    func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let message = try context.decode(ChatMessage.self, from: record)
        guard try context.markApplied(message.eventId) else { return }
        try context.database.run("""
            INSERT INTO thread_counts (thread, count) VALUES (?, 1)
            ON CONFLICT (thread) DO UPDATE SET count = count + 1
            """, [message.thread.recordKey])
        try context.emit(EchoEvent(eventId: "echo/\(message.eventId)", messageId: message.messageId,
                                   thread: message.thread.recordKey, sentAt: message.sentAt),
                         to: catalogue.alerts)
    }
}

/// An embedded broker with the catalogue's topics and a temporary folder for stores.
final class RuntimeHarness {
    let logger = Logger(label: "vigil-runtime-tests", logLevel: .error)
    let broker: EmbeddedBroker
    let catalogue = TopicCatalogue(prefix: "runtime-test.")
    let folder: URL

    init() throws {
        broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        for topic in catalogue.all {
            try broker.createTopic(name: topic.name, partitions: topic.partitions)
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var storePath: String { folder.appendingPathComponent("echo.sqlite").path }

    /// Returns the path of `name` in the temporary folder.
    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    func configuration(storePath: String? = nil) throws -> ServiceConfiguration {
        let arguments = ["--bootstrap-servers", broker.bootstrapServers, "--store", storePath ?? self.storePath,
                         "--topic-prefix", catalogue.prefix, "--log-level", "error"]
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "echo"))
        return try ServiceConfiguration(serviceName: "echo", options: options.parse(arguments, environment: [:]))
    }

    /// Produces raw values to the chat topic and waits for their delivery.
    func produce(_ values: [(key: String, value: [UInt8])]) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        for (index, entry) in values.enumerated() {
            try producer.send(OutgoingRecord(topic: catalogue.chatMessages.name, key: Array(entry.key.utf8),
                                             value: entry.value, timestampMilliseconds: 0), tag: Int64(index))
        }
        var delivered = 0
        for _ in 0..<300 where delivered < values.count {
            let reports = try producer.poll(timeoutMilliseconds: 100)
            #expect(reports.allSatisfy { $0.error == nil })
            delivered += reports.count
        }
        #expect(delivered == values.count)
    }

    func message(_ index: Int, buyer: String = "buyer-1") -> ChatMessage {
        ChatMessage(messageId: "m-\(index)", site: "sh", shop: "shop-1", conversationId: "c-\(buyer)", buyer: buyer,
                    agent: "A-1", role: .customer, text: "消息 \(index)",
                    sentAt: Timestamp(epochMilliseconds: 1_700_000_000_000 + Int64(index) * 1000, utcOffsetSeconds: 28_800))
    }

    func encoded(_ message: ChatMessage) throws -> (key: String, value: [UInt8]) {
        (message.thread.recordKey, try EventCoding.encode(message))
    }

    var reader: TopicReader {
        TopicReader(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
    }

    /// Waits until `topic` contains at least `count` records, or 30 s pass.
    func waitForRecords(on topic: TopicSpec, count: Int) throws -> [KafkaRecord] {
        var records: [KafkaRecord] = []
        for _ in 0..<150 {
            records = try reader.records(of: topic)
            if records.count >= count {
                return records
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return records
    }
}

/// Runs a stream service on its own thread until `stop` is called.
final class RunningService: @unchecked Sendable {
    private let shutdown = ShutdownSignal(signals: [])
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    init(configuration: ServiceConfiguration, processor: any StreamProcessor) {
        let service = StreamService(configuration: configuration, processor: processor, shutdown: shutdown)
        nonisolated(unsafe) let unsafeService = service
        Thread.detachNewThread { [self] in
            do {
                try unsafeService.run()
            } catch {
                lock.withLock { failure = error }
            }
            finished.signal()
        }
    }

    /// Requests a graceful shutdown and waits for the run to end; returns its error, if any.
    @discardableResult
    func stop() -> (any Error)? {
        shutdown.request()
        finished.wait()
        return lock.withLock { failure }
    }

    /// Waits for the run to end by itself (it failed), up to the timeout.
    func waitForFailure(seconds: Double) -> (any Error)? {
        guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { failure }
    }
}
