/// One countable thing (a conversation, an alert, a case, a complaint or an
/// order) as one subject's share of it, on scoring's repartition topic.
///
/// The facts stage reads the thread-keyed topics and publishes each fact once
/// per subject it counts for (its agent, team, vendor, site and shop), keyed
/// by that subject, so the totals stage reads everything about a subject from one
/// partition. A fact is an upsert: a later revision replaces an earlier one,
/// and a retraction removes the fact from the subject when its attribution
/// moved elsewhere.
public struct ScoringFact: VigilEvent {
    public static let schemaName = "scoring-fact"
    public static let schemaVersion = 1

    /// `fact/<subject key>/<fact id>/<revision>`.
    public var eventId: String
    public var schemaVersion: Int
    /// The subject this copy of the fact counts for; also the record key.
    public var subject: ScoreSubject
    /// `conversation/<shop>/<conversation id>`, `alert/<alert event id>`,
    /// `case/<case id>`, `complaint/<complaint event id>` or `order/<shop>/<order id>`.
    public var factId: String
    /// The number of input records the fact derives from, which grows with
    /// every change; the same inputs give the same revision on any instance.
    public var revision: Int
    /// The kind of payload the fact carries.
    public var kind: ScoringFactKind
    /// True when the subject no longer counts this fact; the payload is then empty.
    public var retracted: Bool
    /// The moment that places the fact in periods: a conversation's first
    /// message, an alert's raising, a case's opening, a complaint's filing, an order's payment.
    public var time: Timestamp
    /// Every subject the fact counts for, as the facts stage saw them.
    public var attribution: FactAttribution
    /// Set for conversation facts.
    public var conversation: ConversationFact?
    /// Set for alert facts.
    public var alert: AlertFact?
    /// Set for case facts (JSON `caseFact`).
    public var caseFact: CaseFact?
    /// Set for complaint facts.
    public var complaint: ComplaintFact?
    /// Set for order facts.
    public var order: OrderFact?

    public init(subject: ScoreSubject, factId: String, revision: Int, kind: ScoringFactKind, retracted: Bool = false,
                time: Timestamp, attribution: FactAttribution, conversation: ConversationFact? = nil,
                alert: AlertFact? = nil, caseFact: CaseFact? = nil, complaint: ComplaintFact? = nil,
                order: OrderFact? = nil) {
        self.schemaVersion = Self.schemaVersion
        self.subject = subject
        self.factId = factId
        self.revision = revision
        self.kind = kind
        self.retracted = retracted
        self.time = time
        self.attribution = attribution
        self.conversation = conversation
        self.alert = alert
        self.caseFact = caseFact
        self.complaint = complaint
        self.order = order
        self.eventId = "fact/\(subject.key)/\(factId)/\(revision)"
    }

    /// The subject's key: every fact of a subject lands in one partition.
    public var recordKey: String? { subject.key }
    public var eventTime: Timestamp { time }
}
