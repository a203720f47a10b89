import CRdKafka
import VigilLog

/// An idempotent producer: librdkafka's retries never duplicate or reorder records in a partition.
///
/// Not Sendable: one thread sends and polls. Delivery reports are collected
/// during `poll` and returned to the caller, which matches them by tag.
public final class KafkaProducer {
    private let client: RDKafkaClient
    private var inFlight = 0

    /// The settings Vigil always uses; `properties` may add to them but not
    /// turn idempotence off.
    public static let requiredProperties = [
        "enable.idempotence": "true",
        "acks": "all",
        // murmur2 is the partitioner of Kafka's Java client, so records keyed
        // by thread land in the same partition whichever client produced them.
        "partitioner": "murmur2_random",
    ]

    /// Creates a producer; `properties` are librdkafka settings such as `bootstrap.servers`.
    public init(properties: [String: String], logger: Logger) throws {
        // No linger: a service publishes each partition's outbox in turn and
        // waits for its reports, so a linger would be paid once per partition.
        // Records still batch while a request is in flight.
        var merged = ["linger.ms": "0", "message.timeout.ms": "0"]
        merged.merge(properties) { _, new in new }
        merged.merge(Self.requiredProperties) { _, required in required }
        client = try RDKafkaClient(kind: .producer, properties: merged, logger: logger)
    }

    /// The number of records sent whose delivery report has not come back yet.
    public var pendingDeliveries: Int { inFlight }

    /// Queues one record. `tag` comes back in its ``DeliveryReport``.
    /// When librdkafka's queue is full this polls until there is room.
    public func send(_ record: OutgoingRecord, tag: Int64) throws {
        while true {
            let result = produce(record, tag: tag)
            if result == RD_KAFKA_RESP_ERR_NO_ERROR {
                inFlight += 1
                return
            }
            guard result == RD_KAFKA_RESP_ERR__QUEUE_FULL else {
                throw KafkaError(result, context: "could not produce to \(record.topic)")
            }
            client.poll(timeoutMilliseconds: 100)
        }
    }

    /// Serves callbacks for up to the timeout and returns the delivery reports received.
    public func poll(timeoutMilliseconds: Int32) throws -> [DeliveryReport] {
        client.poll(timeoutMilliseconds: timeoutMilliseconds)
        if let error = client.context.takePendingError() {
            throw error
        }
        let reports = client.context.deliveryReports
        client.context.deliveryReports.removeAll(keepingCapacity: true)
        inFlight -= reports.count
        return reports
    }

    /// Serves callbacks only (logs and errors), for idle moments.
    public func serveCallbacks() {
        client.poll(timeoutMilliseconds: 0)
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

    // MARK: - Producing

    private func produce(_ record: OutgoingRecord, tag: Int64) -> rd_kafka_resp_err_t {
        let headers = makeHeaders(record.headers)
        // The tag travels as the per-message opaque pointer; +1 keeps tag 0 from being NULL.
        let opaque = UnsafeMutableRawPointer(bitPattern: Int(tag + 1))
        // -1 is RD_KAFKA_PARTITION_UA (a cast macro Swift does not import): the partitioner decides.
        let partition = record.partition ?? -1
        let result = record.value.withUnsafeBytes { value in
            if let key = record.key {
                return key.withUnsafeBytes { keyBytes in
                    vigil_rd_kafka_produce(client.handle, record.topic, partition, keyBytes.baseAddress, keyBytes.count,
                                           value.baseAddress, value.count, record.timestampMilliseconds,
                                           headers, opaque)
                }
            }
            return vigil_rd_kafka_produce(client.handle, record.topic, partition, nil, 0, value.baseAddress, value.count,
                                          record.timestampMilliseconds, headers, opaque)
        }
        if result != RD_KAFKA_RESP_ERR_NO_ERROR, let headers {
            // librdkafka takes the headers only when producing succeeds.
            rd_kafka_headers_destroy(headers)
        }
        return result
    }

    private func makeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer? {
        guard !headers.isEmpty, let list = rd_kafka_headers_new(headers.count) else { return nil }
        for header in headers {
            if let value = header.value {
                value.withUnsafeBytes { bytes in
                    _ = rd_kafka_header_add(list, header.name, -1, bytes.baseAddress, bytes.count)
                }
            } else {
                _ = rd_kafka_header_add(list, header.name, -1, nil, 0)
            }
        }
        return list
    }
}
