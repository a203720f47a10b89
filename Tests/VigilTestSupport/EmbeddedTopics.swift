import Foundation
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// An embedded broker with every topic of a catalogue under a unique prefix,
/// and a temporary folder for stores, removed at deinit.
public final class EmbeddedTopics {
    public let logger = Logger(label: "vigil-test-topics", logLevel: .critical)
    public let broker: EmbeddedBroker
    public let catalogue: TopicCatalogue
    public let folder: URL

    public init() throws {
        broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        catalogue = TopicCatalogue(prefix: "test-\(UUID().uuidString.prefix(8)).")
        for topic in catalogue.all {
            try broker.createTopic(name: topic.name, partitions: topic.partitions)
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-topics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Returns the settings of service `serviceName` with its store `<store>` in the folder.
    public func configuration(serviceName: String, store: String, arguments: [String] = []) throws
        -> ServiceConfiguration {
        let all = ["--bootstrap-servers", broker.bootstrapServers, "--topic-prefix", catalogue.prefix,
                   "--store", folder.appendingPathComponent(store).path, "--log-level", "critical"] + arguments
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: serviceName))
        return try ServiceConfiguration(serviceName: serviceName, options: options.parse(all, environment: [:]))
    }

    // MARK: - Producing

    /// Returns the record Vigil's services write for `event`: its key, event
    /// time, id and schema headers, bound for `topic`.
    public static func record<Event: VigilEvent>(_ event: Event, to topic: TopicSpec) throws -> OutgoingRecord {
        try EventDelivery.record(event, topic: topic)
    }

    /// Returns a watermark record for partition `partition` of `topic` at `time`, as ingestion writes it.
    public static func watermark(_ topic: TopicSpec, partition: Int32, at time: Timestamp,
                                 source: String = "test") throws -> OutgoingRecord {
        let watermark = Watermark(source: source, topic: topic.name, partition: partition, time: time)
        var record = try record(watermark, to: topic)
        record.partition = partition
        record.key = nil
        return record
    }

    /// Produces `records` in order and waits until the broker has acknowledged each.
    public func produce(_ records: [OutgoingRecord]) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        for (index, record) in records.enumerated() {
            try producer.send(record, tag: Int64(index))
        }
        var delivered = 0
        let deadline = ContinuousClock.now + .seconds(30)
        while delivered < records.count, ContinuousClock.now < deadline {
            for report in try producer.poll(timeoutMilliseconds: 100) {
                if let error = report.error {
                    throw error
                }
                delivered += 1
            }
        }
        guard delivered == records.count else {
            throw KafkaError(message: "only \(delivered) of \(records.count) test records were delivered")
        }
    }

    // MARK: - Reading

    /// Returns every record on `topic` now.
    public func records(of topic: TopicSpec) throws -> [KafkaRecord] {
        try TopicReader(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger).records(of: topic)
    }

    /// Waits up to `seconds` until `topic` has at least `count` records, and returns them.
    public func waitForRecords(on topic: TopicSpec, count: Int, seconds: Double = 60) throws -> [KafkaRecord] {
        let deadline = Date().addingTimeInterval(seconds)
        var records = try records(of: topic)
        while records.count < count, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            records = try self.records(of: topic)
        }
        return records
    }

    /// Waits until the dead-letter topic has at least `count` records, and returns them decoded.
    public func deadLetters(count: Int, seconds: Double = 60) throws -> [DeadLetter] {
        try waitForRecords(on: catalogue.deadLetters, count: count, seconds: seconds)
            .map { try EventCoding.decode(DeadLetter.self, from: $0.value) }
    }
}
