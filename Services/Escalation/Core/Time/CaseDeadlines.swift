import VigilContracts
import VigilStore

/// The next due time of each running deadline of each case, by partition.
///
/// A row per case and deadline keeps where the deadline starts (`base`), how
/// many steps have been missed, and the next due time, or NULL while the
/// deadline is met or not running. Step k+1 falls due one limit after step
/// k, with the limit of the case's severity at that moment.
struct CaseDeadlines {
    let policy: CasePolicy

    static func registerMigrations(in migrator: inout Migrator) {
        migrator.register("escalation-2-case-deadlines", sql: """
            CREATE TABLE case_deadlines (
                case_id TEXT NOT NULL REFERENCES case_records (case_id),
                deadline TEXT NOT NULL,
                partition INTEGER NOT NULL,
                base TEXT NOT NULL,
                steps INTEGER NOT NULL,
                last_due TEXT,
                due_ms INTEGER,
                due TEXT,
                PRIMARY KEY (case_id, deadline)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX case_deadlines_due ON case_deadlines (partition, due_ms) WHERE due_ms IS NOT NULL;
            """)
    }

    // MARK: - Scheduling

    /// Starts the acknowledge deadline afresh from `time`, as opening and reopening do.
    func restartAcknowledge(_ record: CaseRecord, partition: Int32, at time: Timestamp, in database: Database) throws {
        try start(record.caseId, .acknowledge, partition: partition, base: time, in: database)
    }

    /// Recomputes every deadline of a case after it changed. `chainLength` is
    /// the length of its chain now: a deadline climbs while there is someone above.
    func reschedule(_ record: CaseRecord, partition: Int32, chainLength: Int, in database: Database) throws {
        let open = record.state != .resolved

        // Acknowledge: from opening or reopening until a person acknowledges.
        let waitingForAck = open && record.acknowledgedAt == nil
        try update(record.caseId, .acknowledge, running: waitingForAck, limit: policy.acknowledgeLimit(record.severity),
                   chainLength: chainLength, in: database)

        // Follow-up: from the acknowledgement until a note, resolution or escalation.
        if let acknowledgedAt = record.acknowledgedAt {
            if try base(record.caseId, .followUp, in: database) != acknowledgedAt {
                try start(record.caseId, .followUp, partition: partition, base: acknowledgedAt, in: database)
            }
            try update(record.caseId, .followUp, running: open && !record.followUpStarted,
                       limit: policy.followUpLimit(record.severity), chainLength: chainLength, in: database)
        } else {
            try update(record.caseId, .followUp, running: false, limit: policy.followUpLimit(record.severity),
                       chainLength: chainLength, in: database)
        }

        // Rectification: one overdue notice when no acceptable plan is in at its due time.
        if let due = record.rectificationDueAt {
            if try base(record.caseId, .rectification, in: database) == nil {
                try start(record.caseId, .rectification, partition: partition, base: due, in: database)
            }
            let waiting = record.rectification == .required || record.rectification == .rejected
            try database.run("""
                UPDATE case_deadlines SET due_ms = CASE WHEN ? AND steps = 0 THEN ? END,
                                          due = CASE WHEN ? AND steps = 0 THEN ? END
                WHERE case_id = ? AND deadline = ?
                """, [waiting, due.epochMilliseconds, waiting, due.iso8601, record.caseId,
                      CaseDeadline.rectification.rawValue])
        }
    }

    // MARK: - Firing

    /// Returns the earliest due deadline of the partition at or before `time`,
    /// in (due, case id, deadline) order.
    func next(partition: Int32, notAfter time: Timestamp, in database: Database) throws -> DueDeadline? {
        let rows = try database.query("""
            SELECT case_id, deadline, steps, due FROM case_deadlines
            WHERE partition = ? AND due_ms IS NOT NULL AND due_ms <= ?
            ORDER BY due_ms, case_id, deadline LIMIT 1
            """, [partition, time.epochMilliseconds])
        guard let row = rows.first, let id = row[0].string, let raw = row[1].string,
              let deadline = CaseDeadline(rawValue: raw), let steps = row[2].int,
              let due = row[3].string.flatMap(TimestampFormat.parse)
        else { return nil }
        return DueDeadline(caseId: id, deadline: deadline, step: steps + 1, due: due)
    }

    /// Records that a deadline step was missed; the caller then reschedules the case.
    func markMissed(_ due: DueDeadline, in database: Database) throws {
        try database.run("""
            UPDATE case_deadlines SET steps = ?, last_due = ?, due_ms = NULL, due = NULL
            WHERE case_id = ? AND deadline = ?
            """, [due.step, due.due.iso8601, due.caseId, due.deadline.rawValue])
    }

    // MARK: - Rows

    private func start(_ caseId: String, _ deadline: CaseDeadline, partition: Int32, base: Timestamp,
                       in database: Database) throws {
        try database.run("""
            INSERT OR REPLACE INTO case_deadlines (case_id, deadline, partition, base, steps, last_due, due_ms, due)
            VALUES (?, ?, ?, ?, 0, NULL, NULL, NULL)
            """, [caseId, deadline.rawValue, partition, base.iso8601])
    }

    private func base(_ caseId: String, _ deadline: CaseDeadline, in database: Database) throws -> Timestamp? {
        try database.query("SELECT base FROM case_deadlines WHERE case_id = ? AND deadline = ?",
                           [caseId, deadline.rawValue]).first?[0].string.flatMap(TimestampFormat.parse)
    }

    /// Sets the next due time of a climbing deadline: one limit after the
    /// last missed step (or the base), while someone is left to climb to.
    private func update(_ caseId: String, _ deadline: CaseDeadline, running: Bool, limit: PolicyDuration,
                        chainLength: Int, in database: Database) throws {
        guard let row = try database.query("""
            SELECT base, steps, last_due FROM case_deadlines WHERE case_id = ? AND deadline = ?
            """, [caseId, deadline.rawValue]).first,
            let base = row[0].string.flatMap(TimestampFormat.parse), let steps = row[1].int
        else { return }
        // The first miss is always recorded, but later steps need a person at chain[step].
        let climbing = steps == 0 || steps + 1 < chainLength
        var due: Timestamp?
        if running, climbing {
            due = limit.after(row[2].string.flatMap(TimestampFormat.parse) ?? base)
        }
        try database.run("UPDATE case_deadlines SET due_ms = ?, due = ? WHERE case_id = ? AND deadline = ?",
                         [due?.epochMilliseconds, due?.iso8601, caseId, deadline.rawValue])
    }
}
