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
    public let caseCommands: TopicSpec
    public let scoringFacts: TopicSpec
    public let scores: TopicSpec
    public let deadLetters: TopicSpec
    public let rules: TopicSpec
    public let rawMessages: TopicSpec
    public let rawRoster: TopicSpec
    public let rawComplaints: TopicSpec
    public let rawOrders: TopicSpec

    public init(prefix: String = TopicCatalogue.defaultPrefix) {
        self.prefix = prefix
        let week: Int64 = 7 * 24 * 3_600_000
        func topic(_ baseName: String, _ key: TopicKey, _ partitions: Int32, _ cleanup: CleanupPolicy,
                   retention: Int64?, schema: String, summary: LocalizedText,
                   producers: [String], consumers: [String]) -> TopicSpec {
            TopicSpec(baseName: baseName, name: prefix + baseName, key: key, partitions: partitions,
                      cleanupPolicy: cleanup, retentionMilliseconds: retention, schemaName: schema,
                      summary: summary, producers: producers, consumers: consumers)
        }

        chatMessages = topic(
            "chat.messages", .thread, Self.threadPartitions, .delete, retention: 30 * week,
            schema: ChatMessage.schemaName, summary: LocalizedText(chinese: "各站点的聊天消息，同一会话线程内按时间顺序。",
                                 english: "Chat messages from every site, in time order per thread."),
            producers: ["vigil-ingest"], consumers: ["vigil-alerting", "vigil-escalation", "vigil-scoring"])
        roster = topic(
            "roster", .person, 1, .compact, retention: nil,
            schema: RosterPerson.schemaName, summary: LocalizedText(chinese: "组织架构：客服、主管、项目经理、品牌客服经理。",
                                 english: "The organisation: agents, supervisors, managers, brand manager."),
            producers: ["vigil-ingest"], consumers: ["vigil-alerting", "vigil-escalation", "vigil-scoring", "vigil-console", "vigil scores"])
        complaints = topic(
            "complaints", .thread, Self.threadPartitions, .delete, retention: 104 * week,
            schema: Complaint.schemaName, summary: LocalizedText(chinese: "向平台或监管部门提出的投诉。",
                                 english: "Complaints filed with the platform or a regulator."),
            producers: ["vigil-ingest"], consumers: ["vigil-escalation", "vigil-scoring"])
        orders = topic(
            "orders", .thread, Self.threadPartitions, .delete, retention: 30 * week,
            schema: Order.schemaName, summary: LocalizedText(chinese: "已支付订单，归属到客服。",
                                 english: "Paid orders attributed to agents."),
            producers: ["vigil-ingest"], consumers: ["vigil-scoring"])
        alerts = topic(
            "alerts", .thread, Self.threadPartitions, .delete, retention: 104 * week,
            schema: Alert.schemaName, summary: LocalizedText(chinese: "预警事件（提出、重复、升级、提醒、关闭），发给跟进人。",
                                 english: "Alert events (raised, repeated, escalated, reminded, closed) for the people who follow up."),
            producers: ["vigil-alerting"],
            consumers: ["vigil-escalation", "vigil-scoring", "vigil-notify", "vigil-console", "vigil tail alerts"])
        caseEvents = topic(
            "case.events", .thread, Self.threadPartitions, .delete, retention: 104 * week,
            schema: CaseEvent.schemaName, summary: LocalizedText(chinese: "案件时间线：立案、预警和投诉、操作、期限、问责和整改。",
                                 english: "Case timelines: opening, alerts and complaints, actions, deadlines, accountability."),
            producers: ["vigil-escalation"],
            consumers: ["vigil-scoring", "vigil-console", "vigil case show/list", "vigil report escalations"])
        caseCommands = topic(
            "case.commands", .thread, Self.threadPartitions, .delete, retention: 104 * week,
            schema: CaseCommand.schemaName, summary: LocalizedText(chinese: "对案件的操作命令（确认、备注、结案、复盘、整改等），带操作人。",
                                 english: "Commands on cases (ack, note, resolve, review, rectify …) with the actor."),
            producers: ["vigil case", "vigil-console"], consumers: ["vigil-escalation"])
        scoringFacts = topic(
            "scoring.facts", .subject, Self.threadPartitions, .delete, retention: 30 * week,
            schema: ScoringFact.schemaName, summary: LocalizedText(
                chinese: "考核的重分区主题：每条会话、预警、案件、投诉、订单按考核对象（客服、班组、外包商、站点、店铺）重新分键。",
                english: "Scoring's repartition topic: each conversation, alert, case, complaint and order re-keyed "
                    + "by the subject it counts for (agent, team, vendor, site, shop)."),
            producers: ["vigil-scoring (facts)"], consumers: ["vigil-scoring (totals)"])
        scores = topic(
            "scores", .subjectPeriod, 6, .compact, retention: nil,
            schema: Score.schemaName, summary: LocalizedText(
                chinese: "每个考核对象每日、周、月和大促窗口的指标与评分卡得分，每个键保留最新一条。",
                english: "Measures and scorecard results per subject and day, week, month and campaign window, "
                    + "latest per key."),
            producers: ["vigil-scoring (totals)"],
            consumers: ["vigil-console", "vigil scores", "vigil summary", "vigil report scores"])
        deadLetters = topic(
            "dead-letters", .sourceKey, 3, .delete, retention: 30 * week,
            schema: DeadLetter.schemaName, summary: LocalizedText(chinese: "被拒收的记录及原因。",
                                 english: "Rejected records with the reason."),
            producers: ["vigil-ingest", "vigil-alerting", "vigil-escalation", "vigil-scoring"],
            consumers: ["vigil dead-letters"])

        rules = topic(
            "rules", .ruleSet, 1, .compact, retention: nil,
            schema: RuleSetRelease.schemaName, summary: LocalizedText(chinese: "已发布的预警规则文件，只保留最新版本。",
                                 english: "Published rules files; the latest release is in force."),
            producers: ["vigil rules push"], consumers: ["vigil-alerting"])

        // Raw topics: site systems that already run Kafka producers write
        // interchange JSON here, and ingestion validates it like any input.
        func raw(_ kind: String, schema: String, chinese: String, english: String) -> TopicSpec {
            topic("raw.\(kind)", .producerChosen, 6, .delete, retention: week, schema: schema,
                  summary: LocalizedText(chinese: chinese, english: english),
                  producers: ["site systems"], consumers: ["vigil-ingest raw"])
        }
        rawMessages = raw("messages", schema: ChatMessage.schemaName,
                          chinese: "站点自有生产者写入的聊天消息（交换格式），待接入服务校验。",
                          english: "Chat messages in the interchange format from sites' own producers, before validation.")
        rawRoster = raw("roster", schema: RosterPerson.schemaName,
                        chinese: "站点自有生产者写入的花名册记录，待校验。",
                        english: "Roster records from sites' own producers, before validation.")
        rawComplaints = raw("complaints", schema: Complaint.schemaName,
                            chinese: "品牌方系统写入的投诉记录，待校验。",
                            english: "Complaints from the brand's own producers, before validation.")
        rawOrders = raw("orders", schema: Order.schemaName,
                        chinese: "站点或品牌方系统写入的订单记录，待校验。",
                        english: "Orders from sites' or the brand's own producers, before validation.")
    }

    /// All topics, in the order the docs list them.
    public var all: [TopicSpec] {
        [chatMessages, roster, complaints, orders, rules, alerts, caseEvents, caseCommands, scoringFacts, scores,
         deadLetters] + raw
    }

    /// The thread-keyed topics that receive ingestion's watermarks in every
    /// partition: the three it writes, and case.commands, so that a command's
    /// place among the watermark rounds is a position in its log.
    public var watermarked: [TopicSpec] {
        [chatMessages, complaints, orders, caseCommands]
    }

    /// Every topic that contains watermark records besides its events: the
    /// ``watermarked`` topics, and the alerts topic, where vigil-alerting
    /// forwards each chat.messages watermark after the alerts it made due.
    public var carryingWatermarks: [TopicSpec] {
        watermarked + [alerts]
    }

    /// The raw topics: messages, roster, complaints, orders, in that order.
    public var raw: [TopicSpec] {
        [rawMessages, rawRoster, rawComplaints, rawOrders]
    }

    /// Returns the topic with this full name, if the catalogue has it.
    public func topic(named name: String) -> TopicSpec? {
        all.first { $0.name == name }
    }
}
