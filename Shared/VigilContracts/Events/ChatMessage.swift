/// One message of a customer-service chat, as a vendor's site delivers it.
///
/// The JSON form is the interchange format plus `eventId` and
/// `schemaVersion`; ingestion accepts it without those two fields.
public struct ChatMessage: VigilEvent {
    public static let schemaName = "chat-message"
    public static let schemaVersion = 1
    /// The longest `text` Vigil accepts, in UTF-8 bytes. Ingestion rejects
    /// longer texts, and so does alerting, whose matching time grows with
    /// the text's length times its keyword hits.
    public static let maxTextBytes = 20_000

    public var schemaVersion: Int

    /// The message's id in the site's chat system, unique within the site.
    public var messageId: String
    /// The outsourcer site that handled the chat ("hz").
    public var site: String
    public var shop: String
    public var conversationId: String
    public var buyer: String
    /// The agent who handles the conversation; set on every message of it.
    public var agent: String
    public var role: ChatRole
    public var text: String
    public var sentAt: Timestamp

    public init(messageId: String, site: String, shop: String, conversationId: String, buyer: String,
                agent: String, role: ChatRole, text: String, sentAt: Timestamp) {
        self.schemaVersion = Self.schemaVersion
        self.messageId = messageId
        self.site = site
        self.shop = shop
        self.conversationId = conversationId
        self.buyer = buyer
        self.agent = agent
        self.role = role
        self.text = text
        self.sentAt = sentAt
    }

    /// `message/<site>/<messageId>`: message ids are unique only within a site.
    public var eventId: String { "message/\(site)/\(messageId)" }
    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { sentAt }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, messageId, site, shop, conversationId, buyer, agent, role, text, sentAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        messageId = try container.decode(String.self, forKey: .messageId)
        site = try container.decode(String.self, forKey: .site)
        shop = try container.decode(String.self, forKey: .shop)
        conversationId = try container.decode(String.self, forKey: .conversationId)
        buyer = try container.decode(String.self, forKey: .buyer)
        agent = try container.decode(String.self, forKey: .agent)
        role = try container.decode(ChatRole.self, forKey: .role)
        text = try container.decode(String.self, forKey: .text)
        sentAt = try container.decode(Timestamp.self, forKey: .sentAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(site, forKey: .site)
        try container.encode(shop, forKey: .shop)
        try container.encode(conversationId, forKey: .conversationId)
        try container.encode(buyer, forKey: .buyer)
        try container.encode(agent, forKey: .agent)
        try container.encode(role, forKey: .role)
        try container.encode(text, forKey: .text)
        try container.encode(sentAt, forKey: .sentAt)
    }
}

/// Who wrote a chat message.
public enum ChatRole: String, Codable, Sendable, CaseIterable {
    case customer
    case agent
    /// Bot and rule messages; never counted as an agent's reply.
    case system
}
