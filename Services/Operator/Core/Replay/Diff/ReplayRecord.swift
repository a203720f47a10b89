import VigilContracts

/// One output record, from a live topic or from the replay's outbox.
///
/// Watermark records are not replay records: the caller leaves them out and
/// counts them in ``ReplayHeader``.
public struct ReplayRecord: Sendable, Equatable {
    /// The topic's catalogue base name ("alerts", "case.events"), without the deployment's prefix.
    public var topic: String
    /// The record key as text; nil for a record without a key.
    public var key: String?
    /// The `vigil.event-id` header, which equals the value's `eventId`.
    public var eventId: String
    /// The value bytes as produced.
    public var value: [UInt8]
    /// The record timestamp, which Vigil sets to the event time.
    public var timestamp: Timestamp

    public init(topic: String, key: String?, eventId: String, value: [UInt8], timestamp: Timestamp) {
        self.topic = topic
        self.key = key
        self.eventId = eventId
        self.value = value
        self.timestamp = timestamp
    }
}
