/// A message of the conversation shown around an alert, so the reader sees
/// what led to it without opening the chat. Personal numbers are masked.
public struct AlertContextMessage: Codable, Sendable, Hashable {
    public var messageId: String
    public var role: ChatRole
    public var sentAt: Timestamp
    /// The message text with phone, ID card and bank card numbers masked.
    public var text: String

    public init(messageId: String, role: ChatRole, sentAt: Timestamp, text: String) {
        self.messageId = messageId
        self.role = role
        self.sentAt = sentAt
        self.text = text
    }
}
