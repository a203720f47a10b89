import VigilContracts

/// A whole number of seconds, minutes, hours or days, written as in the
/// policy file ("15m", "2h", "7d").
public struct PolicyDuration: Sendable, Hashable, CustomStringConvertible {
    /// The length in milliseconds.
    public let milliseconds: Int64
    /// The text it was written as, kept for messages and `description`.
    public let text: String

    private init(milliseconds: Int64, text: String) {
        self.milliseconds = milliseconds
        self.text = text
    }

    public static func seconds(_ count: Int) -> PolicyDuration { .init(milliseconds: Int64(count) * 1_000, text: "\(count)s") }
    public static func minutes(_ count: Int) -> PolicyDuration { .init(milliseconds: Int64(count) * 60_000, text: "\(count)m") }
    public static func hours(_ count: Int) -> PolicyDuration { .init(milliseconds: Int64(count) * 3_600_000, text: "\(count)h") }
    public static func days(_ count: Int) -> PolicyDuration { .init(milliseconds: Int64(count) * 86_400_000, text: "\(count)d") }

    /// Reads "<positive integer><s|m|h|d>", at most 365 days; nil for anything else.
    public init?(parsing text: String) {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0,
              !text.dropLast().contains(where: { !$0.isASCII || !$0.isNumber })
        else { return nil }
        let unitMilliseconds: Int64
        switch unit {
        case "s": unitMilliseconds = 1_000
        case "m": unitMilliseconds = 60_000
        case "h": unitMilliseconds = 3_600_000
        case "d": unitMilliseconds = 86_400_000
        default: return nil
        }
        let (total, overflow) = Int64(count).multipliedReportingOverflow(by: unitMilliseconds)
        guard !overflow, total <= Self.maximum.milliseconds else { return nil }
        self.init(milliseconds: total, text: text)
    }

    /// The maximum duration a policy file may give.
    public static let maximum = PolicyDuration.days(365)

    public var description: String { text }

    /// Two durations are equal when they are equally long, however written.
    public static func == (lhs: PolicyDuration, rhs: PolicyDuration) -> Bool { lhs.milliseconds == rhs.milliseconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(milliseconds) }

    /// Returns `time` moved forward by this duration, keeping its UTC offset.
    public func after(_ time: Timestamp) -> Timestamp {
        Timestamp(epochMilliseconds: time.epochMilliseconds + milliseconds, utcOffsetSeconds: time.utcOffsetSeconds)
    }
}
