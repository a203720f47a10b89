/// An instant in event time together with the UTC offset it was written in.
///
/// Every event carries its time as ISO 8601 with an explicit offset
/// ("2026-11-11T08:01:51+08:00"). Keeping the offset lets an event be encoded
/// again byte for byte as it arrived, which replays and audits compare. A text
/// without an offset is rejected rather than read as UTC.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let epochMilliseconds: Int64

    /// The offset from UTC, in seconds (whole minutes), that the text form uses.
    public let utcOffsetSeconds: Int32

    /// Creates a timestamp; `utcOffsetSeconds` only affects how it is written.
    /// ISO 8601 offsets have no seconds, so the offset is cut to whole minutes.
    public init(epochMilliseconds: Int64, utcOffsetSeconds: Int32 = 0) {
        self.epochMilliseconds = epochMilliseconds
        self.utcOffsetSeconds = utcOffsetSeconds / 60 * 60
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.epochMilliseconds < rhs.epochMilliseconds
    }

    /// Two timestamps are equal when they name the same instant, whatever their offsets.
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.epochMilliseconds == rhs.epochMilliseconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(epochMilliseconds)
    }

    /// The ISO 8601 text, with milliseconds only when they are not zero.
    public var description: String { iso8601 }

    /// The ISO 8601 text, with milliseconds only when they are not zero.
    public var iso8601: String { TimestampFormat.format(self) }

    /// Returns the calendar day ("2026-11-11") of this instant at the given offset.
    public func day(atUTCOffset offsetSeconds: Int32) -> String {
        let local = Timestamp(epochMilliseconds: epochMilliseconds, utcOffsetSeconds: offsetSeconds)
        return String(TimestampFormat.format(local).prefix(10))
    }

    /// Whole seconds from `self` to `later`, rounded down (toward negative infinity).
    public func seconds(until later: Timestamp) -> Int64 {
        let milliseconds = later.epochMilliseconds - epochMilliseconds
        return milliseconds >= 0 ? milliseconds / 1000 : -((-milliseconds + 999) / 1000)
    }
}

// MARK: - Accepted event times

extension Timestamp {
    /// The event times Vigil accepts, [2000-01-01, 2100-01-01) UTC, in epoch
    /// milliseconds. Ingestion rejects records outside it, and the stream
    /// services reject input events and watermarks outside it. Every time a
    /// service derives from them, such as a deadline up to a year later,
    /// then still has a four-digit year that ``TimestampFormat`` writes and
    /// reads back, and a positive Kafka timestamp.
    public static let acceptedEventTimes: Range<Int64> = 946_684_800_000..<4_102_444_800_000

    /// True when this instant lies in ``acceptedEventTimes``.
    public var isAcceptedEventTime: Bool { Self.acceptedEventTimes.contains(epochMilliseconds) }
}

// MARK: - Codable

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = TimestampFormat.parse(text) else {
            let context = DecodingError.Context(
                codingPath: container.codingPath,
                debugDescription: "invalid timestamp \"\(text)\": expected ISO 8601 with an offset, such as 2026-11-11T09:00:00+08:00",
                underlyingError: InvalidTimestamp(text: text))
            throw DecodingError.dataCorrupted(context)
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

/// The underlying error of a timestamp that is not ISO 8601 with an offset,
/// so readers can tell a bad time from other bad fields.
public struct InvalidTimestamp: Error, Sendable {
    /// The text as it was found.
    public var text: String
}
