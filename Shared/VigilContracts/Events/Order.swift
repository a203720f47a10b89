import Foundation

/// An order a buyer paid, attributed to the agent whose conversation led to it.
public struct Order: VigilEvent {
    public static let schemaName = "order"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var orderId: String
    public var shop: String
    public var buyer: String
    public var conversationId: String?
    public var agent: String?
    /// The amount paid, exact in the currency's units.
    public var amount: Decimal
    /// ISO 4217 code ("CNY").
    public var currency: String
    /// The sales campaign the order counts for ("2026-double11"), if any.
    public var campaign: String?
    public var paidAt: Timestamp
    /// True for generated test data.
    public var synthetic: Bool?

    public init(orderId: String, shop: String, buyer: String, conversationId: String?, agent: String?,
                amount: Decimal, currency: String, campaign: String?, paidAt: Timestamp, synthetic: Bool? = nil) {
        self.schemaVersion = Self.schemaVersion
        self.orderId = orderId
        self.shop = shop
        self.buyer = buyer
        self.conversationId = conversationId
        self.agent = agent
        self.amount = amount
        self.currency = currency
        self.campaign = campaign
        self.paidAt = paidAt
        self.synthetic = synthetic
    }

    public var eventId: String { "order/\(shop)/\(orderId)" }
    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { paidAt }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, orderId, shop, buyer, conversationId, agent, amount, currency, campaign, paidAt,
             synthetic
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        orderId = try container.decode(String.self, forKey: .orderId)
        shop = try container.decode(String.self, forKey: .shop)
        buyer = try container.decode(String.self, forKey: .buyer)
        conversationId = try container.decodeIfPresent(String.self, forKey: .conversationId)
        agent = try container.decodeIfPresent(String.self, forKey: .agent)
        amount = try container.decode(Decimal.self, forKey: .amount)
        currency = try container.decode(String.self, forKey: .currency)
        campaign = try container.decodeIfPresent(String.self, forKey: .campaign)
        paidAt = try container.decode(Timestamp.self, forKey: .paidAt)
        synthetic = try container.decodeIfPresent(Bool.self, forKey: .synthetic)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(orderId, forKey: .orderId)
        try container.encode(shop, forKey: .shop)
        try container.encode(buyer, forKey: .buyer)
        try container.encode(conversationId, forKey: .conversationId)
        try container.encode(agent, forKey: .agent)
        try container.encode(amount, forKey: .amount)
        try container.encode(currency, forKey: .currency)
        try container.encode(campaign, forKey: .campaign)
        try container.encode(paidAt, forKey: .paidAt)
        try container.encodeIfPresent(synthetic, forKey: .synthetic)
    }
}
