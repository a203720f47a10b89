/// One event in the life of an alert: raised, repeated, escalated, reminded or closed.
///
/// An alert concerns one customer thread and one category, and stays open
/// while the thread keeps hitting it. Its events share ``alertId``, and the
/// first event's ``eventId`` equals it. Events written before grouping existed
/// carry no `alertId`, `action` or `notify`, and read as a raised alert that
/// notifies (see ``id``, ``currentAction`` and ``notifies``). Optional fields
/// are left out of the JSON when they have no value.
public struct Alert: VigilEvent {
    public static let schemaName = "alert"
    public static let schemaVersion = 1

    /// The event's unique, deterministic id: the alert's id for the event that
    /// raises it, and `<alertId>/<action>/<cause>` for later events. The cause
    /// is the event id of the message behind the event, or a reminder's time in
    /// epoch milliseconds. A closing after a quiet window has no cause part.
    public var eventId: String
    public var schemaVersion: Int
    public var kind: AlertKind
    public var category: RiskCategory
    public var severity: Severity
    /// The words that matched, in the order they first occur in the text. Empty for a reply timeout.
    public var matchedTerms: [String]
    /// The version of the rules that raised the alert.
    public var ruleVersion: String
    public var shop: String
    public var buyer: String
    public var site: String
    public var conversationId: String
    /// The site's id of the latest message behind the event: the one that hit
    /// a rule, or the customer message left waiting.
    public var messageId: String
    /// The agent handling the conversation.
    public var agent: String
    /// The agent's team, from the roster. Nil when the agent is not in the roster.
    public var team: String?
    /// The person who must follow up: the team's supervisor, else the site's
    /// manager, else the brand manager.
    public var recipient: AlertRecipient?
    /// The event time of this event, from the stream and never the host's clock:
    /// the message's time, the reply deadline, or the time a reminder or closing fell due.
    public var raisedAt: Timestamp
    /// The latest matching text, around its first match, with personal numbers masked.
    public var snippet: String
    /// The notification text for the recipient, with personal numbers masked.
    public var text: LocalizedText

    /// The alert this event belongs to. Nil on events written before grouping existed.
    public var alertId: String?
    public var action: AlertAction?
    /// Whether to notify the recipient now. False for repeats, closings and inhibited alerts.
    public var notify: Bool?
    /// The messages that have hit the alert so far, this one included.
    public var occurrences: Int?
    /// The rules that fired on the latest message, in rules-file order.
    public var ruleIds: [String]?
    /// The evidence for each rule hit, in the order of the text.
    public var evidence: [AlertEvidence]?
    /// The messages around the latest hit, oldest first, the hit included.
    public var context: [AlertContextMessage]?
    /// The open alert of the same thread that holds back this one's notifications.
    public var inhibitedBy: String?
    /// The time the alert was first raised.
    public var openedAt: Timestamp?
    /// For a reply timeout: the shop's reply limit, in seconds.
    public var replyLimitSeconds: Int?
    /// For a reply timeout: how long the customer had waited at this event, in seconds.
    public var waitedSeconds: Int?

    public init(eventId: String, kind: AlertKind, category: RiskCategory, severity: Severity,
                matchedTerms: [String], ruleVersion: String, shop: String, buyer: String, site: String,
                conversationId: String, messageId: String, agent: String, team: String?,
                recipient: AlertRecipient?, raisedAt: Timestamp, snippet: String, text: LocalizedText,
                alertId: String? = nil, action: AlertAction? = nil, notify: Bool? = nil, occurrences: Int? = nil,
                ruleIds: [String]? = nil, evidence: [AlertEvidence]? = nil, context: [AlertContextMessage]? = nil,
                inhibitedBy: String? = nil, openedAt: Timestamp? = nil, replyLimitSeconds: Int? = nil,
                waitedSeconds: Int? = nil) {
        self.eventId = eventId
        self.schemaVersion = Self.schemaVersion
        self.kind = kind
        self.category = category
        self.severity = severity
        self.matchedTerms = matchedTerms
        self.ruleVersion = ruleVersion
        self.shop = shop
        self.buyer = buyer
        self.site = site
        self.conversationId = conversationId
        self.messageId = messageId
        self.agent = agent
        self.team = team
        self.recipient = recipient
        self.raisedAt = raisedAt
        self.snippet = snippet
        self.text = text
        self.alertId = alertId
        self.action = action
        self.notify = notify
        self.occurrences = occurrences
        self.ruleIds = ruleIds
        self.evidence = evidence
        self.context = context
        self.inhibitedBy = inhibitedBy
        self.openedAt = openedAt
        self.replyLimitSeconds = replyLimitSeconds
        self.waitedSeconds = waitedSeconds
    }

    /// The alert's id: ``alertId``, or the event id on events without an ``alertId``.
    public var id: String { alertId ?? eventId }
    /// The event's action, or `raised` on events without an ``action``.
    public var currentAction: AlertAction { action ?? .raised }
    /// Whether to notify the recipient now. True on events without a ``notify`` field.
    public var notifies: Bool { notify ?? true }

    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { raisedAt }
}
