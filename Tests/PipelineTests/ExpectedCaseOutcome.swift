import VigilContracts

/// What one case should look like to scoring once the import and the test's
/// case commands have been applied.
struct ExpectedCaseOutcome {
    var opening: ExpectedCases.Opening
    var acknowledgedAt: Timestamp?
    /// True when a complaint is linked or a command escalated the case.
    var escalated: Bool
    var reachedRegulator: Bool
    var cause: CaseCause?
    /// Roster id and level of each person the classification names.
    var responsibilities: [(personId: String, level: ResponsibilityLevel)] = []
    var rectification: RectificationStatus?
    /// True once the rectification deadline passed without an acceptable plan.
    var rectificationWentOverdue = false

    /// Whole seconds from opening to the acknowledgement.
    var acknowledgeSeconds: Int? {
        acknowledgedAt.map { Int(($0.epochMilliseconds - opening.openedAt.epochMilliseconds) / 1_000) }
    }

    var rectificationOnTime: Bool { rectification == .accepted && !rectificationWentOverdue }
}
