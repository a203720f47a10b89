/// A record Vigil could not accept, with the reason, kept so nothing is lost silently.
public struct DeadLetter: VigilEvent {
    public static let schemaName = "dead-letter"
    public static let schemaVersion = 1

    /// `dead-letter/<service>/<source position>`: the same bad record rejected twice has one id.
    public var eventId: String
    public var schemaVersion: Int
    /// The service that rejected the record ("vigil-ingest").
    public var service: String
    public var source: DeadLetterSource
    /// The record key, when the record had one.
    public var key: String?
    /// A short machine-readable reason, such as `invalid-json` or `invalid-field`.
    public var reasonCode: DeadLetterReason
    /// What was wrong, for the engineer who reads it.
    public var reason: String
    /// The rejected bytes as UTF-8 text; invalid sequences are replaced with U+FFFD.
    public var payload: String
    /// The record's timestamp, or the time the file was read for file input.
    public var recordedAt: Timestamp

    public init(service: String, source: DeadLetterSource, key: String?, reasonCode: DeadLetterReason,
                reason: String, payload: String, recordedAt: Timestamp) {
        self.eventId = "dead-letter/\(service)/\(source.position)"
        self.schemaVersion = Self.schemaVersion
        self.service = service
        self.source = source
        self.key = key
        self.reasonCode = reasonCode
        self.reason = reason
        self.payload = payload
        self.recordedAt = recordedAt
    }

    public var recordKey: String? { key }
    public var eventTime: Timestamp { recordedAt }
}

/// Where a rejected record came from: a topic position or a file line.
public struct DeadLetterSource: Codable, Sendable, Hashable {
    public var topic: String?
    public var partition: Int32?
    public var offset: Int64?
    public var file: String?
    /// The 1-based line number in `file`.
    public var line: Int?

    /// A position in a topic.
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    /// A line of a file or of standard input ("-").
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `topic/partition/offset` or `file:line`.
    public var position: String {
        if let topic, let partition, let offset {
            return "\(topic)/\(partition)/\(offset)"
        }
        return "\(file ?? "-"):\(line ?? 0)"
    }
}

/// Why a record was rejected.
public enum DeadLetterReason: String, Codable, Sendable, CaseIterable {
    /// Not JSON, or not one JSON object.
    case invalidJSON = "invalid-json"
    /// Valid JSON that does not match the schema: a field missing, mistyped or out of range.
    case invalidField = "invalid-field"
    /// Written with a newer schema version than this service reads.
    case unsupportedSchema = "unsupported-schema"
    /// The record type could not be recognised.
    case unknownRecord = "unknown-record"
    /// Valid, but the service could not process it.
    case unprocessable
}
