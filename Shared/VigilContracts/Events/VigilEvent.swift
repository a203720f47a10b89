/// An event Vigil publishes to a topic.
///
/// Every event carries an id derived only from the inputs that caused it, so
/// a republished event has the same id and consumers drop it as a duplicate,
/// and a schema version, so consumers reject what they cannot read.
public protocol VigilEvent: Codable, Sendable, Equatable {
    /// The schema's name, as in the JSON Schema files ("chat-message").
    static var schemaName: String { get }

    /// The version this code writes and the newest it reads.
    static var schemaVersion: Int { get }

    /// The deterministic id of this event.
    var eventId: String { get }

    /// The version this event was written with.
    var schemaVersion: Int { get }

    /// The Kafka record key, or nil for an unkeyed record.
    var recordKey: String? { get }

    /// The event time, which also becomes the Kafka record timestamp.
    var eventTime: Timestamp { get }
}
