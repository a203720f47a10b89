import VigilContracts
import VigilKafka
import VigilLog

/// Reads every partition of a table topic (such as the roster) from the
/// beginning, outside any group, so each instance has the whole table.
public final class TableReader {
    public let topic: TopicSpec
    private let consumer: KafkaConsumer
    private let logger: Logger

    public init(topic: TopicSpec, partitions: Int32, properties: [String: String], logger: Logger) throws {
        self.topic = topic
        self.logger = logger
        consumer = try KafkaConsumer(properties: properties, logger: logger)
        var starts: [TopicPartition: StartOffset] = [:]
        for partition in 0..<partitions {
            starts[TopicPartition(topic: topic.name, partition: partition)] = .beginning
        }
        try consumer.assign(starts)
    }

    /// Reads until every partition reaches the high watermark it had when this
    /// was called. Stops early, with what it has, when `shouldStop` turns true.
    public func catchUp(shouldStop: () -> Bool, apply: (KafkaRecord) throws -> Void) throws -> Int {
        var remaining: [TopicPartition: Int64] = [:]
        for topicPartition in try consumer.assignment() {
            let (low, high) = try consumer.watermarks(topicPartition)
            if high > low {
                remaining[topicPartition] = high
            }
        }

        var applied = 0
        while !remaining.isEmpty, !shouldStop() {
            for record in try consumer.poll(maxRecords: 1_000, timeoutMilliseconds: 200) {
                try apply(record)
                applied += 1
                if let high = remaining[record.topicPartition], record.offset + 1 >= high {
                    remaining[record.topicPartition] = nil
                }
            }
        }
        return applied
    }

    /// Applies whatever records have arrived, without waiting.
    public func pollUpdates(apply: (KafkaRecord) throws -> Void) throws -> Int {
        let records = try consumer.poll(maxRecords: 1_000, timeoutMilliseconds: 0)
        for record in records {
            try apply(record)
        }
        return records.count
    }
}
