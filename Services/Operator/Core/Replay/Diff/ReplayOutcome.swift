/// The result of comparing one output record of the live run with the replay's.
public enum ReplayOutcome: String, Sendable, CaseIterable, Codable, Comparable {
    /// Both sides have it with equal values: equal bytes, or equal JSON values.
    case matched
    /// Only the live topic has it.
    case missing
    /// Only the replay produced it.
    case extra
    /// Both sides have it, and the value, key or timestamp differs.
    case different

    public static func < (lhs: ReplayOutcome, rhs: ReplayOutcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
