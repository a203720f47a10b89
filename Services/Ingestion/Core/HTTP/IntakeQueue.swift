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
    private var publishingSince: ContinuousClock.Instant?
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

    /// False while the intake thread has been publishing for longer than
    /// `limit`: the broker is slow or unreachable, and new requests would
    /// only time out. A long commit of a large request does not count.
    public func isResponsive(within limit: Duration) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let publishingSince else { return true }
        return ContinuousClock.now - publishingSince <= limit
    }

    /// Marks the start and end of publishing the outbox, which blocks while the broker is unreachable.
    func setPublishing(_ publishing: Bool) {
        condition.lock()
        defer { condition.unlock() }
        publishingSince = publishing ? ContinuousClock.now : nil
    }

    // MARK: - Intake thread

    /// Waits up to `timeout` for work and takes the waiting jobs in order, at
    /// least one and no more once `maxRecords` is reached, so one round's
    /// transaction stays short.
    func take(timeout: Duration, maxRecords: Int = 10_000) -> [Job] {
        condition.lock()
        defer { condition.unlock() }
        if waiting.isEmpty {
            _ = condition.wait(until: Date().addingTimeInterval(Self.seconds(timeout)))
        }
        var jobs: [Job] = []
        var records = 0
        while let job = waiting.first, jobs.isEmpty || records + job.records.count <= maxRecords {
            waiting.removeFirst()
            records += job.records.count
            job.state = .taken
            jobs.append(job)
        }
        waitingRecords -= records
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
