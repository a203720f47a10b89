import VigilKafka
import VigilLog

/// Reads the offsets of topics and consumer groups from the broker, as
/// `vigil lag` does, without joining any group.
///
/// Not Sendable: the benchmark's main thread uses it.
public final class OffsetProbe {
    private let bootstrap: String
    private let logger: Logger
    private let reader: KafkaConsumer
    /// One consumer per group, created on first use, which only reads the group's commits.
    private var groupReaders: [String: KafkaConsumer] = [:]
    private var partitionCounts: [String: Int32] = [:]

    public init(bootstrap: String, logger: Logger) throws {
        self.bootstrap = bootstrap
        self.logger = logger
        reader = try KafkaConsumer(properties: ["bootstrap.servers": bootstrap], logger: logger)
    }

    /// Closes every consumer, which must happen before the broker stops, or
    /// librdkafka logs each failed reconnection.
    public func close() {
        groupReaders.values.forEach { $0.close() }
        reader.close()
    }

    /// Returns every partition of the topics.
    public func partitions(of topics: [String]) throws -> [TopicPartition] {
        if topics.contains(where: { partitionCounts[$0] == nil }) {
            partitionCounts = try reader.topics()
        }
        return topics.flatMap { topic in
            (0..<(partitionCounts[topic] ?? 0)).map { TopicPartition(topic: topic, partition: $0) }
        }
    }

    /// Reads the low and high watermark offsets of each partition.
    public func watermarks(_ partitions: [TopicPartition]) throws -> [TopicPartition: (low: Int64, high: Int64)] {
        var result: [TopicPartition: (low: Int64, high: Int64)] = [:]
        for partition in partitions {
            result[partition] = try reader.watermarks(partition)
        }
        return result
    }

    /// Counts the records on the topics now: the sum of high minus low watermarks.
    public func recordCount(_ topics: [String]) throws -> Int {
        let offsets = try watermarks(try partitions(of: topics))
        return offsets.values.reduce(0) { $0 + Int($1.high - $1.low) }
    }

    /// Sums the high watermarks of the partitions, which grow by one per record produced.
    public func highSum(_ partitions: [TopicPartition]) throws -> Int {
        var sum = 0
        for partition in partitions {
            sum += Int(try reader.watermarks(partition).high)
        }
        return sum
    }

    /// Reads the next offsets `group` has committed. Partitions without a commit are left out.
    public func committed(group: String, _ partitions: [TopicPartition]) throws -> [TopicPartition: Int64] {
        let consumer: KafkaConsumer
        if let existing = groupReaders[group] {
            consumer = existing
        } else {
            consumer = try KafkaConsumer(properties: ["bootstrap.servers": bootstrap, "group.id": group], logger: logger)
            groupReaders[group] = consumer
        }
        return try consumer.committed(partitions)
    }
}
