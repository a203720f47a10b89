import CRdKafka

/// The position at which a consumer starts reading an assigned partition.
public struct StartOffset: Sendable, Hashable, CustomStringConvertible {
    /// The offset, or one of librdkafka's logical offsets.
    public let rawValue: Int64

    /// The first record still on the broker.
    public static let beginning = StartOffset(rawValue: Int64(RD_KAFKA_OFFSET_BEGINNING))
    /// After the last record.
    public static let end = StartOffset(rawValue: Int64(RD_KAFKA_OFFSET_END))
    /// The group's committed offset, or `auto.offset.reset` without one.
    public static let committed = StartOffset(rawValue: Int64(RD_KAFKA_OFFSET_INVALID))

    /// Returns an absolute offset.
    public static func offset(_ offset: Int64) -> StartOffset {
        precondition(offset >= 0, "absolute offsets are not negative")
        return StartOffset(rawValue: offset)
    }

    public var description: String {
        switch self {
        case .beginning: "beginning"
        case .end: "end"
        case .committed: "committed"
        default: String(rawValue)
        }
    }
}
