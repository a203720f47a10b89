/// A complaint a customer filed after a conversation, with the platform or a regulator.
public struct Complaint: VigilEvent {
    public static let schemaName = "complaint"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var complaintId: String
    public var channel: ComplaintChannel
    public var shop: String
    public var buyer: String
    /// The conversation the complaint is about, when the filer names one.
    public var conversationId: String?
    public var filedAt: Timestamp
    public var summary: String
    /// True for generated test data.
    public var synthetic: Bool?

    public init(complaintId: String, channel: ComplaintChannel, shop: String, buyer: String,
                conversationId: String?, filedAt: Timestamp, summary: String, synthetic: Bool? = nil) {
        self.schemaVersion = Self.schemaVersion
        self.complaintId = complaintId
        self.channel = channel
        self.shop = shop
        self.buyer = buyer
        self.conversationId = conversationId
        self.filedAt = filedAt
        self.summary = summary
        self.synthetic = synthetic
    }

    public var eventId: String { "complaint/\(complaintId)" }
    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { filedAt }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, complaintId, channel, shop, buyer, conversationId, filedAt, summary, synthetic
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        complaintId = try container.decode(String.self, forKey: .complaintId)
        channel = try container.decode(ComplaintChannel.self, forKey: .channel)
        shop = try container.decode(String.self, forKey: .shop)
        buyer = try container.decode(String.self, forKey: .buyer)
        conversationId = try container.decodeIfPresent(String.self, forKey: .conversationId)
        filedAt = try container.decode(Timestamp.self, forKey: .filedAt)
        summary = try container.decode(String.self, forKey: .summary)
        synthetic = try container.decodeIfPresent(Bool.self, forKey: .synthetic)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(complaintId, forKey: .complaintId)
        try container.encode(channel, forKey: .channel)
        try container.encode(shop, forKey: .shop)
        try container.encode(buyer, forKey: .buyer)
        try container.encode(conversationId, forKey: .conversationId)
        try container.encode(filedAt, forKey: .filedAt)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(synthetic, forKey: .synthetic)
    }
}

/// Where a complaint was filed.
public enum ComplaintChannel: String, Codable, Sendable, CaseIterable {
    /// The e-commerce platform's own complaint process.
    case platform
    /// The national 12315 consumer hotline.
    case hotline12315 = "12315"
    /// The market regulator (市场监管局, formerly 工商).
    case marketRegulator = "market_regulator"
    /// A consumer association (消协).
    case consumerAssociation = "consumer_association"

    /// True for the channels that put the brand before a regulator.
    public var isRegulator: Bool { self != .platform }
}
