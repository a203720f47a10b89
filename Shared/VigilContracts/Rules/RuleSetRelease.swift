/// One published version of the brand's rules file, as `vigil rules push` sent it.
///
/// The whole file travels in one record, so an alerting instance switches
/// from one version to the next in one step and never runs a mix of two
/// versions. The rules topic is compacted under the single key
/// ``recordKey``, so the latest release is the one in force. `rules` is the
/// file's text as written; docs/RULES.md defines its format, and consumers
/// validate it again before they use it.
public struct RuleSetRelease: VigilEvent {
    public static let schemaName = "rule-set-release"
    public static let schemaVersion = 1

    /// The key every release is written under.
    public static let key = "rule-set"

    public var schemaVersion: Int
    /// The version the file gives itself ("2026.12.2"); each alert records it.
    public var version: String
    /// The rules file as UTF-8 text.
    public var rules: String
    /// The number of rules in the file, for people reading the topic.
    public var ruleCount: Int
    /// When the release was pushed; the event time.
    public var publishedAt: Timestamp
    /// The person who pushed the release: a roster id or an operator's login name.
    public var publishedBy: String?

    public init(version: String, rules: String, ruleCount: Int, publishedAt: Timestamp, publishedBy: String? = nil) {
        self.schemaVersion = Self.schemaVersion
        self.version = version
        self.rules = rules
        self.ruleCount = ruleCount
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
    }

    /// `rule-set/<version>/<hash of the file text>`: pushing the same file
    /// twice is a duplicate, while an edit under the same version is a new event.
    public var eventId: String {
        "rule-set/\(version)/\(StableHash.hex(rules))"
    }

    public var recordKey: String? { Self.key }
    public var eventTime: Timestamp { publishedAt }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, version, rules, ruleCount, publishedAt, publishedBy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        version = try container.decode(String.self, forKey: .version)
        rules = try container.decode(String.self, forKey: .rules)
        ruleCount = try container.decode(Int.self, forKey: .ruleCount)
        publishedAt = try container.decode(Timestamp.self, forKey: .publishedAt)
        publishedBy = try container.decodeIfPresent(String.self, forKey: .publishedBy)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(version, forKey: .version)
        try container.encode(rules, forKey: .rules)
        try container.encode(ruleCount, forKey: .ruleCount)
        try container.encode(publishedAt, forKey: .publishedAt)
        try container.encodeIfPresent(publishedBy, forKey: .publishedBy)
    }
}
