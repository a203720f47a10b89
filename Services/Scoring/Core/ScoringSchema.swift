import VigilStore

/// The scoring service's tables.
///
/// `conversations` holds what the chat messages say about each conversation;
/// `attributions` holds every alert, case and complaint with the agent it
/// counts against, which stays NULL until the conversation's messages name
/// the agent (a complaint may arrive before the chat it is about).
enum ScoringSchema {
    static func register(in migrator: inout Migrator) {
        migrator.register("scoring-1-conversations", sql: """
            CREATE TABLE conversations (
                conversation_id TEXT PRIMARY KEY,
                agent TEXT NOT NULL,
                day TEXT NOT NULL,
                first_message_ms INTEGER NOT NULL,
                first_customer_ms INTEGER,
                first_response_ms INTEGER
            ) STRICT;
            CREATE INDEX conversations_agent_day ON conversations (agent, day);
            CREATE TABLE attributions (
                event_id TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('alert', 'case', 'complaint')),
                conversation_id TEXT,
                agent TEXT,
                day TEXT NOT NULL,
                occurred_at_ms INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX attributions_agent_day ON attributions (agent, day);
            CREATE INDEX attributions_pending ON attributions (conversation_id) WHERE agent IS NULL;
            """)
    }
}
