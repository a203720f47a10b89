/// A record key under which both sides have the same events in a different order.
///
/// Event topics must keep the order per record key, because consumers read
/// one key's events in log order.
public struct ReplayOrderDifference: Sendable, Equatable, Codable {
    /// The topic's catalogue base name.
    public var topic: String
    /// The record key; nil for records without a key.
    public var key: String?
    /// The event ids both sides have, in live order.
    public var live: [String]
    /// The same event ids, in replay order.
    public var replay: [String]

    public init(topic: String, key: String?, live: [String], replay: [String]) {
        self.topic = topic
        self.key = key
        self.live = live
        self.replay = replay
    }
}
