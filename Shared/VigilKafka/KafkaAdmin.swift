import CRdKafka
import VigilLog

/// Creates and lists topics and describes consumer groups through Kafka's admin API.
public final class KafkaAdmin {
    private let client: RDKafkaClient

    public init(properties: [String: String], logger: Logger) throws {
        client = try RDKafkaClient(kind: .producer, properties: properties, logger: logger)
    }

    /// A topic to create.
    public struct NewTopic: Sendable {
        public var name: String
        public var partitions: Int32
        public var replicationFactor: Int32
        public var configs: [String: String]

        public init(name: String, partitions: Int32, replicationFactor: Int32, configs: [String: String]) {
            self.name = name
            self.partitions = partitions
            self.replicationFactor = replicationFactor
            self.configs = configs
        }
    }

    /// Creates the topics and returns, per topic, nil when it was created or
    /// already existed, or the error that stopped it.
    public func createTopics(_ topics: [NewTopic], timeoutMilliseconds: Int32 = 30_000) throws -> [String: KafkaError?] {
        var errorText = [CChar](repeating: 0, count: 512)
        var requests: [OpaquePointer?] = []
        defer { requests.forEach { rd_kafka_NewTopic_destroy($0) } }
        for topic in topics {
            guard let request = rd_kafka_NewTopic_new(topic.name, topic.partitions, topic.replicationFactor,
                                                      &errorText, errorText.count)
            else {
                throw KafkaError(message: "invalid topic \(topic.name): \(rdKafkaErrorText(errorText))")
            }
            requests.append(request)
            for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                let result = rd_kafka_NewTopic_set_config(request, name, value)
                guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(result, context: "invalid config \(name) for topic \(topic.name)")
                }
            }
        }

        let queue = rd_kafka_queue_new(client.handle)
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(client.handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        rd_kafka_AdminOptions_set_request_timeout(options, timeoutMilliseconds, &errorText, errorText.count)
        rd_kafka_AdminOptions_set_operation_timeout(options, timeoutMilliseconds, &errorText, errorText.count)

        requests.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(client.handle, buffer.baseAddress, buffer.count, options, queue)
        }
        guard let event = rd_kafka_queue_poll(queue, timeoutMilliseconds + 5_000) else {
            throw KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue, message: "CreateTopics timed out")
        }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        guard eventError == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? ""
            throw KafkaError(code: eventError.rawValue, message: "CreateTopics failed: \(text)")
        }

        var count = 0
        let result = rd_kafka_event_CreateTopics_result(event)
        let results = rd_kafka_CreateTopics_result_topics(result, &count)
        var outcome: [String: KafkaError?] = [:]
        for index in 0..<count {
            guard let topicResult = results?[index] else { continue }
            let name = String(cString: rd_kafka_topic_result_name(topicResult))
            let error = rd_kafka_topic_result_error(topicResult)
            if error == RD_KAFKA_RESP_ERR_NO_ERROR || error == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS {
                outcome[name] = .some(nil)
            } else {
                let text = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) } ?? ""
                outcome[name] = KafkaError(code: error.rawValue, message: "could not create \(name): \(text)")
            }
        }
        return outcome
    }

    /// Lists the cluster's topics with their partition counts.
    public func topics(timeoutMilliseconds: Int32 = 10_000) throws -> [String: Int32] {
        try client.topics(timeoutMilliseconds: timeoutMilliseconds)
    }

    // MARK: - Consumer groups

    /// Describes one consumer group: its state and how many members it has.
    ///
    /// A group the cluster does not know comes back as "Dead" with no members.
    /// Throws a ``KafkaError`` whose ``KafkaError/isUnsupportedFeature`` is
    /// true when the brokers do not implement ListGroups and DescribeGroups,
    /// as librdkafka 2.0.2's mock cluster (``EmbeddedBroker``) does not.
    public func describeConsumerGroup(_ group: String,
                                      timeoutMilliseconds: Int32 = 10_000) throws -> ConsumerGroupDescription {
        let description = try client.describeGroup(group, timeoutMilliseconds: timeoutMilliseconds)
        return description ?? ConsumerGroupDescription(groupId: group, state: "Dead", memberCount: 0)
    }
}
