import VigilContracts
import VigilStore

/// The agent and site of every conversation seen on chat.messages, so a
/// complaint, which names only the conversation, can be put to the agent who
/// handled it.
///
/// Each conversation is kept per chat partition and watermark round it
/// appeared in. A complaint released at round R reads only the rounds below R
/// of its own partition, which have all arrived by then in every
/// interleaving; chat messages of round R or later may or may not have.
/// Conversations seen on another partition (a chat topic with another
/// partition count than complaints) are seen whatever their round.
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
        // Conversations learnt before rounds were counted get partition and round -1: always seen.
        migrator.register("escalation-3-conversation-rounds", sql: """
            CREATE TABLE conversation_rounds (
                shop TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                partition INTEGER NOT NULL,
                round INTEGER NOT NULL,
                buyer TEXT NOT NULL,
                agent TEXT NOT NULL,
                site TEXT NOT NULL,
                first_sent_ms INTEGER NOT NULL,
                PRIMARY KEY (shop, conversation_id, partition, round)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO conversation_rounds (shop, conversation_id, partition, round, buyer, agent, site, first_sent_ms)
                SELECT shop, conversation_id, -1, -1, buyer, agent, site, first_sent_ms FROM conversation_agents;
            DROP TABLE conversation_agents;
            CREATE INDEX conversation_rounds_thread ON conversation_rounds (shop, buyer);
            """)
    }

    /// Stores a message's conversation under the chat partition and round it
    /// arrived in. Every message of a conversation names the same agent, so
    /// the first one seen in a round is kept. `first_sent_ms` moves to the
    /// round's earliest message whatever the order within the round.
    func observe(_ message: ChatMessage, partition: Int32, round: Int, in database: Database) throws {
        try database.run("""
            INSERT INTO conversation_rounds (shop, conversation_id, partition, round, buyer, agent, site, first_sent_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (shop, conversation_id, partition, round)
            DO UPDATE SET first_sent_ms = min(first_sent_ms, excluded.first_sent_ms)
            """, [message.shop, message.conversationId, partition, round, message.buyer, message.agent, message.site,
                  message.sentAt.epochMilliseconds])
    }

    /// Returns who handled the complaint's conversation, as the chat rounds
    /// below `round` of `partition` (and every round of other partitions)
    /// tell it. A complaint that names no conversation gets the thread's
    /// latest conversation begun before it was filed. When rounds disagree
    /// on the agent, the earliest round's wins.
    func handler(of complaint: Complaint, partition: Int32, before round: Int,
                 in database: Database) throws -> Handler? {
        let rows: [Row]
        if let conversationId = complaint.conversationId {
            rows = try database.query("""
                SELECT conversation_id, agent, site FROM conversation_rounds
                WHERE shop = ? AND conversation_id = ? AND (partition <> ? OR round < ?)
                ORDER BY round, partition LIMIT 1
                """, [complaint.shop, conversationId, partition, round])
        } else {
            rows = try database.query("""
                WITH seen AS (
                    SELECT conversation_id, agent, site, round, partition,
                           min(first_sent_ms) OVER (PARTITION BY conversation_id) AS first_ms,
                           row_number() OVER (PARTITION BY conversation_id ORDER BY round, partition) AS position
                    FROM conversation_rounds
                    WHERE shop = ? AND buyer = ? AND (partition <> ? OR round < ?)
                )
                SELECT conversation_id, agent, site FROM seen WHERE position = 1 AND first_ms <= ?
                ORDER BY first_ms DESC, conversation_id DESC LIMIT 1
                """, [complaint.shop, complaint.buyer, partition, round, complaint.filedAt.epochMilliseconds])
        }
        guard let row = rows.first, let id = row[0].string, let agent = row[1].string, let site = row[2].string
        else { return nil }
        return Handler(conversationId: id, agent: agent, site: site)
    }
}
