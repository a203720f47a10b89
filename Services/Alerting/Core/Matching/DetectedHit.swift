/// A rule that fired on one message of a conversation, found by ``ConversationMatcher``.
public struct DetectedHit: Sendable, Hashable {
    /// The id of the message the rule fired on, which for a window rule may
    /// be earlier than the message just observed.
    public var messageId: String
    public var hit: RuleHit

    public init(messageId: String, hit: RuleHit) {
        self.messageId = messageId
        self.hit = hit
    }
}
