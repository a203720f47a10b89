import VigilContracts

/// The stored state of one case, folded from its timeline so far.
///
/// The case machine reads and returns records; the processor stores them.
struct CaseRecord: Equatable, Sendable {
    var caseId: String
    var shop: String
    var buyer: String
    /// The case's number within its thread, counting from 1.
    var sequence: Int
    var state: CaseState
    var severity: Severity

    // MARK: - Scope

    /// The agent of the case's conversation, when known.
    var agent: String?
    var conversationId: String?
    /// The agent's team, site and vendor when the case opened, which decide who may act on it.
    var team: String?
    var site: String?
    var vendor: String?

    // MARK: - Handling

    var openedAt: Timestamp
    /// When the case was acknowledged, and the roster id of who did it. Both are nil
    /// until the acknowledgement, and again after a reopening.
    var acknowledgedAt: Timestamp?
    var acknowledgedBy: String?
    /// The roster id of the person the case is assigned to.
    var assignee: String?
    /// When the case was resolved; nil while it is not resolved.
    var resolvedAt: Timestamp?
    /// True once the case was escalated to a regulator, even after it moves on to another state.
    var regulatorEscalated: Bool = false
    /// True once a note, resolve or escalate followed the acknowledgement, which meets the follow-up deadline.
    var followUpStarted: Bool = false

    // MARK: - Accountability

    var cause: CaseCause?
    var responsibilities: [CaseResponsibility] = []
    var review: CaseReview?
    var rectification: RectificationStatus?
    /// The rectification deadline: classification time plus the configured days
    /// until a plan is submitted, then the date the submitted plan is to be carried out by.
    var rectificationDueAt: Timestamp?
    /// The text of the last submitted rectification plan.
    var plan: String?

    /// The customer thread of the case, its Kafka record key.
    var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
}
