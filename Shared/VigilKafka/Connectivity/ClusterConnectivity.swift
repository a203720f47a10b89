import Synchronization
import VigilLog

/// The reachability of one Kafka cluster as all clients of this process see
/// it, and the two log lines an outage gives: one warning when the cluster
/// becomes unreachable, one notice with the failed attempts and the duration
/// when it is reachable again.
///
/// librdkafka retries by itself and logs every failed attempt of every client.
/// While the cluster is unreachable those lines are counted instead
/// (``suppressLine()``). Clients share the instance of their
/// `bootstrap.servers`, so a service with a producer, a group consumer and
/// table readers logs an outage once. Broker state changes arrive on
/// librdkafka's broker threads, so the state sits behind a lock.
final class ClusterConnectivity: Sendable {
    /// The outage that ended last, for tests.
    struct Outage: Equatable, Sendable {
        var failedAttempts: Int
        var duration: Duration
        var suppressedLines: Int
    }

    private static let registry = Mutex<[String: ClusterConnectivity]>([:])

    let bootstrapServers: String
    private let state = Mutex(ConnectivityState())
    private let lastOutageStore = Mutex<Outage?>(nil)
    private let clientCount = Atomic<Int>(0)

    private init(bootstrapServers: String) {
        self.bootstrapServers = bootstrapServers
    }

    /// Returns the process's instance for a `bootstrap.servers` value.
    static func shared(bootstrapServers: String) -> ClusterConnectivity {
        registry.withLock { instances in
            if let existing = instances[bootstrapServers] {
                return existing
            }
            let created = ClusterConnectivity(bootstrapServers: bootstrapServers)
            instances[bootstrapServers] = created
            return created
        }
    }

    /// True unless a connection attempt failed while no client had a connection up.
    var isReachable: Bool { state.withLock { $0.isReachable } }

    /// The outage that ended last, or nil before the first one ends.
    var lastOutage: Outage? { lastOutageStore.withLock { $0 } }

    /// Returns a number for a new client, which names it in the other calls.
    func registerClient() -> Int {
        clientCount.add(1, ordering: .relaxed).newValue
    }

    /// Records a broker state change of one client and logs a change of
    /// reachability through that client's logger.
    func brokerStateChanged(client: Int, broker: String, state name: String, logger: Logger) {
        let connection = ConnectivityState.Connection(client: client, broker: broker)
        let state = ConnectivityState.BrokerState(librdkafkaName: name)
        let transition = self.state.withLock { $0.update(connection, to: state, at: .now) }

        switch transition {
        case .unreachable(let broker):
            logger.warning("kafka unreachable, retrying", metadata: [
                "vigil.kafka.bootstrap": bootstrapServers,
                "vigil.kafka.broker": broker,
            ])
        case .reachable(let failedAttempts, let duration, let suppressedLines):
            lastOutageStore.withLock {
                $0 = Outage(failedAttempts: failedAttempts, duration: duration, suppressedLines: suppressedLines)
            }
            logger.notice("kafka reachable again", metadata: [
                "vigil.kafka.bootstrap": bootstrapServers,
                "vigil.retries": String(failedAttempts),
                "vigil.seconds": Self.seconds(duration),
                "vigil.kafka.suppressed": String(suppressedLines),
            ])
        case nil:
            break
        }
    }

    /// Forgets a destroyed client's connections.
    func clientClosed(_ client: Int) {
        state.withLock { $0.remove(client: client) }
    }

    /// Counts a client log line while the cluster is unreachable and returns
    /// true, so the caller drops it.
    func suppressLine() -> Bool {
        state.withLock { $0.suppressLine() }
    }

    /// Formats a duration as seconds with one decimal: "30.4".
    static func seconds(_ duration: Duration) -> String {
        let tenths = duration.components.seconds * 10 + duration.components.attoseconds / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
