import VigilContracts
import VigilStore

/// The event time each input stream has reached on each partition, and the
/// partition's event time: the earliest of the three.
///
/// A stream reaches a time through its watermarks, and to just before the
/// time of its records (alert `raisedAt`, complaint `filedAt`, message
/// `sentAt`), whichever is later.
/// Until every stream of a partition has reported, the partition has no
/// event time and nothing waiting on it is applied.
struct PartitionClock {
    static func registerMigrations(in migrator: inout Migrator) {
        migrator.register("escalation-2-event-clock", sql: """
            CREATE TABLE event_clock (
                partition INTEGER NOT NULL,
                stream TEXT NOT NULL,
                time_ms INTEGER NOT NULL,
                utc_offset_s INTEGER NOT NULL,
                PRIMARY KEY (partition, stream)
            ) STRICT, WITHOUT ROWID;
            """)
    }

    /// Moves a stream of a partition forward to `time`; an earlier time changes nothing.
    func advance(_ stream: InputStream, partition: Int32, to time: Timestamp, in database: Database) throws {
        try database.run("""
            INSERT INTO event_clock (partition, stream, time_ms, utc_offset_s) VALUES (?, ?, ?, ?)
            ON CONFLICT (partition, stream) DO UPDATE SET time_ms = excluded.time_ms, utc_offset_s = excluded.utc_offset_s
            WHERE excluded.time_ms > event_clock.time_ms
            """, [partition, stream.rawValue, time.epochMilliseconds, time.utcOffsetSeconds])
    }

    /// Moves a stream forward to just before a record's time. Another record
    /// of the stream may carry the same time, as two alerts of one message do.
    /// Inputs at that time therefore wait for a later record or a watermark,
    /// and are then applied in sorted order whatever order they arrived in.
    func advance(_ stream: InputStream, partition: Int32, before time: Timestamp, in database: Database) throws {
        let earlier = Timestamp(epochMilliseconds: time.epochMilliseconds - 1, utcOffsetSeconds: time.utcOffsetSeconds)
        try advance(stream, partition: partition, to: earlier, in: database)
    }

    /// Returns the partition's event time, or nil while a stream has not reported.
    func now(partition: Int32, in database: Database) throws -> Timestamp? {
        let rows = try database.query("""
            SELECT time_ms, utc_offset_s FROM event_clock WHERE partition = ? ORDER BY time_ms LIMIT 1
            """, [partition])
        let streams = try database.scalar("SELECT count(*) FROM event_clock WHERE partition = ?", [partition]).int ?? 0
        guard streams == InputStream.allCases.count, let row = rows.first else { return nil }
        return Timestamp(epochMilliseconds: row[0].int64 ?? 0, utcOffsetSeconds: Int32(row[1].int64 ?? 0))
    }
}
