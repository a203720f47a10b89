/// The kinds of alert trigger.
public enum AlertKind: String, Codable, Sendable, CaseIterable {
    /// Risk words in a message, found by a rule.
    case keyword
    /// A customer message left without an agent's reply past the shop's limit.
    case replyTimeout = "reply-timeout"
}
