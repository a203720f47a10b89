import Foundation
import VigilContracts
import VigilStore

/// Every conversation's ``ConversationWindow``, kept in the alerting
/// service's store as JSON so that window rules survive restarts.
///
/// Not Sendable: it runs on the service's thread, inside the transaction of
/// the record it handles, after the message was marked applied, so that a
/// redelivered message is never counted twice.
public final class ConversationWindows {
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
    private let decoder = JSONDecoder()

    public init() {}

    /// Registers the table of conversation windows.
    public static func registerMigrations(in migrator: inout Migrator) {
        migrator.register("alerting-3-conversation-windows", sql: """
            CREATE TABLE alert_conversation_windows (
                conversation TEXT PRIMARY KEY,
                state BLOB NOT NULL
            ) STRICT, WITHOUT ROWID;
            """)
    }

    /// Records `message` in its conversation's window and returns the window
    /// hits that become true with it. Does nothing when `ruleSet` has no window rules.
    public func observe(_ message: ChatMessage, matches: MessageRuleMatches, ruleSet: CompiledRuleSet,
                        in database: Database) throws -> [WindowHit] {
        guard !ruleSet.rulesNeedingContext.isEmpty else { return [] }
        let key = RecentMessages.conversationKey(of: message)
        let rows = try database.query("SELECT state FROM alert_conversation_windows WHERE conversation = ?", [key])
        var window = try rows.first?[0].bytes.map { try decoder.decode(ConversationWindow.self, from: Data($0)) }
            ?? ConversationWindow()

        let hits = window.observe(messageId: message.messageId, matches: matches, ruleSet: ruleSet)

        try database.run("""
            INSERT INTO alert_conversation_windows (conversation, state) VALUES (?, ?)
            ON CONFLICT (conversation) DO UPDATE SET state = excluded.state
            """, [key, Array(try encoder.encode(window))])
        return hits
    }
}
