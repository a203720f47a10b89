/// A rule with a context window that fires on a message of a conversation,
/// found by ``ConversationWindow``. The message may be earlier than the one
/// that completed the window.
public struct WindowHit: Codable, Sendable, Hashable {
    /// The id of the message the hit belongs to: the one whose text matched the rule.
    public var messageId: String
    /// The rule and the text of that message that made it fire.
    public var hit: RuleHit

    public init(messageId: String, hit: RuleHit) {
        self.messageId = messageId
        self.hit = hit
    }
}
