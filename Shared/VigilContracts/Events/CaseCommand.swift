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
    /// The review's breakdown of the handling, one step per entry.
    public var steps: [String]?
    /// The training actions the review decided.
    public var trainingActions: [String]?

    public init(commandId: String, caseId: String, shop: String, buyer: String, action: CaseAction, actor: String,
                issuedAt: Timestamp, note: String? = nil, assignee: String? = nil, escalateTo: EscalationTarget? = nil,
                classification: CaseCause? = nil, plan: String? = nil, dueAt: Timestamp? = nil,
                steps: [String]? = nil, trainingActions: [String]? = nil) {
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
        self.steps = steps
        self.trainingActions = trainingActions
    }

    /// `case-command/<commandId>`.
    public var eventId: String { "case-command/\(commandId)" }
    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { issuedAt }

    /// The reason the command cannot be applied, in English for a dead letter,
    /// or nil when the action has the arguments it needs.
    ///
    /// `assign` needs `assignee`, `note` needs `note`, `review` needs `note`
    /// for the summary and at least one entry in `steps`, `escalate`
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
        case .note, .rejectPlan:
            missing = note == nil ? ["note"] : []
        case .review:
            missing = (note == nil ? ["note"] : []) + ((steps ?? []).isEmpty ? ["steps"] : [])
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
             escalateTo, classification, plan, dueAt, steps, trainingActions
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
        steps = try container.decodeIfPresent([String].self, forKey: .steps)
        trainingActions = try container.decodeIfPresent([String].self, forKey: .trainingActions)
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
        try container.encodeIfPresent(steps, forKey: .steps)
        try container.encodeIfPresent(trainingActions, forKey: .trainingActions)
    }
}
