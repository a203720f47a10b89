/// A watermark: a source's promise about the event times it will still publish to one partition.
///
/// Ingestion writes one into every partition of each thread-keyed topic, with
/// an explicit partition and no key, so that event time advances on partitions
/// that receive no other records. The promise: every record `source` publishes
/// to `topic` and `partition` after this one has an event time at or after
/// `time`. A consumer that has the list of every source writing to a partition
/// may take the earliest of their latest clock times as that partition's watermark.
/// Clock records carry the header `vigil.schema` = `clock/1`, which
/// distinguishes them from the topic's other events.
///
/// NOTE: In a module that imports VigilContracts, `Clock` names this type and
/// hides the standard library's `Clock` protocol; write `_Concurrency.Clock` for the protocol.
public struct Clock: VigilEvent {
    public static let schemaName = "clock"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    /// The instance that makes the promise ("vigil-ingest/hz"), stable across its restarts.
    public var source: String
    /// The full name of the topic the clock was written to ("vigil.chat.messages").
    public var topic: String
    public var partition: Int32
    /// The watermark: no later record from `source` on this partition has an earlier event time.
    public var time: Timestamp

    public init(source: String, topic: String, partition: Int32, time: Timestamp) {
        self.schemaVersion = Self.schemaVersion
        self.source = source
        self.topic = topic
        self.partition = partition
        self.time = time
    }

    /// `clock/<source>/<topic>/<partition>/<time in epoch milliseconds>`.
    public var eventId: String {
        "clock/\(source)/\(topic)/\(partition)/\(time.epochMilliseconds)"
    }

    /// Always nil: the producer names the partition instead.
    public var recordKey: String? { nil }
    public var eventTime: Timestamp { time }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, source, topic, partition, time
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        source = try container.decode(String.self, forKey: .source)
        topic = try container.decode(String.self, forKey: .topic)
        partition = try container.decode(Int32.self, forKey: .partition)
        time = try container.decode(Timestamp.self, forKey: .time)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(source, forKey: .source)
        try container.encode(topic, forKey: .topic)
        try container.encode(partition, forKey: .partition)
        try container.encode(time, forKey: .time)
    }
}
