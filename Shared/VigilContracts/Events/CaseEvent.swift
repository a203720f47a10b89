/// One entry of a case's timeline. A case is one customer thread's grievance.
///
/// Every entry carries the case's scope (team, site, vendor) and its state
/// after the entry, so a reader folds a timeline without the roster. Fields
/// an entry does not use are left out of the JSON.
public struct CaseEvent: VigilEvent {
    public static let schemaName = "case-event"
    public static let schemaVersion = 1

    /// Derived from the case and the input that caused the entry, so an input
    /// processed twice gives the same id.
    public var eventId: String
    public var schemaVersion: Int
    /// `case-<hash of shop and buyer>` for a thread's first case; a later case
    /// of the same thread adds `-2`, `-3` and so on.
    public var caseId: String
    public var type: CaseEventType
    public var shop: String
    public var buyer: String
    /// The conversation of the alert or complaint that caused the entry.
    public var conversationId: String?
    /// The agent of the case's conversation, when known.
    public var agent: String?
    /// The alert that caused the entry.
    public var alertId: String?
    /// The complaint that caused the entry.
    public var complaintId: String?
    public var complaintChannel: ComplaintChannel?
    /// The event time of the cause: an alert's or complaint's time, a
    /// command's `issuedAt`, or the deadline that passed.
    public var occurredAt: Timestamp
    /// The timeline text.
    public var text: LocalizedText

    // MARK: - Case scope and state

    /// The agent's team, site and vendor when the case opened; they decide
    /// who may act on it.
    public var team: String?
    public var site: String?
    public var vendor: String?
    /// The state after this entry.
    public var state: CaseState?
    /// The case's severity: the highest of its alerts; `critical` for a regulator complaint.
    public var severity: Severity?

    // MARK: - People

    /// The roster id of the person whose command made the entry.
    public var actor: String?
    /// The command that made the entry, or that was rejected.
    public var commandId: String?
    /// The action of that command.
    public var action: CaseAction?
    /// The person the entry is addressed to: the follower at opening, the next person
    /// up the chain when a deadline passes.
    public var recipient: AlertRecipient?
    /// True when the recipient should be notified now.
    public var notify: Bool?
    /// The person the case is assigned to.
    public var assignee: String?

    // MARK: - Deadlines

    /// The deadline this entry sets or reports as missed.
    public var deadline: CaseDeadline?
    /// When that deadline falls.
    public var dueAt: Timestamp?
    /// How many people up the chain the case has climbed for this deadline (1 = the first step up).
    public var chainStep: Int?
    /// When the case was acknowledged, on every entry after it.
    public var acknowledgedAt: Timestamp?

    // MARK: - Accountability

    public var escalateTo: EscalationTarget?
    public var cause: CaseCause?
    /// The people responsible for the case, set when the cause is classified.
    public var responsibilities: [CaseResponsibility]?
    public var review: CaseReview?
    public var rectification: RectificationStatus?
    /// The rectification plan's text.
    public var plan: String?

    public init(eventId: String, caseId: String, type: CaseEventType, shop: String, buyer: String,
                conversationId: String?, agent: String?, alertId: String?, complaintId: String?,
                complaintChannel: ComplaintChannel?, occurredAt: Timestamp, text: LocalizedText) {
        self.eventId = eventId
        self.schemaVersion = Self.schemaVersion
        self.caseId = caseId
        self.type = type
        self.shop = shop
        self.buyer = buyer
        self.conversationId = conversationId
        self.agent = agent
        self.alertId = alertId
        self.complaintId = complaintId
        self.complaintChannel = complaintChannel
        self.occurredAt = occurredAt
        self.text = text
    }

    /// Returns the id of a thread's first case.
    public static func caseId(for thread: ThreadKey) -> String {
        "case-\(StableHash.hex(thread.shop, thread.buyer))"
    }

    /// Returns the id of a thread's case number `sequence`, counting from 1.
    public static func caseId(for thread: ThreadKey, sequence: Int) -> String {
        sequence <= 1 ? caseId(for: thread) : "\(caseId(for: thread))-\(sequence)"
    }

    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { occurredAt }
}
