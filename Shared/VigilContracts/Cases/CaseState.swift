/// The state of a case.
///
/// The usual path is open → acknowledged → following up → resolved. A case
/// escalated to the platform or to a regulator leaves that path; the
/// acknowledgement is then kept beside the state (``CaseEvent/acknowledgedAt``).
public enum CaseState: String, Codable, Sendable, CaseIterable {
    /// Raised by an alert or a complaint, or reopened; no person has taken it yet.
    case open
    /// A person took it and is responsible for the follow-up.
    case acknowledged
    /// The one-to-one follow-up with the customer has started.
    case followingUp = "following_up"
    /// The customer complained to the platform.
    case escalatedPlatform = "escalated_platform"
    /// The customer complained to a regulator (12315, the market regulator, a
    /// consumer association); accountability applies.
    case escalatedRegulator = "escalated_regulator"
    /// Settled with the customer.
    case resolved

    /// True for the states a new alert does not reopen: the case is still in hand.
    public var isActive: Bool { self != .resolved }
}
