import VigilStore

/// The tables every stream service keeps next to its own state.
///
/// They live in the same file as the state so that one transaction covers
/// the state change, the consumed offsets and the outputs it caused.
enum RuntimeSchema {
    static func register(in migrator: inout Migrator) {
        migrator.register("runtime-1-offsets", sql: """
            CREATE TABLE vigil_offsets (
                topic TEXT NOT NULL,
                partition INTEGER NOT NULL,
                next_offset INTEGER NOT NULL,
                PRIMARY KEY (topic, partition)
            ) STRICT, WITHOUT ROWID;
            """)
        migrator.register("runtime-1-outbox", sql: """
            CREATE TABLE vigil_outbox (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                topic TEXT NOT NULL,
                record_key BLOB,
                value BLOB NOT NULL,
                timestamp_ms INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                schema TEXT NOT NULL
            ) STRICT;
            """)
        migrator.register("runtime-1-applied-events", sql: """
            CREATE TABLE vigil_applied_events (
                event_id TEXT PRIMARY KEY
            ) STRICT, WITHOUT ROWID;
            """)
        // Watermark events go to every partition, not to the key's partition.
        migrator.register("runtime-2-outbox-partition", sql: """
            ALTER TABLE vigil_outbox ADD COLUMN partition INTEGER;
            """)
    }
}
