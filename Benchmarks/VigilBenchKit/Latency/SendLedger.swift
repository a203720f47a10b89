import Synchronization

/// The requests the senders made in the measured window, shared by their threads.
public final class SendLedger: Sendable {
    /// The totals after a run.
    public struct Totals: Sendable {
        /// Messages sent in the measured window.
        public var messages = 0
        /// Requests sent in the measured window.
        public var requests = 0
        /// When each alerting message of the window was due to be sent and when
        /// ingestion acknowledged it, by chat-message event id.
        public var alertingSends: [String: (due: Int64, acknowledged: Int64)] = [:]
        /// Milliseconds from each request's scheduled time to its response.
        public var acknowledgementMilliseconds: [Double] = []
        /// Requests that failed or got a status other than 200, or had records rejected, anywhere in the run.
        public var failures = 0
        /// The first failure, for the report.
        public var firstFailure: String?
        /// The largest delay of a request behind its schedule, in milliseconds: how far the senders fell behind.
        public var largestSendDelayMilliseconds = 0.0
    }

    private let state = Mutex(Totals())

    public init() {}

    public var totals: Totals { state.withLock { $0 } }

    /// Records one request of the measured window.
    public func recordMeasured(messages: Int, alerting: [String], scheduled: Int64, sent: Int64, answered: Int64) {
        state.withLock { totals in
            totals.messages += messages
            totals.requests += 1
            for eventId in alerting {
                totals.alertingSends[eventId] = (scheduled, answered)
            }
            totals.acknowledgementMilliseconds.append(MonotonicTime.milliseconds(from: scheduled, to: answered))
            totals.largestSendDelayMilliseconds = max(totals.largestSendDelayMilliseconds,
                                                      MonotonicTime.milliseconds(from: scheduled, to: sent))
        }
    }

    /// Records a request that failed or a record ingestion did not accept.
    public func recordFailure(_ description: String) {
        state.withLock { totals in
            totals.failures += 1
            totals.firstFailure = totals.firstFailure ?? description
        }
    }
}
