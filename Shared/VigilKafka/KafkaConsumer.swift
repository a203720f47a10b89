import CRdKafka
import VigilLog

/// A consumer that either joins a group (`subscribe`) or reads chosen partitions (`assign`).
///
/// Offsets are never committed automatically: stream services keep them in
/// their own store and commit to the group only as a report for lag monitoring.
/// Not Sendable: one thread polls it, and the rebalance handler runs on that thread.
public final class KafkaConsumer {
    private let client: RDKafkaClient
    private let logger: Logger
    private var isClosed = false

    /// Creates a consumer. Vigil's fixed settings (no auto-commit, no
    /// auto-created topics) override `properties`. Without `group.id` the
    /// consumer can only `assign`.
    public init(properties: [String: String], logger: Logger,
                rebalanceHandler: (any KafkaRebalanceHandler)? = nil) throws {
        var merged = [
            "auto.offset.reset": "earliest",
            "session.timeout.ms": "6000",
            "heartbeat.interval.ms": "500",
            "max.poll.interval.ms": "30000",
            // The range assignor gives a member the same partition numbers of
            // every topic it reads when the topics have equal partition counts,
            // which keeps a customer thread's records in one instance.
            // cooperative-sticky balances topics independently and does not.
            "partition.assignment.strategy": "range",
        ]
        merged.merge(properties) { _, new in new }
        if merged["group.id"] == nil {
            // librdkafka needs a group id even for `assign`; a consumer that
            // never subscribes or commits never joins this group.
            merged["group.id"] = "vigil-reader-\(UInt64.random(in: 0...UInt64.max))"
        }
        merged["enable.auto.commit"] = "false"
        merged["enable.auto.offset.store"] = "false"
        merged["allow.auto.create.topics"] = "false"
        self.logger = logger
        client = try RDKafkaClient(kind: .consumer, properties: merged, logger: logger,
                                   rebalanceHandler: rebalanceHandler)
        rd_kafka_poll_set_consumer(client.handle)
    }

    deinit {
        close()
    }

    // MARK: - Assignment

    /// Joins the group and subscribes to the topics; partitions arrive through the rebalance handler.
    public func subscribe(_ topics: [String]) throws {
        let list = RDKafkaTopicPartitionList(topics.map { TopicPartition(topic: $0, partition: -1) })
        let result = rd_kafka_subscribe(client.handle, list.pointer)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(result, context: "could not subscribe to \(topics.joined(separator: ", "))")
        }
    }

    /// Reads exactly these partitions from these offsets, outside any group.
    public func assign(_ starts: [TopicPartition: StartOffset]) throws {
        let list = RDKafkaTopicPartitionList(starts.sorted { $0.key < $1.key }.map { ($0.key, $0.value.rawValue) })
        let result = rd_kafka_assign(client.handle, list.pointer)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(result, context: "could not assign partitions")
        }
    }

    /// Returns the partitions currently assigned to this consumer.
    public func assignment() throws -> [TopicPartition] {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        let result = rd_kafka_assignment(client.handle, &list)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let list else {
            throw KafkaError(result, context: "could not read the assignment")
        }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return RDKafkaTopicPartitionList.read(list).map(\.0)
    }

    // MARK: - Reading

    /// Waits up to the timeout for the first record, then takes whatever else
    /// is already fetched, up to `maxRecords`. Serves logs and rebalances too.
    public func poll(maxRecords: Int, timeoutMilliseconds: Int32) throws -> [KafkaRecord] {
        var records: [KafkaRecord] = []
        var timeout = timeoutMilliseconds
        while records.count < maxRecords {
            guard let message = rd_kafka_consumer_poll(client.handle, timeout) else { break }
            timeout = 0
            defer { rd_kafka_message_destroy(message) }

            let error = message.pointee.err
            if error == RD_KAFKA_RESP_ERR_NO_ERROR {
                records.append(Self.copy(message))
            } else if error != RD_KAFKA_RESP_ERR__PARTITION_EOF {
                try handleConsumeError(message)
            }
        }
        if let error = client.context.takePendingError() {
            throw error
        }
        return records
    }

    private func handleConsumeError(_ message: UnsafeMutablePointer<rd_kafka_message_t>) throws {
        let error = message.pointee.err
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let kafkaError = KafkaError(error, context: "consume failed on \(topic)/\(message.pointee.partition)")
        switch error {
        case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC,
             RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED,
             RD_KAFKA_RESP_ERR__FATAL:
            throw kafkaError
        default:
            // Transient: librdkafka recovers by itself. An outage is logged
            // once by ClusterConnectivity, which counts these lines meanwhile.
            if client.context.connectivity.suppressLine() {
                return
            }
            logger.warning("consume error, continuing", metadata: ["vigil.kafka.error": kafkaError.message])
        }
    }

    private static func copy(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaRecord {
        let topic = String(cString: rd_kafka_topic_name(message.pointee.rkt))
        let key = message.pointee.key.map {
            Array(UnsafeRawBufferPointer(start: $0, count: message.pointee.key_len))
        }
        let value = message.pointee.payload.map {
            Array(UnsafeRawBufferPointer(start: $0, count: message.pointee.len))
        } ?? []
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(message, &timestampType)

        var headers: [KafkaHeader] = []
        var headerList: OpaquePointer?
        if rd_kafka_message_headers(message, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
            var index = 0
            var name: UnsafePointer<CChar>?
            var bytes: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(headerList, index, &name, &bytes, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                let value = bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
                headers.append(KafkaHeader(name: name.map { String(cString: $0) } ?? "", value: value))
                index += 1
            }
        }

        return KafkaRecord(
            topic: topic, partition: message.pointee.partition, offset: message.pointee.offset,
            key: key, value: value,
            timestampMilliseconds: timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp,
            headers: headers)
    }

    /// False while every connection attempt of this process to the cluster
    /// fails (see ``ClusterConnectivity``), so a caller waiting for records
    /// can tell an outage from a stall.
    public var isClusterReachable: Bool { client.context.connectivity.isReachable }

    // MARK: - Offsets

    /// Commits the next offsets to read for the group.
    ///
    /// A consumer that never subscribed commits from outside the group
    /// (generation -1, no member id). Apache Kafka accepts that only while the
    /// group has no members; librdkafka 2.0.2's mock cluster accepts it only
    /// for a group that no consumer has joined since the cluster started.
    /// Otherwise the broker rejects it and the error's
    /// ``KafkaError/rejectsCommitFromOutsideGroup`` is true.
    ///
    /// Commits nothing while the group has taken the assignment away (the
    /// session timed out, as in a broker outage longer than
    /// `session.timeout.ms`): the broker would reject it as from an unknown member.
    public func commit(_ nextOffsets: [TopicPartition: Int64], synchronously: Bool) throws {
        guard !nextOffsets.isEmpty, rd_kafka_assignment_lost(client.handle) == 0 else { return }
        let list = RDKafkaTopicPartitionList(nextOffsets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let result = rd_kafka_commit(client.handle, list.pointer, synchronously ? 0 : 1)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR || result == RD_KAFKA_RESP_ERR__NO_OFFSET else {
            throw KafkaError(result, context: "could not commit offsets")
        }
    }

    /// Reads the group's committed next offsets for the partitions. Partitions
    /// without a commit are left out.
    public func committed(_ partitions: [TopicPartition],
                          timeoutMilliseconds: Int32 = 10_000) throws -> [TopicPartition: Int64] {
        let list = RDKafkaTopicPartitionList(partitions)
        let result = rd_kafka_committed(client.handle, list.pointer, timeoutMilliseconds)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(result, context: "could not read committed offsets")
        }
        if let error = list.firstError {
            throw error
        }
        var offsets: [TopicPartition: Int64] = [:]
        for (topicPartition, offset) in list.entries where offset >= 0 {
            offsets[topicPartition] = offset
        }
        return offsets
    }

    /// Reads the low and high watermark offsets of a partition from the broker.
    public func watermarks(_ topicPartition: TopicPartition,
                           timeoutMilliseconds: Int32 = 10_000) throws -> (low: Int64, high: Int64) {
        try client.watermarks(topicPartition, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Lists the cluster's topics with their partition counts.
    public func topics(timeoutMilliseconds: Int32 = 10_000) throws -> [String: Int32] {
        try client.topics(timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Asks the broker, per partition, for the earliest offset whose record
    /// timestamp is at or after the given time (milliseconds since the epoch).
    ///
    /// A partition maps to nil when the broker names no offset (-1): on
    /// Apache Kafka that means no record is that recent, but librdkafka
    /// 2.0.2's mock cluster returns -1 for every time. A caller that must work
    /// on both reads such a partition from its start and filters by timestamp.
    public func offsets(forTimes times: [TopicPartition: Int64],
                        timeoutMilliseconds: Int32 = 10_000) throws -> [TopicPartition: Int64?] {
        guard !times.isEmpty else { return [:] }
        let list = RDKafkaTopicPartitionList(times.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let result = rd_kafka_offsets_for_times(client.handle, list.pointer, timeoutMilliseconds)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(result, context: "could not look up offsets by time")
        }
        if let error = list.firstError {
            throw error
        }
        var offsets: [TopicPartition: Int64?] = [:]
        for (topicPartition, offset) in list.entries {
            offsets[topicPartition] = offset >= 0 ? offset : nil
        }
        return offsets
    }

    // MARK: - Closing

    /// Leaves the group (revoking partitions through the handler) and stops fetching.
    /// Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        let result = rd_kafka_consumer_close(client.handle)
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            logger.warning("consumer close failed", metadata: [
                "vigil.kafka.error": String(cString: rd_kafka_err2name(result)),
            ])
        }
    }
}
