/// The definition of one topic: what it holds, how it is keyed and kept.
public struct TopicSpec: Sendable, Hashable {
    /// The name without the deployment's prefix ("chat.messages").
    public var baseName: String
    /// The full name, prefix included ("vigil.chat.messages").
    public var name: String
    public var key: TopicKey
    public var partitions: Int32
    public var cleanupPolicy: CleanupPolicy
    /// How long records stay, in milliseconds; nil keeps them until compaction or forever.
    public var retentionMilliseconds: Int64?
    /// The schema of the records' values.
    public var schemaName: String
    /// A one-line description of the topic's records, for the docs and `vigil topics list`.
    public var summary: LocalizedText
    /// The executables that write to the topic.
    public var producers: [String]
    /// The executables that read it.
    public var consumers: [String]

    /// The broker settings (`cleanup.policy`, `retention.ms`) the topic is created with.
    public var configs: [String: String] {
        var configs = ["cleanup.policy": cleanupPolicy.rawValue]
        configs["retention.ms"] = retentionMilliseconds.map(String.init) ?? "-1"
        return configs
    }
}

/// The kinds of record key a topic uses.
public enum TopicKey: String, Sendable, Hashable {
    /// `shop/buyer`; see ``ThreadKey``.
    case thread
    /// A roster person's id.
    case person
    /// `<subject kind>/<id>/<period kind>/<period start or campaign id>`.
    case subjectPeriod = "subject-period"
    /// `<subject kind>/<id>`: scoring's repartition topic.
    case subject
    /// The key of the rejected record, or none.
    case sourceKey = "source-key"
    /// Whatever the site's producer chose; keying by thread keeps a thread's records in order.
    case producerChosen = "producer-chosen"
    /// The constant `rule-set`, so compaction keeps only the latest release.
    case ruleSet = "rule-set"
}

/// The broker's policy for removing old records.
public enum CleanupPolicy: String, Sendable, Hashable {
    /// Removed after the retention time.
    case delete
    /// Only the latest record per key is kept.
    case compact
}
