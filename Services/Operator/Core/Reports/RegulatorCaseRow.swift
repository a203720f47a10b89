import VigilContracts

/// One case that reached a regulator in the report's period, with the people
/// responsible and the current state of its review and rectification.
struct RegulatorCaseRow: Sendable, Equatable {
    var caseId: String
    var vendor: String?
    var site: String?
    var team: String?
    var agent: String?
    /// When the case first reached a regulator in the period.
    var reachedAt: Timestamp
    /// The regulator channels of the period, in timeline order, without repeats.
    var channels: [EscalationChannel]
    /// Nil until the case is classified.
    var cause: CaseCause?
    var primary: [CaseResponsibility]
    var joint: [CaseResponsibility]
    var reviewed: Bool
    /// Nil when no rectification is required (not classified, or not a human cause).
    var rectification: RectificationStatus?
    /// When the plan is due, as set at classification.
    var rectificationDueAt: Timestamp?
}
