import VigilStore

/// The escalation service's first tables, kept as migration `escalation-1-cases`
/// so existing stores migrate in order. The `escalation-2-*` migrations
/// (``CaseStore``, ``PendingInputs``) carry their rows over and drop them.
enum CaseSchema {
    static func register(in migrator: inout Migrator) {
        migrator.register("escalation-1-cases", sql: """
            CREATE TABLE cases (
                case_id TEXT PRIMARY KEY,
                shop TEXT NOT NULL,
                buyer TEXT NOT NULL,
                state TEXT NOT NULL,
                opened_at_ms INTEGER NOT NULL,
                opened_by TEXT NOT NULL,
                agent TEXT,
                conversation_id TEXT
            ) STRICT;
            CREATE TABLE case_links (
                case_id TEXT NOT NULL REFERENCES cases (case_id),
                kind TEXT NOT NULL CHECK (kind IN ('alert', 'complaint')),
                source_id TEXT NOT NULL,
                occurred_at_ms INTEGER NOT NULL,
                PRIMARY KEY (case_id, kind, source_id)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE pending_complaints (
                complaint_id TEXT PRIMARY KEY,
                shop TEXT NOT NULL,
                buyer TEXT NOT NULL,
                filed_at_ms INTEGER NOT NULL,
                complaint BLOB NOT NULL
            ) STRICT;
            CREATE INDEX pending_complaints_thread ON pending_complaints (shop, buyer);
            """)
    }
}
