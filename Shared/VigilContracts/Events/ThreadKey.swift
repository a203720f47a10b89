/// A customer thread: one buyer at one shop, the key of every thread-scoped topic.
///
/// Keying chat messages, alerts, complaints, orders and case events by thread
/// puts everything about one customer's grievance in the same partition number
/// of each topic, so one service instance sees all of it without joins. That
/// holds only while those topics have the same partition count and producers
/// use the same partitioner (murmur2, as Kafka's Java client does).
public struct ThreadKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The shop's id on its platform.
    public var shop: String

    /// The buyer's pseudonymous id at that shop.
    public var buyer: String

    public init(shop: String, buyer: String) {
        self.shop = shop
        self.buyer = buyer
    }

    /// The Kafka record key: `shop/buyer`. Ingestion rejects shop ids that contain "/".
    public var recordKey: String { "\(shop)/\(buyer)" }

    public var description: String { recordKey }

    public static func < (lhs: ThreadKey, rhs: ThreadKey) -> Bool {
        (lhs.shop, lhs.buyer) < (rhs.shop, rhs.buyer)
    }
}
