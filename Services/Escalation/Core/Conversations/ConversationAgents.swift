import VigilContracts
import VigilStore

/// The agent and site of every conversation seen on chat.messages, so a
/// complaint, which names only the conversation, can be put to the agent who
/// handled it.
struct ConversationAgents {
    /// The agent and site of one conversation.
    struct Handler: Equatable {
        var conversationId: String
        var agent: String
        var site: String
    }

    static func registerMigrations(in migrator: inout Migrator) {
        migrator.register("escalation-2-conversation-agents", sql: """
            CREATE TABLE conversation_agents (
                shop TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                buyer TEXT NOT NULL,
                agent TEXT NOT NULL,
                site TEXT NOT NULL,
                first_sent_ms INTEGER NOT NULL,
                PRIMARY KEY (shop, conversation_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX conversation_agents_thread ON conversation_agents (shop, buyer, first_sent_ms);
            """)
    }

    /// Stores a message's conversation. Every message of a conversation names
    /// the same agent, so the first one seen is kept. `first_sent_ms` moves to
    /// the earliest message whatever the arrival order.
    func observe(_ message: ChatMessage, in database: Database) throws {
        try database.run("""
            INSERT INTO conversation_agents (shop, conversation_id, buyer, agent, site, first_sent_ms)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (shop, conversation_id) DO UPDATE SET first_sent_ms = min(first_sent_ms, excluded.first_sent_ms)
            """, [message.shop, message.conversationId, message.buyer, message.agent, message.site,
                  message.sentAt.epochMilliseconds])
    }

    /// Returns who handled the complaint's conversation. A complaint that names
    /// no conversation gets the thread's latest conversation begun before it
    /// was filed.
    func handler(of complaint: Complaint, in database: Database) throws -> Handler? {
        let rows: [Row]
        if let conversationId = complaint.conversationId {
            rows = try database.query("""
                SELECT conversation_id, agent, site FROM conversation_agents WHERE shop = ? AND conversation_id = ?
                """, [complaint.shop, conversationId])
        } else {
            rows = try database.query("""
                SELECT conversation_id, agent, site FROM conversation_agents
                WHERE shop = ? AND buyer = ? AND first_sent_ms <= ?
                ORDER BY first_sent_ms DESC, conversation_id DESC LIMIT 1
                """, [complaint.shop, complaint.buyer, complaint.filedAt.epochMilliseconds])
        }
        guard let row = rows.first, let id = row[0].string, let agent = row[1].string, let site = row[2].string
        else { return nil }
        return Handler(conversationId: id, agent: agent, site: site)
    }
}
