import CRdKafka
import VigilLog

/// librdkafka's mock cluster: a Kafka-protocol broker on 127.0.0.1 that keeps everything in memory.
///
/// For development, the demo and tests only; deployments use Apache Kafka.
/// Other processes reach it over TCP at ``bootstrapServers``. It names no
/// controller, so the admin API cannot create topics on it; ``createTopic``
/// does that directly.
public final class EmbeddedBroker {
    /// Comma-separated `host:port` of every broker.
    public let bootstrapServers: String
    /// The number of brokers in the cluster.
    public let brokerCount: Int32

    private let host: RDKafkaClient
    private let cluster: OpaquePointer

    public init(brokerCount: Int32 = 3, logger: Logger) throws {
        // The mock cluster lives inside a client handle, which also serves its logs.
        // The mock's broker sockets take their options from this handle, and Apache
        // Kafka sets TCP_NODELAY on its connections. Without it, a response written
        // while the previous one is unacknowledged waits for the client's delayed
        // ACK, so pipelined requests stall for 40 ms.
        host = try RDKafkaClient(kind: .producer, properties: ["socket.nagle.disable": "true"], logger: logger)
        guard let cluster = rd_kafka_mock_cluster_new(host.handle, brokerCount) else {
            throw KafkaError(message: "could not start the embedded broker (rd_kafka_mock_cluster_new failed)")
        }
        self.cluster = cluster
        self.brokerCount = brokerCount
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
    }

    /// Creates a topic; fails if it exists.
    public func createTopic(name: String, partitions: Int32, replicationFactor: Int32 = 1) throws {
        let result = rd_kafka_mock_topic_create(cluster, name, partitions, replicationFactor)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(result, context: "could not create topic \(name) on the embedded broker")
        }
    }

    /// Takes one broker (1-based id) down or brings it back, to test outages.
    public func setBroker(_ brokerId: Int32, up: Bool) throws {
        let result = up
            ? rd_kafka_mock_broker_set_up(cluster, brokerId)
            : rd_kafka_mock_broker_set_down(cluster, brokerId)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(result, context: "could not change broker \(brokerId)")
        }
    }

    /// Serves the host handle's logs; call it now and then.
    public func serveLogs(timeoutMilliseconds: Int32) {
        host.poll(timeoutMilliseconds: timeoutMilliseconds)
    }
}
