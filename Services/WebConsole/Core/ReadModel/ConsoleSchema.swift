import VigilStore

/// The console's tables, migrated in order by ``Migrator``.
///
/// Events are kept as their canonical JSON with personal numbers masked,
/// beside the columns the queries filter and sort on. `console_cases` is a
/// summary of each case, folded again with `CaseFile` whenever one of its
/// events arrives, so the case lists need not fold every timeline.
/// `console_offsets` contains the next offset of every partition the feed
/// reads, written in the transaction that stores the records before it.
enum ConsoleSchema {
    static func register(in migrator: inout Migrator) {
        migrator.register("console-1-offsets", sql: """
            CREATE TABLE console_offsets (
                topic TEXT NOT NULL,
                partition INTEGER NOT NULL,
                next_offset INTEGER NOT NULL,
                PRIMARY KEY (topic, partition)
            ) STRICT, WITHOUT ROWID;
            """)
        migrator.register("console-1-roster", sql: """
            CREATE TABLE console_roster (
                person_id TEXT PRIMARY KEY,
                vendor TEXT,
                site TEXT,
                team TEXT,
                person BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX console_roster_site ON console_roster (site, vendor);
            CREATE INDEX console_roster_team ON console_roster (team, vendor);
            """)
        migrator.register("console-1-alerts", sql: """
            CREATE TABLE console_alerts (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                vendor TEXT,
                alert BLOB NOT NULL
            ) STRICT;
            CREATE INDEX console_alerts_vendor ON console_alerts (vendor, sequence);
            """)
        migrator.register("console-1-cases", sql: """
            CREATE TABLE console_case_events (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                case_id TEXT NOT NULL,
                entry BLOB NOT NULL
            ) STRICT;
            CREATE INDEX console_case_events_case ON console_case_events (case_id, sequence);

            CREATE TABLE console_cases (
                case_id TEXT PRIMARY KEY,
                vendor TEXT,
                state TEXT,
                opened_ms INTEGER NOT NULL,
                next_due_ms INTEGER,
                rectification TEXT,
                has_plan INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX console_cases_deadline ON console_cases (vendor, next_due_ms);
            """)
        migrator.register("console-1-scores", sql: """
            CREATE TABLE console_scores (
                record_key TEXT PRIMARY KEY,
                subject_kind TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                period_kind TEXT NOT NULL,
                period_start TEXT NOT NULL,
                period_key TEXT NOT NULL,
                vendor TEXT,
                name TEXT NOT NULL,
                total REAL,
                score BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX console_scores_period ON console_scores (subject_kind, period_kind, period_start);
            CREATE INDEX console_scores_subject ON console_scores (subject_kind, subject_id);
            """)
        migrator.register("console-1-clock", sql: """
            CREATE TABLE console_clock (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                latest_ms INTEGER NOT NULL,
                utc_offset_seconds INTEGER NOT NULL
            ) STRICT;
            """)
    }

    /// Opens the store at `path` (creating it, in WAL mode) and applies the
    /// migrations it has not seen. With `check`, `PRAGMA quick_check` reads
    /// the whole file first, so a damaged store stops the feed at start.
    ///
    /// The migrations run inside one `BEGIN IMMEDIATE` transaction, so a read
    /// model and a feed that open a new file at the same time cannot both
    /// apply the same migration.
    static func open(path: String, check: Bool) throws -> Database {
        let database = try Database(path: path)
        if check {
            try database.quickCheck()
        }
        var migrator = Migrator()
        register(in: &migrator)
        _ = try database.transaction {
            try migrator.migrate(database)
        }
        return database
    }
}
