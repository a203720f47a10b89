/// The deadlines a case can miss.
public enum CaseDeadline: String, Codable, Sendable, CaseIterable {
    /// A person must acknowledge the case within the limit for its severity.
    case acknowledge
    /// Once acknowledged, the follow-up with the customer must start (a note)
    /// or the case must be resolved within the limit for its severity.
    case followUp = "follow_up"
    /// The vendor's manager must submit an acceptable rectification plan
    /// within the configured number of days after a human cause is classified.
    case rectification
}
