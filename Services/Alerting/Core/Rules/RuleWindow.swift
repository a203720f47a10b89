/// A context window: the rule matches only within `messages` messages of a hit
/// of the rule `rule` in the same conversation.
///
/// Counting covers messages of every speaker, before or after the hit. A
/// window of 1 means the hit was in the message itself or the one next to it.
public struct RuleWindow: Sendable, Hashable {
    /// The id of the other rule; it exists in the same file and is not this rule.
    public var rule: String
    /// The distance in messages, within ``RuleWindow/messagesRange``.
    public var messages: Int

    /// The distances a file may give.
    public static let messagesRange = 1...100

    public init(rule: String, messages: Int) {
        self.rule = rule
        self.messages = messages
    }
}
