import VigilContracts
import VigilLog
import VigilRuntime
import VigilStore

/// Posts pending deliveries to their robots, records every attempt, and
/// schedules retries.
///
/// The sender runs on its own thread with its own connection to the
/// service's store, next to the stream loop that records deliveries. SQLite's
/// WAL mode and busy timeout let both write. It opens the connection and the
/// libcurl handle on first use, so it must be used from one thread only.
/// A request in flight is always finished and recorded, even after shutdown
/// is requested. The request timeout bounds how long that takes.
public final class DeliverySender {
    /// How many due deliveries one pass reads.
    static let batchSize = 50

    private let storePath: String
    private let routes: RouteTable
    private let policy: RetryPolicy
    private let logger: Logger
    private let clock: @Sendable () -> Int64
    private var database: Database?
    private var client: CurlEasyHandle?

    /// - Parameter clock: the current time in epoch milliseconds. It is the host's
    ///   wall clock unless a test supplies its own.
    public init(storePath: String, routes: RouteTable, policy: RetryPolicy, logger: Logger,
                clock: @escaping @Sendable () -> Int64 = { WallClock.now().epochMilliseconds }) {
        self.storePath = storePath
        self.routes = routes
        self.policy = policy
        self.logger = logger
        self.clock = clock
    }

    // MARK: - Running

    /// Sends due deliveries until shutdown is requested, checking for new
    /// ones at least every `pollMilliseconds`.
    public func run(shutdown: ShutdownSignal, pollMilliseconds: Int = 200) throws {
        logger.info("delivery sender started", metadata: ["vigil.routes": String(routes.routes.count)])
        while !shutdown.isRequested {
            let attempted = try sendDue(shutdown: shutdown)
            if attempted == 0 {
                let wait = try millisecondsUntilNextDue().map { min($0, Int64(pollMilliseconds)) } ?? Int64(pollMilliseconds)
                shutdown.sleep(milliseconds: Int(max(10, wait)))
            }
        }
        let pending = try pendingCount()
        logger.info("delivery sender stopped", metadata: ["vigil.pending": String(pending)])
    }

    /// Makes one attempt at each due delivery, oldest first, and returns how many it made.
    @discardableResult
    public func sendDue(shutdown: ShutdownSignal? = nil) throws -> Int {
        let database = try openDatabase()
        let rows = try database.query("""
            SELECT alert_event_id, route_id, kind, body, attempts, created_at_ms
            FROM notify_deliveries
            WHERE status = 'pending' AND next_attempt_at_ms <= ?
            ORDER BY next_attempt_at_ms, created_at_ms, alert_event_id, route_id
            LIMIT ?
            """, [clock(), Self.batchSize])

        var attempted = 0
        for row in rows {
            if shutdown?.isRequested == true {
                break
            }
            let delivery = PendingDelivery(
                alertEventId: row[0].string ?? "", routeId: row[1].string ?? "", kind: row[2].string ?? "",
                body: row[3].bytes ?? [], attempts: row[4].int ?? 0, createdAt: row[5].int64 ?? 0)
            if try attempt(delivery, database: database) {
                attempted += 1
            }
        }
        return attempted
    }

    /// Returns the number of deliveries still pending.
    public func pendingCount() throws -> Int {
        try openDatabase().scalar("SELECT count(*) FROM notify_deliveries WHERE status = 'pending'").int ?? 0
    }

    // MARK: - One delivery

    private struct PendingDelivery {
        var alertEventId: String
        var routeId: String
        var kind: String
        var body: [UInt8]
        var attempts: Int
        var createdAt: Int64
    }

    /// Posts one delivery and records the attempt. Returns false when the route is gone and nothing was posted.
    private func attempt(_ delivery: PendingDelivery, database: Database) throws -> Bool {
        guard let route = routes.route(id: delivery.routeId), route.kind.rawValue == delivery.kind else {
            try abandon(delivery, reason: "route \(delivery.routeId) is not in the routes file any more",
                        database: database)
            return false
        }

        let startedAt = clock()
        let started = ContinuousClock.now
        let url = route.secret.map { DingTalkSignature.signedURL(route.url, secret: $0, timestampMilliseconds: startedAt) }
            ?? route.url.text
        let outcome = try httpClient().post(
            url: url, body: delivery.body, headers: ["Content-Type: application/json; charset=utf-8"],
            connectTimeoutMilliseconds: policy.connectTimeoutMilliseconds,
            totalTimeoutMilliseconds: policy.requestTimeoutMilliseconds)
        let duration = started.duration(to: .now).milliseconds
        var answer = RobotAnswer(outcome, kind: route.kind)
        answer.error = answer.error.map { redact($0, route: route) }

        let number = delivery.attempts + 1
        let finishedAt = clock()
        var verdict = answer.verdict
        var nextAttempt: Int64?
        if verdict == .retry {
            nextAttempt = policy.nextAttempt(afterAttempt: number, failedAt: finishedAt, createdAt: delivery.createdAt)
            if nextAttempt == nil {
                verdict = .failed
            }
        }

        try database.transaction {
            try database.run("""
                INSERT INTO notify_attempts (alert_event_id, route_id, attempt, attempted_at_ms, duration_ms,
                                             http_status, errcode, error, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [delivery.alertEventId, delivery.routeId, number, startedAt, duration, answer.httpStatus,
                      answer.errcode, answer.error, verdict.rawValue])
            switch verdict {
            case .sent:
                try database.run("""
                    UPDATE notify_deliveries SET status = 'sent', attempts = ?, finished_at_ms = ?, last_error = NULL
                    WHERE alert_event_id = ? AND route_id = ?
                    """, [number, finishedAt, delivery.alertEventId, delivery.routeId])
            case .retry:
                try database.run("""
                    UPDATE notify_deliveries SET attempts = ?, next_attempt_at_ms = ?, last_error = ?
                    WHERE alert_event_id = ? AND route_id = ?
                    """, [number, nextAttempt, answer.error, delivery.alertEventId, delivery.routeId])
            case .failed:
                try database.run("""
                    UPDATE notify_deliveries SET status = 'failed', attempts = ?, finished_at_ms = ?, last_error = ?
                    WHERE alert_event_id = ? AND route_id = ?
                    """, [number, finishedAt, answer.error, delivery.alertEventId, delivery.routeId])
            }
        }

        log(delivery, route: route, attempt: number, answer: answer, verdict: verdict, nextAttempt: nextAttempt,
            finishedAt: finishedAt)
        return true
    }

    private func abandon(_ delivery: PendingDelivery, reason: String, database: Database) throws {
        try database.run("""
            UPDATE notify_deliveries SET status = 'failed', finished_at_ms = ?, last_error = ?
            WHERE alert_event_id = ? AND route_id = ?
            """, [clock(), reason, delivery.alertEventId, delivery.routeId])
        logger.error("delivery abandoned", metadata: [
            "vigil.alert.event": delivery.alertEventId,
            "vigil.route": delivery.routeId,
            "vigil.reason": reason,
        ])
    }

    private func log(_ delivery: PendingDelivery, route: NotificationRoute, attempt: Int, answer: RobotAnswer,
                     verdict: RobotAnswer.Verdict, nextAttempt: Int64?, finishedAt: Int64) {
        var metadata: Logger.Metadata = [
            "vigil.alert.event": delivery.alertEventId,
            "vigil.route": route.id,
            "vigil.target": route.url.masked,
            "vigil.attempt": String(attempt),
        ]
        if let status = answer.httpStatus {
            metadata["vigil.http.status"] = String(status)
        }
        if let errcode = answer.errcode {
            metadata["vigil.errcode"] = String(errcode)
        }
        if let error = answer.error {
            metadata["vigil.error"] = error
        }
        switch verdict {
        case .sent:
            logger.info("delivery sent", metadata: metadata)
        case .retry:
            metadata["vigil.retry.in-ms"] = String((nextAttempt ?? finishedAt) - finishedAt)
            logger.warning("delivery attempt failed; will retry", metadata: metadata)
        case .failed:
            logger.error("delivery failed", metadata: metadata)
        }
    }

    // MARK: - Resources

    private func openDatabase() throws -> Database {
        if let database {
            return database
        }
        let opened = try Database(path: storePath)
        database = opened
        return opened
    }

    private func httpClient() throws -> CurlEasyHandle {
        if let client {
            return client
        }
        let created = try CurlEasyHandle()
        client = created
        return created
    }

    private func millisecondsUntilNextDue() throws -> Int64? {
        let next = try openDatabase().scalar(
            "SELECT min(next_attempt_at_ms) FROM notify_deliveries WHERE status = 'pending'").int64
        return next.map { max(0, $0 - clock()) }
    }

    /// Removes the route's credentials from a message that might quote its URL.
    private func redact(_ message: String, route: NotificationRoute) -> String {
        var text = route.url.redact(message)
        if let secret = route.secret, !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }
}

private extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
