import VigilStore

/// The tables ingestion keeps next to the runtime's outbox.
enum IngestionSchema {
    static func register(in migrator: inout Migrator) {
        // One row per accepted record: its event id (which contains the site and
        // the source id) and a hash of its canonical encoding, so the same id
        // with other content can be distinguished from a harmless repeat.
        migrator.register("ingest-1-records", sql: """
            CREATE TABLE ingest_records (
                event_id TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;
            """)
        // The event time this instance has reached and the last time it wrote
        // clocks, so a restart neither moves time back nor repeats a round.
        migrator.register("ingest-1-clock", sql: """
            CREATE TABLE ingest_clock (
                source TEXT PRIMARY KEY,
                watermark_ms INTEGER NOT NULL,
                emitted_ms INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
