import VigilStore

/// The scoring service's first tables, kept as migration
/// `scoring-1-conversations` so existing stores migrate in order. Migration
/// `scoring-2-facts` (``FactsSchema``) drops them.
///
/// `conversation_messages` keeps the time, role and agent of every message,
/// so a conversation's figures come from all of its messages whatever order
/// they arrived in. `conversations` contains those figures per conversation.
/// `attributions` contains every alert, case and complaint with the agent it
/// counts against. The agent stays NULL until the conversation's messages
/// name one, because a complaint may arrive before the chat it is about.
/// Conversations are keyed `shop/conversationId`, because conversation ids
/// come from each shop's chat system and may repeat across shops.
enum ScoringSchema {
    static func register(in migrator: inout Migrator) {
        migrator.register("scoring-1-conversations", sql: """
            CREATE TABLE conversation_messages (
                conversation_key TEXT NOT NULL,
                event_id TEXT NOT NULL,
                role TEXT NOT NULL,
                agent TEXT NOT NULL,
                sent_ms INTEGER NOT NULL,
                PRIMARY KEY (conversation_key, event_id)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE conversations (
                conversation_key TEXT PRIMARY KEY,
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
                conversation_key TEXT,
                agent TEXT,
                agent_from_conversation INTEGER NOT NULL,
                day TEXT NOT NULL,
                occurred_at_ms INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX attributions_agent_day ON attributions (agent, day);
            CREATE INDEX attributions_conversation ON attributions (conversation_key) WHERE agent_from_conversation = 1;
            """)
    }
}
