import Foundation

/// A conversation's replies and whether it led to an order.
public struct ConversationFact: Codable, Sendable, Hashable {
    public var lastMessageAt: Timestamp
    /// The wait of every answered round, in order, in whole seconds and not yet capped.
    /// A round opens with a customer message while no round is open and
    /// closes with the next agent message; system messages count for neither.
    public var responseSeconds: [Int]
    /// 1 when the last round has no agent reply yet, else 0.
    public var unansweredRounds: Int
    /// The order of the same buyer in the same shop, paid from the conversation's
    /// first message until `conversionHours` after its last, that converts it; the earliest such.
    public var convertingOrder: String?

    public init(lastMessageAt: Timestamp, responseSeconds: [Int], unansweredRounds: Int, convertingOrder: String?) {
        self.lastMessageAt = lastMessageAt
        self.responseSeconds = responseSeconds
        self.unansweredRounds = unansweredRounds
        self.convertingOrder = convertingOrder
    }
}

/// A raised alert: keyword alerts by category, and reply timeouts.
public struct AlertFact: Codable, Sendable, Hashable {
    public var kind: AlertKind
    public var category: RiskCategory

    public init(kind: AlertKind, category: RiskCategory) {
        self.kind = kind
        self.category = category
    }
}

/// A case as its timeline is so far: acknowledgement, escalation, cause,
/// responsibility and rectification.
public struct CaseFact: Codable, Sendable, Hashable {
    public var severity: Severity?
    /// From opening to the first acknowledgement, in whole seconds.
    public var acknowledgeSeconds: Int?
    /// True once a complaint or a command took the case to the platform or a regulator.
    public var escalated: Bool
    public var reachedRegulator: Bool
    public var cause: CaseCause?
    public var responsibilities: [CaseResponsibility]
    public var rectification: RectificationStatus?
    /// True when the plan was accepted and the case has no rectification_overdue entry.
    public var rectificationOnTime: Bool

    public init(severity: Severity?, acknowledgeSeconds: Int?, escalated: Bool, reachedRegulator: Bool,
                cause: CaseCause?, responsibilities: [CaseResponsibility], rectification: RectificationStatus?,
                rectificationOnTime: Bool) {
        self.severity = severity
        self.acknowledgeSeconds = acknowledgeSeconds
        self.escalated = escalated
        self.reachedRegulator = reachedRegulator
        self.cause = cause
        self.responsibilities = responsibilities
        self.rectification = rectification
        self.rectificationOnTime = rectificationOnTime
    }
}

/// A filed complaint.
public struct ComplaintFact: Codable, Sendable, Hashable {
    public var channel: ComplaintChannel

    public init(channel: ComplaintChannel) {
        self.channel = channel
    }
}

/// A paid order.
public struct OrderFact: Codable, Sendable, Hashable {
    public var orderId: String
    public var amount: Decimal
    public var currency: String
    public var campaign: String?

    public init(orderId: String, amount: Decimal, currency: String, campaign: String?) {
        self.orderId = orderId
        self.amount = amount
        self.currency = currency
        self.campaign = campaign
    }
}
