/// A record Vigil could not accept, with the reason, published so that no record disappears without a trace.
public struct DeadLetter: VigilEvent {
    public static let schemaName = "dead-letter"
    public static let schemaVersion = 1

    /// `dead-letter/<service>/<source position>/<hash of the payload>`: the same
    /// bad record rejected twice has one id, while another record at a reused
    /// position (a second run on standard input) gets its own.
    public var eventId: String
    public var schemaVersion: Int
    /// The service that rejected the record ("vigil-ingest").
    public var service: String
    public var source: DeadLetterSource
    /// The record key, when the record had one.
    public var key: String?
    /// A short machine-readable reason, such as `invalid-json` or `invalid-field`.
    public var reasonCode: DeadLetterReason
    /// The reason in English, for the engineer who reads it, with personal numbers masked.
    public var reason: String
    /// The rejected bytes as UTF-8 text, invalid sequences replaced with
    /// U+FFFD and personal numbers masked, cut to ``maxPayloadBytes`` so a
    /// dead letter always fits in a record. The source names where the
    /// original is.
    public var payload: String
    /// The size of the rejected record in bytes, before any cut.
    public var payloadBytes: Int
    /// True when `payload` holds only the start of the record.
    public var payloadTruncated: Bool
    /// The rejected record's timestamp when it came from a topic. For file
    /// input it is the event time the import had reached, and for HTTP input
    /// the time of the request.
    public var recordedAt: Timestamp

    /// The maximum payload bytes a dead letter keeps. JSON escaping can grow text
    /// sixfold (a control byte becomes `\u0001`), and the result must stay well
    /// under librdkafka's default message.max.bytes of 1,000,000.
    public static let maxPayloadBytes = 16_384

    /// The maximum reason length, in characters, because reasons quote values from the record.
    public static let maxReasonCharacters = 1_000

    /// Creates a dead letter, masking personal numbers in the reason and the payload.
    ///
    /// The id hashes the payload as rejected, before masking, so two records
    /// that differ only in a number keep their own ids.
    public init(service: String, source: DeadLetterSource, key: String?, reasonCode: DeadLetterReason,
                reason: String, payload: some Collection<UInt8>, recordedAt: Timestamp) {
        let masker = PersonalDataMasker()
        // Masking reads a little past the cut, so a number across it is still seen whole.
        let read = Self.prefix(of: payload, maxBytes: Self.maxPayloadBytes + Self.maskingMarginBytes)
        let masked = Array(masker.mask(String(decoding: read, as: UTF8.self)).utf8)
        let kept = Self.prefix(of: masked, maxBytes: Self.maxPayloadBytes)
        self.eventId = "dead-letter/\(service)/\(source.position)/\(StableHash.hex(bytes: payload))"
        self.schemaVersion = Self.schemaVersion
        self.service = service
        self.source = source
        self.key = key.map { String($0.prefix(200)) }
        self.reasonCode = reasonCode
        // Masked before the cut, as the payload is, so a number across the cut is still seen whole.
        self.reason = String(masker.mask(String(reason.prefix(Self.maxReasonCharacters + Self.maskingMarginBytes)))
            .prefix(Self.maxReasonCharacters))
        self.payload = String(decoding: kept, as: UTF8.self)
        self.payloadBytes = payload.count
        self.payloadTruncated = kept.count < masked.count || read.count < payload.count
        self.recordedAt = recordedAt
    }

    /// The bytes read past ``maxPayloadBytes`` for masking: enough for the
    /// longest number the masker finds, written with separators and full-width digits.
    static let maskingMarginBytes = 256

    /// Returns the first bytes of `payload`, at most `maxBytes`, without a UTF-8 character cut in half.
    private static func prefix(of payload: some Collection<UInt8>, maxBytes: Int) -> [UInt8] {
        guard payload.count > maxBytes else { return Array(payload) }
        var kept = Array(payload.prefix(maxBytes))
        var lead = kept.count - 1
        var continuationBytes = 0
        while lead >= 0, kept[lead] & 0xC0 == 0x80, continuationBytes < 3 {
            lead -= 1
            continuationBytes += 1
        }
        if lead >= 0 {
            let byte = kept[lead]
            // The lead byte's high bits give the character's length in bytes.
            let length: Int
            if byte >= 0xF0 {
                length = 4
            } else if byte >= 0xE0 {
                length = 3
            } else if byte >= 0xC0 {
                length = 2
            } else {
                length = 1
            }
            if continuationBytes + 1 < length {
                kept.removeSubrange(lead...)
            }
        }
        return kept
    }

    public var recordKey: String? { key }
    public var eventTime: Timestamp { recordedAt }
}

/// The origin of a rejected record: a topic position, a file line, an unpublished event, or a held input event.
public struct DeadLetterSource: Codable, Sendable, Hashable {
    public var topic: String?
    public var partition: Int32?
    public var offset: Int64?
    public var file: String?
    /// The 1-based line number in `file`.
    public var line: Int?
    /// The id of an event the service produced but could not publish, or of a held input event.
    public var eventId: String?

    /// Creates the source for a position in a topic.
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    /// Creates the source for a line of a file or of standard input ("-").
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// Creates the source for an event of the service's own that the broker rejected, bound for `topic`.
    public init(unpublishedEventId: String, topic: String) {
        self.eventId = unpublishedEventId
        self.topic = topic
    }

    /// Creates the source for an input event that a service accepted from
    /// `topic` and `partition`, held until the partition's event time reached
    /// it, and then could not apply. The offset is not kept with held events.
    public init(heldEventId: String, topic: String, partition: Int32) {
        self.eventId = heldEventId
        self.topic = topic
        self.partition = partition
    }

    /// `topic/partition/offset`, `file:line`, `outbox/topic/event id` or `held/topic/partition/event id`.
    public var position: String {
        if let eventId, let partition {
            return "held/\(topic ?? "-")/\(partition)/\(eventId)"
        }
        if let eventId {
            return "outbox/\(topic ?? "-")/\(eventId)"
        }
        if let topic, let partition, let offset {
            return "\(topic)/\(partition)/\(offset)"
        }
        return "\(file ?? "-"):\(line ?? 0)"
    }
}

/// The reason codes of rejected records.
public enum DeadLetterReason: String, Codable, Sendable, CaseIterable {
    /// Not JSON, or not one JSON object.
    case invalidJSON = "invalid-json"
    /// Bytes that are not valid UTF-8 text.
    case invalidUTF8 = "invalid-utf8"
    /// Valid JSON that does not match the schema: a field missing, mistyped or out of range.
    case invalidField = "invalid-field"
    /// A timestamp without an explicit offset, unreadable, or outside the plausible range.
    case invalidTime = "invalid-time"
    /// Names an agent the roster does not know.
    case unknownAgent = "unknown-agent"
    /// Names a site the roster does not know.
    case unknownSite = "unknown-site"
    /// Belongs to a site other than the one the submitter may write for.
    case wrongSite = "wrong-site"
    /// Reuses the source id of an accepted record with different content.
    case conflictingDuplicate = "conflicting-duplicate"
    /// Written with a newer schema version than this service reads.
    case unsupportedSchema = "unsupported-schema"
    /// The record type could not be recognised.
    case unknownRecord = "unknown-record"
    /// Larger than the service accepts.
    case tooLarge = "too-large"
    /// Valid, but the service could not process it.
    case unprocessable
    /// An event of the service's own that the broker would not accept.
    case unpublishable
}
