/// The actions of case commands.
public enum CaseAction: String, Codable, Sendable, CaseIterable {
    /// The recipient acknowledges the alert and takes the case.
    case ack
    /// Hands the case to `assignee`.
    case assign
    /// Adds `note` to the timeline.
    case note
    /// Closes the case as settled with the customer.
    case resolve
    /// Records that the customer took the complaint to `escalateTo`.
    case escalate
    /// Puts the case down to `classification`, which decides responsibility.
    case classify
    /// Records the case review (复盘) in `note`.
    case review
    /// The vendor submits a rectification plan (`plan`, due at `dueAt`).
    case rectify
    /// The brand manager accepts the rectification plan.
    case acceptPlan = "accept-plan"
    /// The brand manager rejects the rectification plan, with the reason in `note`.
    case rejectPlan = "reject-plan"
}
