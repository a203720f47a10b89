import Foundation

/// A paid order.
public struct OrderFact: Codable, Sendable, Hashable {
    /// The order id in its shop.
    public var orderId: String
    /// The amount paid.
    public var amount: Decimal
    /// ISO 4217 code ("CNY").
    public var currency: String
    /// The campaign the order names; windows come from the scorecard, not from this field.
    public var campaign: String?

    public init(orderId: String, amount: Decimal, currency: String, campaign: String?) {
        self.orderId = orderId
        self.amount = amount
        self.currency = currency
        self.campaign = campaign
    }
}
