import VigilContracts

/// A customer waiting for an agent's reply on one thread, since their first
/// unanswered message.
public struct ReplyWait: Sendable, Equatable {
    public var shop: String
    public var buyer: String
    /// The site of the customer message that started the wait.
    public var site: String
    /// The conversation of the customer message that started the wait.
    public var conversationId: String
    /// The agent handling the conversation when the wait started.
    public var agent: String
    /// The site's id of the customer message that started the wait.
    public var customerMessageId: String
    /// The `sentAt` of the customer message that started the wait, with its UTC offset.
    public var since: Timestamp
    /// `since` plus the limit, written in the same UTC offset. A reply sent
    /// at the deadline is in time, and event time past it times the wait out.
    public var deadline: Timestamp
    /// The shop's limit when the wait started. A later change of the limits file does not move it.
    public var limitSeconds: Int

    public init(shop: String, buyer: String, site: String, conversationId: String, agent: String,
                customerMessageId: String, since: Timestamp, deadline: Timestamp, limitSeconds: Int) {
        self.shop = shop
        self.buyer = buyer
        self.site = site
        self.conversationId = conversationId
        self.agent = agent
        self.customerMessageId = customerMessageId
        self.since = since
        self.deadline = deadline
        self.limitSeconds = limitSeconds
    }

    /// The event id of the customer message that started the wait (`message/<site>/<messageId>`).
    public var customerEventId: String { "message/\(site)/\(customerMessageId)" }

    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
}
