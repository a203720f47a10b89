import VigilContracts
import VigilStore

/// Alerts, complaints and case commands held until every input stream of
/// their partition has completed the watermark round they arrived in and
/// passed their time, then applied in (time, alerts, complaints, commands,
/// event id) order.
///
/// An input's round is the count of watermark rounds its stream had
/// completed on the partition when it arrived, a position in its log.
/// Once every stream has completed that round, every input of the round has
/// arrived whatever the interleaving, so a late record (one older than a
/// watermark already seen) is released with the same company in a replay as
/// live.
///
/// Without the wait, whether an alert or a complaint opens a thread's case,
/// whether a deadline passes before an alert raises the severity or before
/// a command acknowledges the case, and whether a command finds its case at
/// all, would depend on how the topics happen to interleave on arrival.
struct PendingInputs {
    static func registerMigrations(in migrator: inout Migrator) {
        // Complaints that waited for a case under escalation-1 wait here now.
        // Their partition was not recorded, so they get -1 and are released
        // by whichever partition's event time passes them first.
        migrator.register("escalation-2-pending-inputs", sql: """
            CREATE TABLE pending_inputs (
                partition INTEGER NOT NULL,
                time_ms INTEGER NOT NULL,
                rank INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                value BLOB NOT NULL,
                PRIMARY KEY (partition, time_ms, rank, event_id)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO pending_inputs (partition, time_ms, rank, event_id, value)
                SELECT -1, filed_at_ms, 1, 'complaint/' || complaint_id, complaint FROM pending_complaints;
            DROP TABLE pending_complaints;
            """)
        // Inputs held before rounds were counted get round -1: released at the first release.
        migrator.register("escalation-3-pending-rounds", sql: """
            ALTER TABLE pending_inputs ADD COLUMN round INTEGER NOT NULL DEFAULT -1;
            """)
    }

    /// Holds an input that arrived in `round` of its stream until its partition releases it.
    func hold(_ input: PendingInput, partition: Int32, round: Int, in database: Database) throws {
        let value = switch input {
        case .alert(let alert): try EventCoding.encode(alert)
        case .complaint(let complaint): try EventCoding.encode(complaint)
        case .command(let command): try EventCoding.encode(command)
        }
        try database.run("""
            INSERT OR IGNORE INTO pending_inputs (partition, time_ms, rank, event_id, value, round)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [partition, input.time.epochMilliseconds, input.rank, input.eventId, value, round])
    }

    /// Returns the earliest input of the partition that arrived before
    /// `round` and is at or before `time`, without removing it.
    func first(partition: Int32, before round: Int, notAfter time: Timestamp,
               in database: Database) throws -> PendingInput? {
        let rows = try database.query("""
            SELECT rank, value FROM pending_inputs WHERE partition IN (?, -1) AND round < ? AND time_ms <= ?
            ORDER BY time_ms, rank, event_id LIMIT 1
            """, [partition, round, time.epochMilliseconds])
        guard let row = rows.first else { return nil }
        let bytes = row[1].bytes ?? []
        switch row[0].int {
        case 0: return .alert(try EventCoding.decode(Alert.self, from: bytes))
        case 1: return .complaint(try EventCoding.decode(Complaint.self, from: bytes))
        default: return .command(try EventCoding.decode(CaseCommand.self, from: bytes))
        }
    }

    /// Removes an input once it is applied.
    func remove(_ input: PendingInput, in database: Database) throws {
        try database.run("""
            DELETE FROM pending_inputs WHERE time_ms = ? AND rank = ? AND event_id = ?
            """, [input.time.epochMilliseconds, input.rank, input.eventId])
    }
}
