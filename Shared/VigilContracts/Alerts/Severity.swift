/// The urgency with which an alert must be acknowledged, most urgent first.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case critical
    case high
    case medium
    case low

    /// Orders by urgency: `critical` is the greatest.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! > allCases.firstIndex(of: rhs)!
    }
}
