/// Whether one process reaches one Kafka cluster, worked out from the
/// connection states that librdkafka reports for every broker of every client
/// of the process.
///
/// The cluster becomes unreachable when a connection attempt fails while no
/// connection of any client is up, and reachable again as soon as one
/// connection is up. A connection that closes (a broker's idle timeout, a
/// broker restart) does not make it unreachable by itself: only a failed
/// attempt to connect again does. Pure logic: the caller passes the time and
/// logs the transitions.
struct ConnectivityState {
    /// One broker connection of one client.
    struct Connection: Hashable {
        /// The number the process gave the client.
        var client: Int
        /// The broker's address ("127.0.0.1:9092"), or the name of a logical
        /// broker ("GroupCoordinator").
        var broker: String
    }

    /// librdkafka's broker states, reduced to what reachability needs.
    enum BrokerState: Equatable {
        /// Connected: UP, UPDATE, or REAUTH (a connected broker authenticating again).
        case up
        /// DOWN: the connection closed or the attempt failed.
        case down
        /// INIT: created, or reset after DOWN, and not connecting yet.
        case initial
        /// TRY_CONNECT, CONNECT, APIVERSION_QUERY and the TLS and SASL steps:
        /// an attempt in progress.
        case connecting

        /// Maps a state name that librdkafka's broker state change interceptor passes.
        init(librdkafkaName name: String) {
            switch name {
            case "UP", "UPDATE", "REAUTH": self = .up
            case "DOWN": self = .down
            case "INIT": self = .initial
            default: self = .connecting
            }
        }
    }

    /// A change of reachability, for the caller to log.
    enum Transition: Equatable {
        /// A connection attempt to `broker` failed with no connection up.
        case unreachable(broker: String)
        /// A connection is up again after `failedAttempts` failed attempts,
        /// `duration` after the first of them. `suppressedLines` counts the
        /// client log lines dropped in between.
        case reachable(failedAttempts: Int, duration: Duration, suppressedLines: Int)
    }

    private(set) var isReachable = true
    private var states: [Connection: BrokerState] = [:]
    private var failedAttempts = 0
    private var suppressedLines = 0
    private var unreachableSince: ContinuousClock.Instant?

    /// Records a broker state change and returns the transition it causes, if any.
    mutating func update(_ connection: Connection, to state: BrokerState,
                         at now: ContinuousClock.Instant) -> Transition? {
        let previous = states[connection] ?? .initial
        states[connection] = state

        switch state {
        case .up:
            guard !isReachable else { return nil }
            let transition = Transition.reachable(failedAttempts: failedAttempts,
                                                  duration: now - (unreachableSince ?? now),
                                                  suppressedLines: suppressedLines)
            isReachable = true
            failedAttempts = 0
            suppressedLines = 0
            unreachableSince = nil
            return transition

        case .down:
            // Only an attempt in progress can fail. From UP a connection has
            // closed, and from INIT librdkafka drops a broker it never used.
            guard previous == .connecting else { return nil }
            if !isReachable {
                failedAttempts += 1
                return nil
            }
            guard !states.values.contains(.up) else { return nil }
            isReachable = false
            failedAttempts = 1
            suppressedLines = 0
            unreachableSince = now
            return .unreachable(broker: connection.broker)

        case .initial, .connecting:
            return nil
        }
    }

    /// Forgets a client that was destroyed. Its connections were not lost to
    /// an outage, so this changes no reachability.
    mutating func remove(client: Int) {
        states = states.filter { $0.key.client != client }
    }

    /// Counts a client log line and returns true while the cluster is
    /// unreachable, so the caller drops the line. Returns false otherwise.
    mutating func suppressLine() -> Bool {
        guard !isReachable else { return false }
        suppressedLines += 1
        return true
    }
}
