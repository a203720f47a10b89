/// A watermark: event time on one partition has reached `time` for one source.
///
/// Ingestion writes a clock into every partition of each thread-keyed topic
/// as its event time advances, quiet partitions included, so deadlines
/// downstream fire without new chat traffic. Clocks are records in the log,
/// so a replay sees the same clocks at the same offsets and fires the same
/// deadlines.
public struct Clock: VigilEvent {
    public static let schemaName = "clock"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    /// The ingestion instance that promises the time ("vigil-ingest/hz").
    public var source: String
    public var topic: String
    public var partition: Int32
    /// The event time `source` has reached: the latest event time it has
    /// published, or in live serving the wall-clock time less a small
    /// allowance. A record published later with an earlier time is late;
    /// it is still delivered, and each service decides what late means.
    public var time: Timestamp

    public init(source: String, topic: String, partition: Int32, time: Timestamp) {
        self.schemaVersion = Self.schemaVersion
        self.source = source
        self.topic = topic
        self.partition = partition
        self.time = time
    }

    public var eventId: String { "clock/\(source)/\(topic)/\(partition)/\(time.epochMilliseconds)" }
    /// Clocks go to an explicit partition, so they have no key.
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
