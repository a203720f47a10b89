import VigilContracts
import VigilStore

/// The last few messages of each conversation, masked, so an alert can show
/// what led to it. Not Sendable: it runs on the service's thread.
public final class RecentMessages {
    /// The number of messages an alert shows: the hit and the ones before it.
    public let limit: Int
    /// The max text stored per message, in characters. Longer texts are cut and end in "…".
    public static let textLimit = 200
    private let masker = PersonalDataMasker()

    public init(limit: Int = 4) {
        self.limit = limit
    }

    /// Registers the table of recent messages.
    public static func registerMigrations(in migrator: inout Migrator) {
        migrator.register("alerting-2-recent-messages", sql: """
            CREATE TABLE alert_recent_messages (
                conversation TEXT NOT NULL,
                seq INTEGER NOT NULL,
                message_id TEXT NOT NULL,
                role TEXT NOT NULL,
                sent_ms INTEGER NOT NULL,
                sent_at TEXT NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (conversation, seq)
            ) STRICT, WITHOUT ROWID;
            """)
    }

    /// Returns the key of a message's conversation, shop and conversation id, because conversation ids
    /// are unique only within a shop.
    public static func conversationKey(of message: ChatMessage) -> String {
        "\(message.shop)/\(message.conversationId)"
    }

    /// Records `message` as its conversation's latest and deletes older ones
    /// beyond `retaining` (at least ``limit``), so that a window rule firing
    /// on an earlier message still finds that message's text.
    public func append(_ message: ChatMessage, retaining: Int, in database: Database) throws {
        let key = Self.conversationKey(of: message)
        let next = (try database.scalar("SELECT MAX(seq) FROM alert_recent_messages WHERE conversation = ?",
                                        [key]).int ?? -1) + 1
        try database.run("""
            INSERT INTO alert_recent_messages (conversation, seq, message_id, role, sent_ms, sent_at, text)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [key, next, message.messageId, message.role.rawValue, message.sentAt.epochMilliseconds,
                  TimestampFormat.format(message.sentAt), Self.shortened(masker.mask(message.text))])
        try database.run("DELETE FROM alert_recent_messages WHERE conversation = ? AND seq <= ?",
                         [key, next - max(limit, retaining)])
    }

    private static func shortened(_ text: String) -> String {
        text.count <= textLimit ? text : String(text.prefix(textLimit)) + "…"
    }

    /// Returns the conversation's recorded messages, oldest first, at most ``limit``.
    public func context(of message: ChatMessage, in database: Database) throws -> [AlertContextMessage] {
        try context(shop: message.shop, conversationId: message.conversationId, in: database)
    }

    /// Returns the recorded messages of a shop's conversation, oldest first, at most ``limit``.
    public func context(shop: String, conversationId: String, in database: Database) throws -> [AlertContextMessage] {
        try recorded(shop: shop, conversationId: conversationId, in: database).suffix(limit)
    }

    /// Returns every retained message of a shop's conversation, oldest first.
    public func recorded(shop: String, conversationId: String, in database: Database) throws -> [AlertContextMessage] {
        let rows = try database.query("""
            SELECT message_id, role, sent_at, text FROM alert_recent_messages
            WHERE conversation = ? ORDER BY seq
            """, ["\(shop)/\(conversationId)"])
        return rows.compactMap { row in
            guard let id = row[0].string, let role = row[1].string.flatMap(ChatRole.init(rawValue:)),
                  let sentAt = row[2].string.flatMap(TimestampFormat.parse), let text = row[3].string
            else { return nil }
            return AlertContextMessage(messageId: id, role: role, sentAt: sentAt, text: text)
        }
    }
}
