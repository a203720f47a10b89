/// The kinds of timeline entries.
public enum CaseEventType: String, Codable, Sendable, CaseIterable {
    /// The case was opened by the alert or complaint named in the event.
    case opened
    /// A resolved case was opened again by a new alert within the reopen window.
    case reopened
    /// A later alert of the same thread was added to the case.
    case alertLinked = "alert_linked"
    /// A complaint of the same thread was added to the case.
    case complaintLinked = "complaint_linked"
    /// A person took the case.
    case acknowledged
    /// The case was handed to `assignee`.
    case assigned
    /// A note was added; the first one after acknowledgement starts the follow-up.
    case noted
    /// The case was settled.
    case resolved
    /// A person recorded that the customer went to the platform or a regulator.
    case escalated
    /// The cause was classified and responsibility assigned.
    case classified
    /// The case review (复盘) was recorded.
    case reviewed
    /// The vendor's manager submitted a rectification plan.
    case planSubmitted = "plan_submitted"
    /// The brand manager accepted the plan.
    case planAccepted = "plan_accepted"
    /// The brand manager rejected the plan; a new one is required.
    case planRejected = "plan_rejected"
    /// No plan was submitted (or accepted) when its deadline passed.
    case rectificationOverdue = "rectification_overdue"
    /// A deadline passed; the case climbed one step up the chain.
    case deadlineMissed = "deadline_missed"
    /// A command was rejected, and the text gives the reason.
    case commandRejected = "command_rejected"
}
