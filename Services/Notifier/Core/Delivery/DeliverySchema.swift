import VigilStore

/// The notifier's tables: one row per alert event and route that should be
/// posted, and one row per attempt to post it.
///
/// `notify_deliveries` rows are written in the transaction that stores the
/// consumed offset, so an alert is either recorded for delivery or read
/// again. The sender then moves each row from `pending` to `sent` or
/// `failed`. Times are the host's wall clock in epoch milliseconds, because
/// retries and timeouts happen in real time.
enum DeliverySchema {
    static func register(in migrator: inout Migrator) {
        migrator.register("notify-1-deliveries", sql: """
            CREATE TABLE notify_deliveries (
                alert_event_id TEXT NOT NULL,
                route_id TEXT NOT NULL,
                alert_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('dingtalk', 'wecom')),
                target TEXT NOT NULL,
                severity TEXT NOT NULL,
                body BLOB NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at_ms INTEGER NOT NULL,
                next_attempt_at_ms INTEGER NOT NULL,
                finished_at_ms INTEGER,
                last_error TEXT,
                PRIMARY KEY (alert_event_id, route_id)
            ) STRICT;
            CREATE INDEX notify_deliveries_due ON notify_deliveries (status, next_attempt_at_ms);
            CREATE TABLE notify_attempts (
                alert_event_id TEXT NOT NULL,
                route_id TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                attempted_at_ms INTEGER NOT NULL,
                duration_ms INTEGER NOT NULL,
                http_status INTEGER,
                errcode INTEGER,
                error TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed')),
                PRIMARY KEY (alert_event_id, route_id, attempt),
                FOREIGN KEY (alert_event_id, route_id) REFERENCES notify_deliveries (alert_event_id, route_id)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
