import VigilContracts
import VigilStore

/// The open alerts, one per customer thread and category, kept in the
/// alerting service's store so that grouping survives restarts.
///
/// Every decision depends only on event times from the stream: the hit's
/// message time, or a watermark's time for reminders and quiet closings.
/// Alert ids derive from the event that raised the alert, so a replay
/// produces the same ids. Not Sendable: it runs on the service's thread,
/// inside the transaction of the record it handles.
public final class AlertGroups {
    private let policy: AlertPolicy

    public init(policy: AlertPolicy) {
        self.policy = policy
    }

    /// Registers the table of open alerts.
    public static func registerMigrations(in migrator: inout Migrator) {
        migrator.register("alerting-1-groups", sql: """
            CREATE TABLE alert_groups (
                shop TEXT NOT NULL,
                buyer TEXT NOT NULL,
                category TEXT NOT NULL,
                alert_id TEXT NOT NULL,
                partition INTEGER NOT NULL,
                severity TEXT NOT NULL,
                occurrences INTEGER NOT NULL,
                opened_ms INTEGER NOT NULL,
                last_hit_ms INTEGER NOT NULL,
                notified_ms INTEGER NOT NULL,
                latest_event BLOB,
                PRIMARY KEY (shop, buyer, category)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX alert_groups_partition ON alert_groups (partition);
            """)
        migrator.register("alerting-4-inhibitor-spans", sql: """
            CREATE TABLE alert_inhibitor_spans (
                shop TEXT NOT NULL,
                buyer TEXT NOT NULL,
                category TEXT NOT NULL,
                alert_id TEXT NOT NULL,
                opened_ms INTEGER NOT NULL,
                until_ms INTEGER NOT NULL,
                PRIMARY KEY (shop, buyer, category, alert_id)
            ) STRICT, WITHOUT ROWID;
            """)
    }

    // MARK: - Hits

    /// Decides what a hit of `category` at `time` does, and records it.
    ///
    /// The returned `due` events are what event time owed the open alert
    /// before the hit: its closing when the quiet window had passed, or the
    /// reminders that fell due. A watermark would have caused the same events,
    /// with the same ids and times, so the outcome does not depend on where
    /// watermarks sit in the stream. The returned `decision` belongs to the hit
    /// itself. Call ``save(_:in:)`` with the event built from it.
    public func hit(thread: ThreadKey, category: RiskCategory, severity: Severity, at time: Timestamp,
                    causeId: String, partition: Int32,
                    in database: Database) throws -> (due: [AlertFollowUp], decision: AlertDecision) {
        var due: [AlertFollowUp] = []
        var group = try self.group(thread: thread, category: category, in: database)
        if let open = group {
            due = try owed(open, upTo: time, in: database)
            group = try self.group(thread: thread, category: category, in: database)
        }
        let inhibitor = try inhibitor(of: thread, category: category, at: time, in: database)

        guard var open = group else {
            let alertId = "alert/\(category.rawValue)/\(causeId)"
            try database.run("""
                INSERT INTO alert_groups (shop, buyer, category, alert_id, partition, severity, occurrences,
                                          opened_ms, last_hit_ms, notified_ms)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                """, [thread.shop, thread.buyer, category.rawValue, alertId, partition, severity.rawValue,
                      time.epochMilliseconds, time.epochMilliseconds, time.epochMilliseconds])
            return (due, AlertDecision(alertId: alertId, eventId: alertId, action: .raised, severity: severity,
                                       notify: inhibitor == nil, occurrences: 1, openedAt: time, at: time,
                                       inhibitedBy: inhibitor))
        }

        open.occurrences += 1
        let action: AlertAction = severity > open.severity ? .escalated : .repeated
        if action == .escalated {
            open.severity = severity
            open.notifiedMilliseconds = max(open.notifiedMilliseconds, time.epochMilliseconds)
        }
        open.lastHitMilliseconds = max(open.lastHitMilliseconds, time.epochMilliseconds)
        try database.run("""
            UPDATE alert_groups SET severity = ?, occurrences = ?, last_hit_ms = ?, notified_ms = ?
            WHERE shop = ? AND buyer = ? AND category = ?
            """, [open.severity.rawValue, open.occurrences, open.lastHitMilliseconds, open.notifiedMilliseconds,
                  thread.shop, thread.buyer, category.rawValue])
        let decision = AlertDecision(
            alertId: open.alertId, eventId: "\(open.alertId)/\(action.rawValue)/\(causeId)", action: action,
            severity: open.severity, notify: action == .escalated && inhibitor == nil, occurrences: open.occurrences,
            openedAt: Timestamp(epochMilliseconds: open.openedMilliseconds), at: time, inhibitedBy: inhibitor)
        return (due, decision)
    }

    /// Stores the latest event of an open alert, which reminders and closings
    /// repeat. It does nothing once the alert has closed.
    public func save(_ alert: Alert, in database: Database) throws {
        try database.run("""
            UPDATE alert_groups SET latest_event = ? WHERE shop = ? AND buyer = ? AND category = ? AND alert_id = ?
            """, [try EventCoding.encode(alert), alert.shop, alert.buyer, alert.category.rawValue, alert.id])
    }

    // MARK: - Closing

    /// Closes the open alert of `category` in `thread`, as an agent's reply
    /// closes a reply timeout. Returns nil when none is open or the open alert
    /// has no saved event yet.
    public func close(thread: ThreadKey, category: RiskCategory, at time: Timestamp, causeId: String,
                      in database: Database) throws -> AlertFollowUp? {
        guard let open = try group(thread: thread, category: category, in: database) else { return nil }
        return try close(open, at: time, causeId: causeId, in: database)
    }

    // MARK: - Event time

    /// Returns the reminders and quiet closings due on `partition` once event
    /// time there reaches `time`, ordered by thread and category.
    public func advance(partition: Int32, to time: Timestamp, in database: Database) throws -> [AlertFollowUp] {
        let rows = try database.query("""
            SELECT shop, buyer, category FROM alert_groups WHERE partition = ? ORDER BY shop, buyer, category
            """, [partition])
        var followUps: [AlertFollowUp] = []
        for row in rows {
            guard let shop = row[0].string, let buyer = row[1].string,
                  let category = row[2].string.flatMap(RiskCategory.init(rawValue:)),
                  let open = try group(thread: ThreadKey(shop: shop, buyer: buyer), category: category, in: database)
            else { continue }
            followUps += try owed(open, upTo: time, in: database)
        }
        return followUps
    }

    /// Records and returns the events `open` is owed once event time reaches
    /// `time`: every reminder that fell due before the quiet window ended, then
    /// the closing if the window has passed.
    private func owed(_ open: OpenAlert, upTo time: Timestamp, in database: Database) throws -> [AlertFollowUp] {
        guard let template = open.latestEvent else { return [] }
        let interval = Int64(policy.repeatIntervalSeconds) * 1_000
        let quietUntil = open.quietUntil(policy)
        var followUps: [AlertFollowUp] = []
        var notified = open.notifiedMilliseconds
        // A reply timeout does not remind, because its text would repeat a wait
        // that has only grown. The agent's reply or the quiet window ends it.
        while open.category != .replyTimeout, notified + interval <= time.epochMilliseconds,
              notified + interval < quietUntil {
            notified += interval
            let at = Timestamp(epochMilliseconds: notified)
            let inhibitor = try inhibitor(of: open.thread, category: open.category, at: at, in: database)
            followUps.append(AlertFollowUp(template: template, decision: AlertDecision(
                alertId: open.alertId, eventId: "\(open.alertId)/reminded/\(notified)", action: .reminded,
                severity: open.severity, notify: inhibitor == nil, occurrences: open.occurrences,
                openedAt: Timestamp(epochMilliseconds: open.openedMilliseconds), at: at, inhibitedBy: inhibitor)))
        }
        if notified != open.notifiedMilliseconds {
            try database.run("""
                UPDATE alert_groups SET notified_ms = ? WHERE shop = ? AND buyer = ? AND category = ?
                """, [notified, open.thread.shop, open.thread.buyer, open.category.rawValue])
        }
        if time.epochMilliseconds >= quietUntil,
           let closed = try close(open, at: Timestamp(epochMilliseconds: quietUntil), causeId: nil, in: database) {
            followUps.append(closed)
        }
        return followUps
    }

    // MARK: - Rows

    private func close(_ open: OpenAlert, at time: Timestamp, causeId: String?,
                       in database: Database) throws -> AlertFollowUp? {
        try database.run("DELETE FROM alert_groups WHERE shop = ? AND buyer = ? AND category = ?",
                         [open.thread.shop, open.thread.buyer, open.category.rawValue])
        if AlertPolicy.inhibitions[open.category] != nil {
            // A closed inhibitor still holds back what fell due while it was open.
            try database.run("""
                INSERT OR REPLACE INTO alert_inhibitor_spans (shop, buyer, category, alert_id, opened_ms, until_ms)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [open.thread.shop, open.thread.buyer, open.category.rawValue, open.alertId,
                      open.openedMilliseconds, min(time.epochMilliseconds, open.quietUntil(policy))])
        }
        guard let template = open.latestEvent else { return nil }
        let suffix = causeId.map { "closed/\($0)" } ?? "closed"
        return AlertFollowUp(template: template, decision: AlertDecision(
            alertId: open.alertId, eventId: "\(open.alertId)/\(suffix)", action: .closed, severity: open.severity,
            notify: false,
            occurrences: open.occurrences, openedAt: Timestamp(epochMilliseconds: open.openedMilliseconds), at: time,
            inhibitedBy: nil))
    }

    /// Returns the id of the alert that held back `category` in `thread` at
    /// `time`: an inhibiting alert, such as a regulator alert, opened at or
    /// before `time` and not yet quiet then. Closed alerts count through their
    /// spans, so the result for a past time does not change when a later event
    /// closes or opens an alert.
    private func inhibitor(of thread: ThreadKey, category: RiskCategory, at time: Timestamp,
                           in database: Database) throws -> String? {
        let at = time.epochMilliseconds
        for inhibiting in AlertPolicy.inhibitors(of: category) {
            if let open = try group(thread: thread, category: inhibiting, in: database),
               open.openedMilliseconds <= at, at < open.quietUntil(policy) {
                return open.alertId
            }
            let spans = try database.query("""
                SELECT alert_id FROM alert_inhibitor_spans
                WHERE shop = ? AND buyer = ? AND category = ? AND opened_ms <= ? AND ? < until_ms
                ORDER BY opened_ms LIMIT 1
                """, [thread.shop, thread.buyer, inhibiting.rawValue, at, at])
            if let alertId = spans.first?[0].string {
                return alertId
            }
        }
        return nil
    }

    private func group(thread: ThreadKey, category: RiskCategory, in database: Database) throws -> OpenAlert? {
        let rows = try database.query("""
            SELECT alert_id, severity, occurrences, opened_ms, last_hit_ms, notified_ms, latest_event
            FROM alert_groups WHERE shop = ? AND buyer = ? AND category = ?
            """, [thread.shop, thread.buyer, category.rawValue])
        guard let row = rows.first, let alertId = row[0].string,
              let severity = row[1].string.flatMap(Severity.init(rawValue:)),
              let occurrences = row[2].int, let opened = row[3].int64, let lastHit = row[4].int64,
              let notified = row[5].int64
        else { return nil }
        let latest = try row[6].bytes.map { try EventCoding.decodeEvent(Alert.self, from: $0) }
        return OpenAlert(thread: thread, category: category, alertId: alertId, severity: severity,
                         occurrences: occurrences, openedMilliseconds: opened, lastHitMilliseconds: lastHit,
                         notifiedMilliseconds: notified, latestEvent: latest)
    }
}

/// One row of `alert_groups`.
private struct OpenAlert {
    var thread: ThreadKey
    var category: RiskCategory
    var alertId: String
    var severity: Severity
    var occurrences: Int
    var openedMilliseconds: Int64
    var lastHitMilliseconds: Int64
    var notifiedMilliseconds: Int64
    /// The alert's latest event. It is nil only between the hit and ``AlertGroups/save(_:in:)``.
    var latestEvent: Alert?

    /// Returns the time the alert closes unless the thread hits it again, in epoch milliseconds.
    func quietUntil(_ policy: AlertPolicy) -> Int64 {
        lastHitMilliseconds + Int64(policy.groupWindowSeconds) * 1_000
    }
}
