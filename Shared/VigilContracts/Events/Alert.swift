/// A high-risk alert about one customer message, addressed to the person who must follow it up.
public struct Alert: VigilEvent {
    public static let schemaName = "alert"
    public static let schemaVersion = 1

    /// `alert/<message event id>`: at most one alert per message.
    public var eventId: String
    public var schemaVersion: Int
    public var kind: AlertKind
    public var category: RiskCategory
    public var severity: Severity
    /// The words that matched, in the order they first occur in the text.
    public var matchedTerms: [String]
    /// The version of the rules that raised the alert.
    public var ruleVersion: String
    public var shop: String
    public var buyer: String
    public var site: String
    public var conversationId: String
    public var messageId: String
    /// The agent handling the conversation.
    public var agent: String
    /// The agent's team, from the roster; nil when the roster does not know the agent.
    public var team: String?
    /// The person who must follow up: the team's supervisor, or the brand manager when
    /// the roster has no supervisor for the agent.
    public var recipient: AlertRecipient?
    /// The event time of the message, never the time the alert was computed.
    public var raisedAt: Timestamp
    /// The part of the message around the first match.
    public var snippet: String
    /// The notification text for the recipient.
    public var text: LocalizedText

    public init(eventId: String, kind: AlertKind, category: RiskCategory, severity: Severity,
                matchedTerms: [String], ruleVersion: String, shop: String, buyer: String, site: String,
                conversationId: String, messageId: String, agent: String, team: String?,
                recipient: AlertRecipient?, raisedAt: Timestamp, snippet: String, text: LocalizedText) {
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
    }

    public var thread: ThreadKey { ThreadKey(shop: shop, buyer: buyer) }
    public var recordKey: String? { thread.recordKey }
    public var eventTime: Timestamp { raisedAt }
}

/// The kinds of alert trigger.
public enum AlertKind: String, Codable, Sendable, CaseIterable {
    /// Risk words in a customer message.
    case keyword
}

/// The risk a message carries, most severe first.
public enum RiskCategory: String, Codable, Sendable, CaseIterable, Comparable {
    /// A regulator: 工商, 12315, 消协 and the like.
    case regulator
    /// A complaint or report: 投诉, 举报.
    case complaint

    public static func < (lhs: RiskCategory, rhs: RiskCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The urgency with which an alert must be acknowledged.
public enum Severity: String, Codable, Sendable, CaseIterable {
    case critical
    case high
    case medium
    case low
}

/// The person an alert or notification is addressed to.
public struct AlertRecipient: Codable, Sendable, Hashable {
    public var personId: String
    public var name: String
    public var role: RosterRole

    public init(personId: String, name: String, role: RosterRole) {
        self.personId = personId
        self.name = name
        self.role = role
    }
}
