/// An event id that one side published with more than one value.
///
/// An at-least-once republish repeats an event with the same bytes, so
/// different values under one event id mean the producer was not deterministic.
/// Every conflict makes the comparison fail.
public struct ReplayConflict: Sendable, Equatable {
    /// The side that published the values.
    public enum Side: String, Sendable, Codable {
        /// The live output topics.
        case live
        /// The replay's outbox.
        case replay
    }

    /// The side that published the values.
    public var side: Side
    /// The topic's catalogue base name.
    public var topic: String
    /// The event id the values share.
    public var eventId: String
    /// The distinct values, in the order first published. The last one is the one compared.
    public var values: [ReplayRecord]

    /// Makes a conflict from the distinct values, in the order first published.
    public init(side: Side, topic: String, eventId: String, values: [ReplayRecord]) {
        self.side = side
        self.topic = topic
        self.eventId = eventId
        self.values = values
    }
}
