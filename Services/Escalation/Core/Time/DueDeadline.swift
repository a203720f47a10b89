import VigilContracts

/// A case deadline that has fallen due: which one, the step of the chain it
/// reaches, and when it fell due.
struct DueDeadline: Equatable {
    var caseId: String
    var deadline: CaseDeadline
    /// 1 for the first miss, 2 for the next step up, and so on.
    var step: Int
    var due: Timestamp
}
