import VigilStore

/// The facts stage's tables, as migration `scoring-2-facts`.
///
/// The inputs are kept as their JSON beside the columns that find them,
/// because every fact is derived again from all of its inputs whenever one
/// of them changes. Chat texts and complaint summaries are stored empty
/// (see ``FactInputs``). `chat_messages` keeps one row per message and
/// `case_entries` keeps case events in arrival order, which for one case is
/// the escalation service's publication order that ``CaseFile`` folds in.
/// `dirty_facts` lists the facts the current batch changed, and
/// `published_facts` stores, per fact and subject, the revision and
/// fingerprint of what was last published.
///
/// The stage keeps the group and store of the first scoring service, whose
/// offsets and applied event ids record the inputs that service counted.
/// This stage has derived no facts from those inputs, so the migration
/// deletes both tables' rows. With no stored offset, ``StreamService`` reads
/// every partition from its first retained record.
enum FactsSchema {
    static func register(in migrator: inout Migrator) {
        ScoringSchema.register(in: &migrator)
        migrator.register("scoring-2-facts", sql: """
            DROP TABLE IF EXISTS attributions;
            DROP TABLE IF EXISTS conversations;
            DROP TABLE IF EXISTS conversation_messages;
            DELETE FROM vigil_offsets;
            DELETE FROM vigil_applied_events;

            CREATE TABLE chat_messages (
                shop TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                buyer TEXT NOT NULL,
                sent_ms INTEGER NOT NULL,
                message BLOB NOT NULL,
                PRIMARY KEY (shop, conversation_id, event_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX chat_messages_order ON chat_messages (shop, conversation_id, sent_ms, event_id);
            CREATE INDEX chat_messages_thread ON chat_messages (shop, buyer, conversation_id);

            CREATE TABLE raised_alerts (
                fact_id TEXT PRIMARY KEY,
                alert BLOB NOT NULL
            ) STRICT;

            CREATE TABLE case_entries (
                sequence INTEGER PRIMARY KEY,
                case_id TEXT NOT NULL,
                entry BLOB NOT NULL
            ) STRICT;
            CREATE INDEX case_entries_case ON case_entries (case_id, sequence);

            CREATE TABLE complaints (
                fact_id TEXT PRIMARY KEY,
                shop TEXT NOT NULL,
                conversation_id TEXT,
                complaint BLOB NOT NULL
            ) STRICT;
            CREATE INDEX complaints_conversation ON complaints (shop, conversation_id);

            CREATE TABLE orders (
                fact_id TEXT PRIMARY KEY,
                shop TEXT NOT NULL,
                buyer TEXT NOT NULL,
                conversation_id TEXT,
                order_id TEXT NOT NULL,
                paid_ms INTEGER NOT NULL,
                order_record BLOB NOT NULL
            ) STRICT;
            CREATE INDEX orders_thread ON orders (shop, buyer, paid_ms, order_id);
            CREATE INDEX orders_conversation ON orders (shop, conversation_id);

            CREATE TABLE dirty_facts (
                fact_id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                shop TEXT NOT NULL,
                item TEXT NOT NULL
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE published_facts (
                fact_id TEXT NOT NULL,
                subject_key TEXT NOT NULL,
                revision INTEGER NOT NULL,
                fingerprint TEXT NOT NULL,
                retracted INTEGER NOT NULL,
                fact BLOB NOT NULL,
                PRIMARY KEY (fact_id, subject_key)
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
