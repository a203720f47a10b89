/// One entry of a case's timeline. A case is one customer thread's grievance.
public struct CaseEvent: VigilEvent {
    public static let schemaName = "case-event"
    public static let schemaVersion = 1

    /// Derived from the case and the input that caused the entry, so an input
    /// processed twice gives the same id.
    public var eventId: String
    public var schemaVersion: Int
    /// `case-<hash of shop and buyer>`: the same thread always maps to the same case.
    public var caseId: String
    public var type: CaseEventType
    public var shop: String
    public var buyer: String
    /// The conversation of the alert or complaint that caused the entry.
    public var conversationId: String?
    /// The agent of that conversation, when the cause names one.
    public var agent: String?
    /// The alert that caused the entry.
    public var alertId: String?
    /// The complaint that caused the entry.
    public var complaintId: String?
    public var complaintChannel: ComplaintChannel?
    /// The event time of the cause.
    public var occurredAt: Timestamp
    /// The timeline text.
    public var text: LocalizedText

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

    /// Returns the case id of a thread.
    public static func caseId(for thread: ThreadKey) -> String {
        "case-\(StableHash.hex(thread.shop, thread.buyer))"
    }

    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { occurredAt }
}

/// The kinds of timeline entries.
public enum CaseEventType: String, Codable, Sendable, CaseIterable {
    /// The case was opened by the alert named in the event.
    case opened
    /// A later alert of the same thread was added to the case.
    case alertLinked = "alert_linked"
    /// A later complaint of the same thread was added to the case.
    case complaintLinked = "complaint_linked"
}
