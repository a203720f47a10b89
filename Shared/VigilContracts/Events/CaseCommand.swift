/// A person's request to act on a case: acknowledge it, assign it, add a
/// note, resolve it, escalate it, classify its cause, review it, or submit,
/// accept or reject a rectification plan.
///
/// Commands are keyed by the case's thread (`shop/buyer`), so they land in the
/// partition of the case's other records. Optional arguments are left out of the JSON
/// when they have no value.
public struct CaseCommand: VigilEvent {
    public static let schemaName = "case-command"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    /// The id the issuing tool gives the command. A retry of the same command
    /// reuses it, so the command is applied once.
    public var commandId: String
    public var caseId: String
    public var shop: String
    public var buyer: String
    public var action: CaseAction
    /// The roster id of the person who issued the command.
    public var actor: String
    /// When the person issued the command; the command's event time.
    public var issuedAt: Timestamp
    /// Free text: the note, the review, or the reason for a rejection or resolution.
    public var note: String?
    /// The roster id of the person a case is assigned to.
    public var assignee: String?
    /// The place the case was escalated to.
    public var escalateTo: EscalationTarget?
    /// The cause the case is put down to.
    public var classification: CaseCause?
    /// The vendor's rectification plan.
    public var plan: String?
    /// When the rectification plan is due to be carried out.
    public var dueAt: Timestamp?

    public init(commandId: String, caseId: String, shop: String, buyer: String, action: CaseAction, actor: String,
                issuedAt: Timestamp, note: String? = nil, assignee: String? = nil, escalateTo: EscalationTarget? = nil,
                classification: CaseCause? = nil, plan: String? = nil, dueAt: Timestamp? = nil) {
        self.schemaVersion = Self.schemaVersion
        self.commandId = commandId
        self.caseId = caseId
        self.shop = shop
        self.buyer = buyer
        self.action = action
        self.actor = actor
        self.issuedAt = issuedAt
        self.note = note
        self.assignee = assignee
        self.escalateTo = escalateTo
        self.classification = classification
        self.plan = plan
        self.dueAt = dueAt
    }

    /// `case-command/<commandId>`.
    public var eventId: String { "case-command/\(commandId)" }
    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { issuedAt }

    /// The reason the command cannot be applied, in English for a dead letter,
    /// or nil when the action has the arguments it needs.
    ///
    /// `assign` needs `assignee`, `note` and `review` need `note`, `escalate`
    /// needs `escalateTo`, `classify` needs `classification`, `rectify` needs
    /// `plan` and `dueAt`, and `reject-plan` needs `note` for the reason.
    /// Arguments an action does not use are allowed and ignored.
    public var argumentError: String? {
        let missing: [String]
        switch action {
        case .ack, .resolve, .acceptPlan:
            missing = []
        case .assign:
            missing = assignee == nil ? ["assignee"] : []
        case .note, .review, .rejectPlan:
            missing = note == nil ? ["note"] : []
        case .escalate:
            missing = escalateTo == nil ? ["escalateTo"] : []
        case .classify:
            missing = classification == nil ? ["classification"] : []
        case .rectify:
            missing = (plan == nil ? ["plan"] : []) + (dueAt == nil ? ["dueAt"] : [])
        }
        guard !missing.isEmpty else { return nil }
        let fields = missing.map { "\"\($0)\"" }.joined(separator: " and ")
        return "case command \"\(action.rawValue)\" needs \(fields)"
    }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, commandId, caseId, shop, buyer, action, actor, issuedAt, note, assignee,
             escalateTo, classification, plan, dueAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        commandId = try container.decode(String.self, forKey: .commandId)
        caseId = try container.decode(String.self, forKey: .caseId)
        shop = try container.decode(String.self, forKey: .shop)
        buyer = try container.decode(String.self, forKey: .buyer)
        action = try container.decode(CaseAction.self, forKey: .action)
        actor = try container.decode(String.self, forKey: .actor)
        issuedAt = try container.decode(Timestamp.self, forKey: .issuedAt)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        assignee = try container.decodeIfPresent(String.self, forKey: .assignee)
        escalateTo = try container.decodeIfPresent(EscalationTarget.self, forKey: .escalateTo)
        classification = try container.decodeIfPresent(CaseCause.self, forKey: .classification)
        plan = try container.decodeIfPresent(String.self, forKey: .plan)
        dueAt = try container.decodeIfPresent(Timestamp.self, forKey: .dueAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(commandId, forKey: .commandId)
        try container.encode(caseId, forKey: .caseId)
        try container.encode(shop, forKey: .shop)
        try container.encode(buyer, forKey: .buyer)
        try container.encode(action, forKey: .action)
        try container.encode(actor, forKey: .actor)
        try container.encode(issuedAt, forKey: .issuedAt)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(assignee, forKey: .assignee)
        try container.encodeIfPresent(escalateTo, forKey: .escalateTo)
        try container.encodeIfPresent(classification, forKey: .classification)
        try container.encodeIfPresent(plan, forKey: .plan)
        try container.encodeIfPresent(dueAt, forKey: .dueAt)
    }
}

/// The actions of case commands.
public enum CaseAction: String, Codable, Sendable, CaseIterable {
    /// The recipient acknowledges the alert and takes the case.
    case ack
    /// Hands the case to `assignee`.
    case assign
    /// Adds `note` to the timeline.
    case note
    /// Closes the case as settled with the customer.
    case resolve
    /// Records that the customer took the complaint to `escalateTo`.
    case escalate
    /// Puts the case down to `classification`, which decides responsibility.
    case classify
    /// Records the case review (复盘) in `note`.
    case review
    /// The vendor submits a rectification plan (`plan`, due at `dueAt`).
    case rectify
    /// The brand manager accepts the rectification plan.
    case acceptPlan = "accept-plan"
    /// The brand manager rejects the rectification plan, with the reason in `note`.
    case rejectPlan = "reject-plan"
}

/// The places beyond the chat that a case can be escalated to.
public enum EscalationTarget: String, Codable, Sendable, CaseIterable {
    /// The e-commerce platform's complaint process.
    case platform
    /// A regulator: 12315, the market regulator or a consumer association.
    case regulator
}

/// The cause a case is put down to.
public enum CaseCause: String, Codable, Sendable, CaseIterable {
    /// The agent handled the customer unprofessionally.
    case unprofessional
    /// The agent or team did not follow the agreed process.
    case processNotFollowed = "process-not-followed"
    /// Replies came too late.
    case slowResponse = "slow-response"
    /// The product itself.
    case product
    /// Delivery or returns.
    case logistics
    /// Any other cause.
    case other

    /// True for the causes that make the agent primarily, and the supervisor
    /// and manager jointly, responsible for a case that reached a regulator.
    public var isHumanCause: Bool {
        switch self {
        case .unprofessional, .processNotFollowed, .slowResponse: true
        case .product, .logistics, .other: false
        }
    }
}
