import VigilContracts
import VigilKafka

/// Checks at start that the topics a service needs exist with the catalogue's partition counts.
public enum TopicCheck {
    /// Returns the partition counts of all topics on the cluster, or throws naming the first missing topic.
    public static func require(_ topics: [TopicSpec], on producer: KafkaProducer) throws -> [String: Int32] {
        try require(topics, existing: try producer.topics())
    }

    /// Returns `existing` (partition counts by topic name), or throws naming the first missing topic.
    public static func require(_ topics: [TopicSpec], existing: [String: Int32]) throws -> [String: Int32] {
        for topic in topics {
            guard let partitions = existing[topic.name] else {
                throw KafkaError(message: """
                    topic \(topic.name) does not exist: create the topics first \
                    (`vigil topics create` on Apache Kafka; `vigil broker` creates them itself)
                    """)
            }
            if topic.key == .thread, partitions != topic.partitions {
                throw KafkaError(message: """
                    topic \(topic.name) has \(partitions) partitions but thread-keyed topics need \
                    \(topic.partitions), so that one thread maps to the same partition in each
                    """)
            }
        }
        return existing
    }
}
