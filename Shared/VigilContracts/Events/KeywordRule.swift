import Foundation

/// One keyword rule of the brand's rule set: which words in which speaker's
/// messages raise which alert.
///
/// The rules topic is compacted by rule id, so its latest record per rule is
/// the rule in force. A deleted rule is a tombstone (a record with the rule id
/// as key and no value), not an event. Optional fields are left out of the JSON
/// when they have no value, so a later optional field does not change the
/// encoding, or the id, of rules that do not use it.
public struct KeywordRule: VigilEvent {
    public static let schemaName = "keyword-rule"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    /// The rule's id, stable across versions of the rule set ("regulator-12315").
    public var ruleId: String
    /// The version of the rule set this rule was published in ("2026.11.1").
    public var ruleSetVersion: String
    public var category: RuleCategory
    public var severity: RuleSeverity
    /// Literal terms; a message that contains any of them matches.
    public var keywords: [String]
    /// A regular expression that also matches, for spellings the terms do not list.
    public var pattern: String?
    /// A regular expression; a message it matches does not trigger the rule.
    public var exclusion: String?
    /// Whose messages the rule reads.
    public var speaker: RuleSpeaker
    /// Words that cancel a match when they come just before the term ("没有", "不会").
    public var negationCues: [String]?
    /// The rule's name for people.
    public var title: LocalizedText?
    /// When this version of the rule was published.
    public var publishedAt: Timestamp

    public init(ruleId: String, ruleSetVersion: String, category: RuleCategory, severity: RuleSeverity,
                keywords: [String], pattern: String? = nil, exclusion: String? = nil, speaker: RuleSpeaker,
                negationCues: [String]? = nil, title: LocalizedText? = nil, publishedAt: Timestamp) {
        self.schemaVersion = Self.schemaVersion
        self.ruleId = ruleId
        self.ruleSetVersion = ruleSetVersion
        self.category = category
        self.severity = severity
        self.keywords = keywords
        self.pattern = pattern
        self.exclusion = exclusion
        self.speaker = speaker
        self.negationCues = negationCues
        self.title = title
        self.publishedAt = publishedAt
    }

    /// `keyword-rule/<ruleId>/<hash of the encoded rule without its id>`: the
    /// same rule published twice is a duplicate, while any change is a new event.
    public var eventId: String {
        "keyword-rule/\(ruleId)/\(contentHash)"
    }

    public var recordKey: String? { ruleId }
    public var eventTime: Timestamp { publishedAt }

    /// Hashes the canonical encoding without `eventId`, so every field,
    /// including fields added later, takes part.
    private var contentHash: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[Self.omitsEventId] = true
        // NOTE: JSONEncoder fails only on a non-finite floating-point value, and no field is a floating-point
        // number. A Double field added later must never be NaN or infinite, or rules that fail to encode share one hash.
        let bytes = (try? encoder.encode(self)).map(Array.init) ?? []
        return StableHash.hex(bytes: bytes)
    }

    private static let omitsEventId = CodingUserInfoKey(rawValue: "vigil.keyword-rule.omits-event-id")!

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, ruleId, ruleSetVersion, category, severity, keywords, pattern, exclusion, speaker,
             negationCues, title, publishedAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        ruleId = try container.decode(String.self, forKey: .ruleId)
        ruleSetVersion = try container.decode(String.self, forKey: .ruleSetVersion)
        category = try container.decode(RuleCategory.self, forKey: .category)
        severity = try container.decode(RuleSeverity.self, forKey: .severity)
        keywords = try container.decode([String].self, forKey: .keywords)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        exclusion = try container.decodeIfPresent(String.self, forKey: .exclusion)
        speaker = try container.decode(RuleSpeaker.self, forKey: .speaker)
        negationCues = try container.decodeIfPresent([String].self, forKey: .negationCues)
        title = try container.decodeIfPresent(LocalizedText.self, forKey: .title)
        publishedAt = try container.decode(Timestamp.self, forKey: .publishedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if encoder.userInfo[Self.omitsEventId] as? Bool != true {
            try container.encode(eventId, forKey: .eventId)
        }
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(ruleId, forKey: .ruleId)
        try container.encode(ruleSetVersion, forKey: .ruleSetVersion)
        try container.encode(category, forKey: .category)
        try container.encode(severity, forKey: .severity)
        try container.encode(keywords, forKey: .keywords)
        try container.encodeIfPresent(pattern, forKey: .pattern)
        try container.encodeIfPresent(exclusion, forKey: .exclusion)
        try container.encode(speaker, forKey: .speaker)
        try container.encodeIfPresent(negationCues, forKey: .negationCues)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(publishedAt, forKey: .publishedAt)
    }
}

/// What a keyword rule's words point to, which decides how an alert is handled.
public enum RuleCategory: String, Codable, Sendable, CaseIterable {
    /// A regulator: 工商, 12315, 消协, 市场监管.
    case regulator
    /// Legal action: 律师, 起诉, 法院.
    case legal
    /// Public exposure: 媒体, 曝光, 微博.
    case media
    /// A complaint or report: 投诉, 举报.
    case complaint
    /// A demand to escalate inside the shop or platform: 找你们领导, 平台介入.
    case escalation
}

/// The urgency of the alerts a keyword rule raises.
public enum RuleSeverity: String, Codable, Sendable, CaseIterable {
    case high
    case medium
    case low
}

/// The messages a keyword rule reads, by who wrote them.
public enum RuleSpeaker: String, Codable, Sendable, CaseIterable {
    case customer
    case agent
    /// Messages of every role.
    case any
}
