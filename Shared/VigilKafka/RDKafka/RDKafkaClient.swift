import CRdKafka
import VigilLog

/// Owns one librdkafka handle (`rd_kafka_t`) and the context its callbacks use.
///
/// The handle is destroyed in deinit, before the context is released, so a
/// callback that fires during destruction still finds its context.
final class RDKafkaClient {
    enum Kind {
        case producer
        case consumer
    }

    let handle: OpaquePointer
    let context: RDKafkaClientContext

    init(kind: Kind, properties: [String: String], logger: Logger,
         rebalanceHandler: (any KafkaRebalanceHandler)? = nil) throws {
        let configuration = try RDKafkaConfig.make(properties)

        let context = RDKafkaClientContext(logger: logger, bootstrapServers: properties["bootstrap.servers"] ?? "")
        context.rebalanceHandler = rebalanceHandler
        rd_kafka_conf_set_opaque(configuration, context.opaque)
        // Logs are served on librdkafka's threads as they happen (no
        // log.queue), so a line about a failed connection is counted or
        // logged while the outage it reports is still on.
        rd_kafka_conf_set_log_cb(configuration, rdKafkaLogCallback)
        rd_kafka_conf_set_error_cb(configuration, rdKafkaErrorCallback)
        rd_kafka_conf_interceptor_add_on_new(configuration, "vigil-connectivity", rdKafkaOnNewInterceptor,
                                             context.opaque)
        switch kind {
        case .producer:
            rd_kafka_conf_set_dr_msg_cb(configuration, rdKafkaDeliveryCallback)
        case .consumer:
            if rebalanceHandler != nil {
                rd_kafka_conf_set_rebalance_cb(configuration, rdKafkaRebalanceCallback)
            }
        }

        var errorText = [CChar](repeating: 0, count: 512)
        let type = kind == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
        guard let handle = rd_kafka_new(type, configuration, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(configuration)
            throw KafkaError(message: "could not create Kafka client: \(rdKafkaErrorText(errorText))")
        }
        self.handle = handle
        self.context = context
    }

    deinit {
        context.isClosing.store(true, ordering: .relaxed)
        rd_kafka_destroy(handle)
        context.connectivity.clientClosed(context.clientNumber)
    }

    /// The client's name as librdkafka reports it ("rdkafka#producer-1").
    var name: String { String(cString: rd_kafka_name(handle)) }

    /// Serves queued callbacks (logs, delivery reports, errors) for up to the timeout.
    func poll(timeoutMilliseconds: Int32) {
        rd_kafka_poll(handle, timeoutMilliseconds)
    }

    /// Reads the low and high watermark offsets of a partition from the broker.
    func watermarks(_ topicPartition: TopicPartition, timeoutMilliseconds: Int32) throws -> (low: Int64, high: Int64) {
        var low: Int64 = 0
        var high: Int64 = 0
        let result = rd_kafka_query_watermark_offsets(
            handle, topicPartition.topic, topicPartition.partition, &low, &high, timeoutMilliseconds)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(result, context: "could not read watermarks of \(topicPartition)")
        }
        return (low, high)
    }

    /// Lists the topics on the cluster with their partition counts.
    /// Asks for all topics, so it never triggers auto-creation of a named one.
    func topics(timeoutMilliseconds: Int32) throws -> [String: Int32] {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let result = rd_kafka_metadata(handle, 1, nil, &metadata, timeoutMilliseconds)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw KafkaError(result, context: "could not read cluster metadata")
        }
        defer { rd_kafka_metadata_destroy(metadata) }

        var topics: [String: Int32] = [:]
        for index in 0..<Int(metadata.pointee.topic_cnt) {
            let topic = metadata.pointee.topics[index]
            guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
            topics[String(cString: topic.topic)] = topic.partition_cnt
        }
        return topics
    }
}
