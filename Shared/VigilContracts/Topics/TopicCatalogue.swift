/// Every topic Vigil uses, under one name prefix.
///
/// Topics are created from this catalogue, never by auto-creation: the
/// embedded broker creates them when it starts and `vigil topics create`
/// creates them on Apache Kafka through the admin API. Services check at start
/// that their topics exist.
public struct TopicCatalogue: Sendable {
    /// The default name prefix.
    public static let defaultPrefix = "vigil."

    /// The partition count shared by all thread-keyed topics; they must be
    /// equal so that one thread lands in the same partition number of each.
    public static let threadPartitions: Int32 = 12

    public let prefix: String

    public let chatMessages: TopicSpec
    public let roster: TopicSpec
    public let complaints: TopicSpec
    public let orders: TopicSpec
    public let alerts: TopicSpec
    public let caseEvents: TopicSpec
    public let scores: TopicSpec
    public let deadLetters: TopicSpec

    public init(prefix: String = TopicCatalogue.defaultPrefix) {
        self.prefix = prefix
        let week: Int64 = 7 * 24 * 3_600_000
        func topic(_ baseName: String, _ key: TopicKey, _ partitions: Int32, _ cleanup: CleanupPolicy,
                   retention: Int64?, schema: String, summary: String,
                   producers: [String], consumers: [String]) -> TopicSpec {
            TopicSpec(baseName: baseName, name: prefix + baseName, key: key, partitions: partitions,
                      cleanupPolicy: cleanup, retentionMilliseconds: retention, schemaName: schema,
                      summary: summary, producers: producers, consumers: consumers)
        }

        chatMessages = topic(
            "chat.messages", .thread, Self.threadPartitions, .delete, retention: 30 * week,
            schema: ChatMessage.schemaName, summary: "Chat messages from every site, in time order per thread.",
            producers: ["vigil-ingest"], consumers: ["vigil-alerting", "vigil-scoring"])
        roster = topic(
            "roster", .person, 1, .compact, retention: nil,
            schema: RosterPerson.schemaName, summary: "The organisation: agents, supervisors, managers, brand manager.",
            producers: ["vigil-ingest"], consumers: ["vigil-alerting", "vigil scores"])
        complaints = topic(
            "complaints", .thread, Self.threadPartitions, .delete, retention: 104 * week,
            schema: Complaint.schemaName, summary: "Complaints filed with the platform or a regulator.",
            producers: ["vigil-ingest"], consumers: ["vigil-escalation", "vigil-scoring"])
        orders = topic(
            "orders", .thread, Self.threadPartitions, .delete, retention: 30 * week,
            schema: Order.schemaName, summary: "Paid orders attributed to agents.",
            producers: ["vigil-ingest"], consumers: [])
        alerts = topic(
            "alerts", .thread, Self.threadPartitions, .delete, retention: 104 * week,
            schema: Alert.schemaName, summary: "High-risk alerts addressed to supervisors.",
            producers: ["vigil-alerting"], consumers: ["vigil-escalation", "vigil-scoring", "vigil alerts watch"])
        caseEvents = topic(
            "case.events", .thread, Self.threadPartitions, .delete, retention: 104 * week,
            schema: CaseEvent.schemaName, summary: "Case timelines: opened, alerts and complaints linked.",
            producers: ["vigil-escalation"], consumers: ["vigil-scoring", "vigil cases list"])
        scores = topic(
            "scores", .subjectPeriod, 6, .compact, retention: nil,
            schema: Score.schemaName, summary: "Per-agent figures per day, latest per key.",
            producers: ["vigil-scoring"], consumers: ["vigil scores", "vigil summary"])
        deadLetters = topic(
            "dead-letters", .sourceKey, 3, .delete, retention: 30 * week,
            schema: DeadLetter.schemaName, summary: "Rejected records with the reason.",
            producers: ["vigil-ingest", "vigil-alerting", "vigil-escalation", "vigil-scoring"],
            consumers: ["vigil dead-letters"])
    }

    /// All topics, in the order the docs list them.
    public var all: [TopicSpec] {
        [chatMessages, roster, complaints, orders, alerts, caseEvents, scores, deadLetters]
    }

    /// Returns the topic with this full name, if the catalogue has it.
    public func topic(named name: String) -> TopicSpec? {
        all.first { $0.name == name }
    }
}
