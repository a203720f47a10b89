/// A conversation's replies and whether it led to an order.
public struct ConversationFact: Codable, Sendable, Hashable {
    /// The latest message so far; the conversion window runs from it.
    public var lastMessageAt: Timestamp
    /// The wait of every replied round, in order, in whole seconds and not yet capped.
    /// A round opens with a customer message while no round is open and
    /// closes with the next agent message. System messages count for neither.
    public var responseSeconds: [Int]
    /// 1 when the last round has no agent reply yet, else 0.
    public var unansweredRounds: Int
    /// The earliest order of the same buyer in the same shop paid from the
    /// conversation's first message until `conversionHours` after its last message.
    public var convertingOrder: String?

    public init(lastMessageAt: Timestamp, responseSeconds: [Int], unansweredRounds: Int, convertingOrder: String?) {
        self.lastMessageAt = lastMessageAt
        self.responseSeconds = responseSeconds
        self.unansweredRounds = unansweredRounds
        self.convertingOrder = convertingOrder
    }
}
