import VigilContracts
import VigilStore

/// The watermark rounds each input stream has completed on each partition,
/// and the round and event time up to which the partition may release inputs.
///
/// A round is one watermark record on the stream's topic partition, from
/// any ingestion source. Ingestion writes one per partition of
/// chat.messages, complaints and case.commands per round, and alerting
/// forwards each chat watermark onto alerts, so the streams of a partition
/// count the same rounds. Their counts depend only on the positions of
/// watermarks in the logs, never on how the topics interleave on arrival.
/// The release round is the fewest rounds any stream has completed, and its
/// time is the earliest time the streams had reached at that round, so
/// neither depends on arrival order either.
///
/// A watermark whose source already reported that time or a later one on
/// the same stream and partition is no new round: a republished watermark
/// after a crash would otherwise shift the stream's count.
/// Record times never move the clock.
struct PartitionClock {
    /// The round and event time up to which a partition releases inputs and deadlines.
    struct Release: Equatable {
        /// Inputs that arrived in rounds below this one on every stream may be released.
        var round: Int
        /// The event time every stream had reached at `round`.
        var time: Timestamp
    }

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
        // Rounds count from this migration on. A store migrated with history
        // behind it pairs its streams' rounds from the migration point, but a
        // replay from the start of the logs pairs them from the start.
        migrator.register("escalation-3-watermark-rounds", sql: """
            CREATE TABLE watermark_rounds (
                partition INTEGER NOT NULL,
                stream TEXT NOT NULL,
                round INTEGER NOT NULL,
                time_ms INTEGER NOT NULL,
                utc_offset_s INTEGER NOT NULL,
                PRIMARY KEY (partition, stream, round)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE watermark_sources (
                partition INTEGER NOT NULL,
                stream TEXT NOT NULL,
                source TEXT NOT NULL,
                time_ms INTEGER NOT NULL,
                PRIMARY KEY (partition, stream, source)
            ) STRICT, WITHOUT ROWID;
            DROP TABLE event_clock;
            """)
        // Case commands became the fourth stream. A store with history starts
        // their count at the round the other streams have all completed, with
        // that round's time, so commands do not hold the partition back.
        migrator.register("escalation-4-command-rounds", sql: """
            WITH completed AS (
                SELECT partition, stream, max(round) AS round FROM watermark_rounds GROUP BY partition, stream
            ), fewest AS (
                SELECT partition, min(round) AS round FROM completed GROUP BY partition HAVING count(*) = 3
            )
            INSERT INTO watermark_rounds (partition, stream, round, time_ms, utc_offset_s)
            SELECT fewest.partition, 'commands', fewest.round, min(rounds.time_ms), rounds.utc_offset_s
            FROM fewest JOIN watermark_rounds AS rounds
                ON rounds.partition = fewest.partition AND rounds.round = fewest.round
            GROUP BY fewest.partition;
            """)
    }

    // MARK: - Rounds

    /// Counts a watermark as the stream's next round on its partition.
    /// Returns false, changing nothing, when its source already reached that time there.
    @discardableResult
    func record(_ watermark: Watermark, stream: InputStream, in database: Database) throws -> Bool {
        let partition = watermark.partition
        let time = watermark.time
        let last = try database.scalar("""
            SELECT time_ms FROM watermark_sources WHERE partition = ? AND stream = ? AND source = ?
            """, [partition, stream.rawValue, watermark.source]).int64
        if let last, last >= time.epochMilliseconds {
            return false
        }
        try database.run("""
            INSERT INTO watermark_sources (partition, stream, source, time_ms) VALUES (?, ?, ?, ?)
            ON CONFLICT (partition, stream, source) DO UPDATE SET time_ms = excluded.time_ms
            """, [partition, stream.rawValue, watermark.source, time.epochMilliseconds])

        // The stream's time at a round is the latest time any of its watermarks had reached.
        let rows = try database.query("""
            SELECT round, time_ms, utc_offset_s FROM watermark_rounds WHERE partition = ? AND stream = ?
            ORDER BY round DESC LIMIT 1
            """, [partition, stream.rawValue])
        let previousRound = rows.first?[0].int ?? 0
        var reached = time
        if let row = rows.first, let previousMs = row[1].int64, previousMs > time.epochMilliseconds {
            reached = Timestamp(epochMilliseconds: previousMs, utcOffsetSeconds: Int32(row[2].int64 ?? 0))
        }
        try database.run("""
            INSERT INTO watermark_rounds (partition, stream, round, time_ms, utc_offset_s) VALUES (?, ?, ?, ?, ?)
            """, [partition, stream.rawValue, previousRound + 1, reached.epochMilliseconds, reached.utcOffsetSeconds])
        return true
    }

    /// Returns how many rounds a stream has completed on a partition: the
    /// round index an input of that stream arriving now belongs to.
    func completed(_ stream: InputStream, partition: Int32, in database: Database) throws -> Int {
        try database.scalar("""
            SELECT coalesce(max(round), 0) FROM watermark_rounds WHERE partition = ? AND stream = ?
            """, [partition, stream.rawValue]).int ?? 0
    }

    // MARK: - Release

    /// Returns the partition's release round and time, or nil while a stream
    /// has completed no round.
    func release(partition: Int32, in database: Database) throws -> Release? {
        var round = Int.max
        for stream in InputStream.allCases {
            round = min(round, try completed(stream, partition: partition, in: database))
        }
        guard round > 0, round < Int.max else { return nil }

        let rows = try database.query("""
            SELECT time_ms, utc_offset_s FROM watermark_rounds WHERE partition = ? AND round = ?
            ORDER BY time_ms LIMIT 1
            """, [partition, round])
        guard let row = rows.first, let timeMs = row[0].int64 else { return nil }
        return Release(round: round, time: Timestamp(epochMilliseconds: timeMs,
                                                     utcOffsetSeconds: Int32(row[1].int64 ?? 0)))
    }

    /// Forgets the rounds before `round`, which no release can need again.
    func prune(partition: Int32, before round: Int, in database: Database) throws {
        try database.run("DELETE FROM watermark_rounds WHERE partition = ? AND round < ?", [partition, round])
    }
}
