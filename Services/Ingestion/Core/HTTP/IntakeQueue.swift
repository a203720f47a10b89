import Foundation
import VigilContracts
import VigilRuntime

/// Hands HTTP requests from the server's threads to the one thread that owns
/// the store, and hands the outcomes back once they are committed.
///
/// A request waits a bounded time. If the intake thread has not taken it by
/// then (the broker is down and publishing blocks, say), the request is
/// withdrawn and the client gets 503: nothing of it was stored. Once taken,
/// a request always gets the outcomes that were committed.
public final class IntakeQueue: @unchecked Sendable {
    /// One request's records, waiting for the intake thread.
    final class Job {
        enum State {
            case waiting
            case taken
            case done([IntakeOutcome])
            case withdrawn
        }

        let records: [ArraySlice<UInt8>]
        let kind: RecordKind
        let scope: SiteScope
        let request: String
        var state = State.waiting

        init(records: [ArraySlice<UInt8>], kind: RecordKind, scope: SiteScope, request: String) {
            self.records = records
            self.kind = kind
            self.scope = scope
            self.request = request
        }
    }

    private let condition = NSCondition()
    private var waiting: [Job] = []
    private var waitingRecords = 0
    private var lastBeat = ContinuousClock.now
    private var requestCounter = 0
    private var closed = false

    /// The maximum number of records waiting at once; a request beyond it gets 503.
    public let maxWaitingRecords: Int

    public init(maxWaitingRecords: Int = 100_000) {
        self.maxWaitingRecords = maxWaitingRecords
    }

    // MARK: - Server threads

    /// The outcome of a submission.
    public enum Submission: Equatable {
        /// The records' outcomes, in order, committed to the store, and the request id they were filed under.
        case committed([IntakeOutcome], request: String)
        /// The intake thread was too busy or stalled; nothing was stored.
        case unavailable
    }

    /// Submits one request's records and waits up to `timeout` for the intake thread to take them.
    public func submit(_ records: [ArraySlice<UInt8>], kind: RecordKind, scope: SiteScope,
                       timeout: Duration) -> Submission {
        condition.lock()
        defer { condition.unlock() }
        guard !closed, waitingRecords + records.count <= maxWaitingRecords else { return .unavailable }

        requestCounter += 1
        let request = "\(WallClockText.compactNow())-\(requestCounter)"
        let job = Job(records: records, kind: kind, scope: scope, request: request)
        waiting.append(job)
        waitingRecords += records.count
        condition.broadcast()

        let deadline = Date().addingTimeInterval(Self.seconds(timeout))
        while true {
            switch job.state {
            case .done(let outcomes):
                return .committed(outcomes, request: request)
            case .withdrawn:
                return .unavailable
            case .waiting:
                if !condition.wait(until: deadline) {
                    waiting.removeAll { $0 === job }
                    waitingRecords -= records.count
                    job.state = .withdrawn
                    return .unavailable
                }
            case .taken:
                // Taken jobs are committed within one short transaction; wait for it.
                condition.wait()
            }
        }
    }

    /// True when the intake thread has come round within `limit`; a stalled
    /// thread means new requests would only time out.
    public func isResponsive(within limit: Duration) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return ContinuousClock.now - lastBeat <= limit
    }

    // MARK: - Intake thread

    /// Marks the intake thread alive, waits up to `timeout` for work, and
    /// takes every waiting job.
    func take(timeout: Duration) -> [Job] {
        condition.lock()
        defer { condition.unlock() }
        lastBeat = ContinuousClock.now
        if waiting.isEmpty {
            _ = condition.wait(until: Date().addingTimeInterval(Self.seconds(timeout)))
            lastBeat = ContinuousClock.now
        }
        let jobs = waiting
        waiting.removeAll()
        waitingRecords = 0
        for job in jobs {
            job.state = .taken
        }
        return jobs
    }

    /// Hands back the committed outcomes of taken jobs.
    func complete(_ results: [(Job, [IntakeOutcome])]) {
        condition.lock()
        defer { condition.unlock() }
        for (job, outcomes) in results {
            job.state = .done(outcomes)
        }
        condition.broadcast()
    }

    /// Refuses new submissions and withdraws the waiting ones, so that the
    /// server's threads return and the server can stop.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        for job in waiting {
            job.state = .withdrawn
        }
        waiting.removeAll()
        waitingRecords = 0
        condition.broadcast()
    }

    /// Withdraws taken jobs whose transaction failed, so their clients get 503.
    func fail(_ jobs: [Job]) {
        condition.lock()
        defer { condition.unlock() }
        for job in jobs {
            job.state = .withdrawn
        }
        condition.broadcast()
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

/// Request ids start with the UTC time in compact form, which sorts and reads well in dead letters.
enum WallClockText {
    /// `20261204T223000`.
    static func compactNow() -> String {
        String(WallClock.now().iso8601.filter { $0.isNumber || $0 == "T" }.prefix(15))
    }
}
