/// The kinds of scoring facts.
public enum ScoringFactKind: String, Codable, Sendable, CaseIterable {
    case conversation
    case alert
    case `case`
    case complaint
    case order
}
