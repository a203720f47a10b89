/// A watermark: the event time one source has reached on one partition.
///
/// Ingestion writes one into every partition of each thread-keyed topic it
/// writes, with an explicit partition and no key, as its event time advances. Event time
/// therefore moves on partitions that receive no other records, and
/// deadlines downstream fire without new chat traffic. vigil-alerting forwards
/// each chat.messages watermark to the same partition number of the alerts
/// topic, after the alerts it made due. `time` is the latest event time
/// the source has accepted (in live HTTP serving, at least the wall-clock
/// time less a few seconds). A record the source publishes later with an
/// earlier time is late: it is still delivered, and each service decides what
/// late means for it. Watermarks are records in the log, so a replay meets
/// the same ones at the same offsets. They carry the header `vigil.schema` =
/// `watermark/1`, which distinguishes them from the topic's other events.
public struct Watermark: VigilEvent {
    public static let schemaName = "watermark"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    /// The instance that makes the promise ("vigil-ingest/hz"), stable across its restarts.
    public var source: String
    /// The full name of the topic the watermark was written to ("vigil.chat.messages").
    public var topic: String
    public var partition: Int32
    /// The event time `source` has reached.
    public var time: Timestamp

    public init(source: String, topic: String, partition: Int32, time: Timestamp) {
        self.schemaVersion = Self.schemaVersion
        self.source = source
        self.topic = topic
        self.partition = partition
        self.time = time
    }

    /// `watermark/<source>/<topic>/<partition>/<time in epoch milliseconds>`.
    public var eventId: String {
        "watermark/\(source)/\(topic)/\(partition)/\(time.epochMilliseconds)"
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
