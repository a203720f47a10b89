/// The urgency of the alerts a rule raises.
public enum RuleSeverity: String, Codable, Sendable, CaseIterable {
    case critical
    case high
    case medium
    case low

    /// The alert severity a hit of this rule raises.
    public var alertSeverity: Severity {
        switch self {
        case .critical: .critical
        case .high: .high
        case .medium: .medium
        case .low: .low
        }
    }
}
