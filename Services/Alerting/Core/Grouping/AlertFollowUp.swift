import VigilContracts

/// An alert event that no new message caused: a reminder, or a closing. It
/// repeats the alert's latest event (`template`) with the grouping's decision.
public struct AlertFollowUp: Sendable, Equatable {
    /// The latest event of the alert, whose texts and fields the follow-up reuses.
    public var template: Alert
    public var decision: AlertDecision

    public init(template: Alert, decision: AlertDecision) {
        self.template = template
        self.decision = decision
    }
}
