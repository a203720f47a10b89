import VigilContracts
import VigilStore

/// Reads delivery records and attempts from a notifier store, newest first.
public struct DeliveryLog {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Returns up to `limit` deliveries, newest first, optionally only those with `status`.
    public func deliveries(status: DeliveryStatus? = nil, limit: Int = 100) throws -> [DeliveryRecord] {
        let rows = try database.query("""
            SELECT alert_event_id, route_id, alert_id, kind, target, severity, status, attempts, created_at_ms,
                   finished_at_ms, last_error
            FROM notify_deliveries
            WHERE ?1 IS NULL OR status = ?1
            ORDER BY created_at_ms DESC, alert_event_id, route_id
            LIMIT ?2
            """, [status?.rawValue, limit])
        return rows.map { row in
            DeliveryRecord(
                alertEventId: row[0].string ?? "", routeId: row[1].string ?? "", alertId: row[2].string ?? "",
                kind: row[3].string ?? "", target: row[4].string ?? "", severity: row[5].string ?? "",
                status: DeliveryStatus(rawValue: row[6].string ?? "") ?? .pending, attempts: row[7].int ?? 0,
                createdAt: Timestamp(epochMilliseconds: row[8].int64 ?? 0),
                finishedAt: row[9].int64.map { Timestamp(epochMilliseconds: $0) }, lastError: row[10].string)
        }
    }

    /// Returns every attempt of one delivery, first attempt first.
    public func attempts(alertEventId: String, routeId: String) throws -> [DeliveryAttempt] {
        let rows = try database.query("""
            SELECT attempt, attempted_at_ms, duration_ms, http_status, errcode, error, outcome
            FROM notify_attempts WHERE alert_event_id = ? AND route_id = ? ORDER BY attempt
            """, [alertEventId, routeId])
        return rows.map { row in
            DeliveryAttempt(
                number: row[0].int ?? 0, attemptedAt: Timestamp(epochMilliseconds: row[1].int64 ?? 0),
                durationMilliseconds: row[2].int64 ?? 0, httpStatus: row[3].int, errcode: row[4].int,
                error: row[5].string, outcome: row[6].string ?? "")
        }
    }
}
