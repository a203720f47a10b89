extension ScoringFact: SchemaPublishing {
    // TODO: describe the payload objects field by field (in progress).
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`fact/<对象键>/<事实 ID>/<修订号>`。",
                english: "`fact/<subject key>/<fact id>/<revision>`.")),
            .schemaVersion(schemaVersion),
        ], LocalizedText(
            chinese: "考核重分区主题上的一条事实。",
            english: "One fact on scoring's repartition topic."))
    }

    public static var example: ScoringFact {
        ScoringFact(
            subject: ScoreSubject(kind: .agent, id: "A-hz-a01"), factId: "conversation/shop-jd-3c/jd-0001",
            revision: 2, kind: .conversation, time: .example("2026-11-11T09:00:00+08:00"),
            attribution: FactAttribution(shop: "shop-jd-3c", site: "hz", vendor: "V-BAIXING", team: "T-hz-a",
                                         agent: "A-hz-a01"),
            conversation: ConversationFact(lastMessageAt: .example("2026-11-11T09:12:00+08:00"),
                                           responseSeconds: [12, 40, 200], unansweredRounds: 0,
                                           convertingOrder: "O-1001"))
    }
}
