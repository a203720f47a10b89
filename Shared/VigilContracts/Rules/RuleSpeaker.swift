/// The messages a rule reads, by who wrote them.
public enum RuleSpeaker: String, Codable, Sendable, CaseIterable {
    case customer
    case agent
    /// Messages of every role, system messages included.
    case any
}
