import Testing
@testable import VigilKafka

/// Drives a ``ConnectivityState`` through the sequences of broker states
/// that librdkafka reports, on a clock the test moves by hand.
private final class BrokerEvents {
    let start = ContinuousClock.now
    var state = ConnectivityState()

    private func connection(_ client: Int, _ broker: String) -> ConnectivityState.Connection {
        ConnectivityState.Connection(client: client, broker: broker)
    }

    /// Reports one attempt that fails: INIT, TRY_CONNECT, CONNECT, DOWN.
    func fail(_ client: Int, _ broker: String, at seconds: Int) -> ConnectivityState.Transition? {
        let now = start + .seconds(seconds)
        _ = state.update(connection(client, broker), to: .initial, at: now)
        _ = state.update(connection(client, broker), to: .connecting, at: now)
        return state.update(connection(client, broker), to: .down, at: now)
    }

    /// Reports one attempt that succeeds: CONNECT, UP.
    func connect(_ client: Int, _ broker: String, at seconds: Int) -> ConnectivityState.Transition? {
        let now = start + .seconds(seconds)
        _ = state.update(connection(client, broker), to: .connecting, at: now)
        return state.update(connection(client, broker), to: .up, at: now)
    }

    /// Offers one client log line to the state machine.
    func suppressLine() -> Bool {
        state.suppressLine()
    }

    /// Reports a change to one state, such as an open connection closing (DOWN).
    func report(_ client: Int, _ broker: String, _ brokerState: ConnectivityState.BrokerState,
                at seconds: Int) -> ConnectivityState.Transition? {
        state.update(connection(client, broker), to: brokerState, at: start + .seconds(seconds))
    }
}

@Suite("Connectivity state machine")
struct ConnectivityStateTests {
    @Test("librdkafka state names map")
    func stateNames() {
        #expect(ConnectivityState.BrokerState(librdkafkaName: "UP") == .up)
        #expect(ConnectivityState.BrokerState(librdkafkaName: "UPDATE") == .up)
        #expect(ConnectivityState.BrokerState(librdkafkaName: "DOWN") == .down)
        #expect(ConnectivityState.BrokerState(librdkafkaName: "INIT") == .initial)
        #expect(ConnectivityState.BrokerState(librdkafkaName: "TRY_CONNECT") == .connecting)
        #expect(ConnectivityState.BrokerState(librdkafkaName: "APIVERSION_QUERY") == .connecting)
    }

    @Test("outage logs once, recovery counts attempts")
    func outageAndRecovery() {
        let events = BrokerEvents()
        #expect(events.connect(1, "127.0.0.1:9092", at: 0) == nil)
        #expect(events.connect(2, "127.0.0.1:9093", at: 0) == nil)

        // Both connections close. Only the failed attempt after that flips the state.
        #expect(events.report(1, "127.0.0.1:9092", .down, at: 10) == nil)
        #expect(events.report(2, "127.0.0.1:9093", .down, at: 10) == nil)
        #expect(events.state.isReachable)
        #expect(events.fail(1, "127.0.0.1:9092", at: 10) == .unreachable(broker: "127.0.0.1:9092"))
        #expect(!events.state.isReachable)

        #expect(events.fail(2, "127.0.0.1:9093", at: 11) == nil)
        #expect(events.fail(1, "127.0.0.1:9092", at: 12) == nil)
        #expect(events.suppressLine())
        #expect(events.suppressLine())

        let recovery = events.connect(2, "127.0.0.1:9093", at: 40)
        #expect(recovery == .reachable(failedAttempts: 3, duration: .seconds(30), suppressedLines: 2))
        #expect(events.state.isReachable)
        #expect(!events.suppressLine())
        #expect(events.connect(1, "127.0.0.1:9092", at: 41) == nil, "the second connection reports nothing")
    }

    @Test("failure with another connection up")
    func partialFailure() {
        let events = BrokerEvents()
        #expect(events.connect(1, "broker-1", at: 0) == nil)
        #expect(events.fail(2, "broker-2", at: 1) == nil)
        #expect(events.fail(1, "broker-3", at: 2) == nil)
        #expect(events.state.isReachable)
        #expect(!events.suppressLine())
    }

    @Test("closed connection is no failure")
    func closedConnection() {
        let events = BrokerEvents()
        #expect(events.connect(1, "broker-1", at: 0) == nil)
        #expect(events.report(1, "broker-1", .down, at: 600) == nil)
        #expect(events.report(1, "broker-1", .initial, at: 600) == nil)
        #expect(events.state.isReachable, "an idle connection closed by the broker")
        #expect(events.report(1, "broker-2", .down, at: 601) == nil)
        #expect(events.state.isReachable, "a broker dropped before it connected")
    }

    @Test("first attempt failing at start")
    func unreachableAtStart() {
        let events = BrokerEvents()
        #expect(events.fail(1, "broker-1", at: 0) == .unreachable(broker: "broker-1"))
        #expect(events.connect(1, "broker-1", at: 5)
                == .reachable(failedAttempts: 1, duration: .seconds(5), suppressedLines: 0))
    }

    @Test("removed client leaves no connection up")
    func removedClient() {
        let events = BrokerEvents()
        #expect(events.connect(1, "broker-1", at: 0) == nil)
        events.state.remove(client: 1)
        #expect(events.state.isReachable, "removing a client is no outage")
        #expect(events.fail(2, "broker-1", at: 1) == .unreachable(broker: "broker-1"))
    }

    @Test("second outage counts afresh")
    func secondOutage() {
        let events = BrokerEvents()
        _ = events.fail(1, "broker-1", at: 0)
        _ = events.fail(1, "broker-1", at: 1)
        _ = events.suppressLine()
        _ = events.connect(1, "broker-1", at: 2)
        _ = events.report(1, "broker-1", .down, at: 10)
        #expect(events.fail(1, "broker-1", at: 10) == .unreachable(broker: "broker-1"))
        #expect(events.connect(1, "broker-1", at: 12)
                == .reachable(failedAttempts: 1, duration: .seconds(2), suppressedLines: 0))
    }
}
