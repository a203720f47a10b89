import VigilStore

/// The tables of the totals stage, in its own store (`<stem>-totals.sqlite`).
///
/// `subject_facts` contains the latest revision of every fact of every subject
/// this store has read, retractions included, because a retraction's revision
/// must keep an older revision that arrives later from counting again. `body`
/// is the fact's JSON. `published_scores` contains the event id and `asOf` of
/// the score last queued per score key, so an unchanged score is not published again.
enum TotalsSchema {
    static func register(in migrator: inout Migrator) {
        migrator.register("scoring-totals-1", sql: """
            CREATE TABLE subject_facts (
                subject_key TEXT NOT NULL,
                fact_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                kind TEXT NOT NULL,
                time_ms INTEGER NOT NULL,
                retracted INTEGER NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (subject_key, fact_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX subject_facts_current ON subject_facts (subject_key, time_ms) WHERE retracted = 0;
            CREATE TABLE published_scores (
                score_key TEXT PRIMARY KEY,
                event_id TEXT NOT NULL,
                as_of_ms INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            """)
    }
}
