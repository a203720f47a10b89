extension Score: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`score/<记录键>/<各项数值的哈希>`。",
                english: "`score/<record key>/<hash of the figures>`.")),
            .schemaVersion(schemaVersion),
            .required("subject", .object([
                .required("kind", .enumeration(ScoreSubjectKind.self, LocalizedText(
                    chinese: "考核对象的层级；目前只有 agent（客服）。",
                    english: "The level the score is kept at; agent for now."))),
                .required("id", .string(LocalizedText(
                    chinese: "考核对象的 ID，如客服的花名册 ID。",
                    english: "The subject's id, such as the agent's roster id."))),
            ], LocalizedText(
                chinese: "考核对象。",
                english: "Who the score is about."))),
            .required("period", .object([
                .required("kind", .enumeration(ScorePeriodKind.self, LocalizedText(
                    chinese: "周期长度；目前只有 day（自然日）。",
                    english: "The period's length; day for now."))),
                .required("start", .string(LocalizedText(
                    chinese: "周期第一天（\"2026-11-11\"），按考核时区（默认 +08:00）计。",
                    english: "The first day of the period (\"2026-11-11\") in the scoring time zone (+08:00 by default)."))),
            ], LocalizedText(
                chinese: "考核时区里的一个自然周期。",
                english: "A calendar period in the scoring time zone."))),
            .required("figures", .object([
                .required("conversations", .integer(LocalizedText(
                    chinese: "首条消息落在该周期内的会话数。",
                    english: "Conversations whose first message falls in the period."))),
                .required("firstResponses", .integer(LocalizedText(
                    chinese: "客服回复了顾客消息的会话数。",
                    english: "Conversations in which the agent replied to a customer message."))),
                .required("firstResponseSecondsTotal", .integer(LocalizedText(
                    chinese: "这些会话首次响应时间之和（秒）；除以 firstResponses 得平均值。",
                    english: "The sum of first response times, in seconds, over firstResponses; "
                        + "divide by firstResponses for the mean."))),
                .required("alerts", .integer(LocalizedText(
                    chinese: "该周期内该客服会话上的预警数。",
                    english: "Alerts raised in the period on the agent's conversations."))),
                .required("cases", .integer(LocalizedText(
                    chinese: "该周期内该客服会话上新立的案件数。",
                    english: "Cases opened in the period on the agent's conversations."))),
                .required("complaints", .integer(LocalizedText(
                    chinese: "该周期内针对该客服会话的投诉数。",
                    english: "Complaints filed in the period about the agent's conversations."))),
            ], LocalizedText(
                chinese: "各项数值。",
                english: "The measured figures."))),
            .required("asOf", .timestamp(LocalizedText(
                chinese: "这些数值所含输入中最晚的事件时间。",
                english: "The latest event time among the inputs the figures include."))),
        ], LocalizedText(
            chinese: "某考核对象在某周期、截至目前已见输入的各项数值。scores 主题按 `<对象类型>/<ID>/<周期类型>/<周期起始日>` 压缩，"
                + "每个键最新的记录即当前数值。",
            english: "The figures of one subject for one period, as they are after the inputs seen so far. The scores "
                + "topic is compacted by `<kind>/<id>/<period kind>/<period start>`, so its latest record per key "
                + "holds the current figures."))
    }

    public static var example: Score {
        Score(subject: ScoreSubject(kind: .agent, id: "A-hz-a01"), period: ScorePeriod(kind: .day, start: "2026-11-11"),
              figures: ScoreFigures(conversations: 12, firstResponses: 10, firstResponseSecondsTotal: 305,
                                    alerts: 1, cases: 1, complaints: 0),
              asOf: .example("2026-11-11T23:59:00+08:00"))
        // TODO: an example with every optional field set (in progress).
    }
}
