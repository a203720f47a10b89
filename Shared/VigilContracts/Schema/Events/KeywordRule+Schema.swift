extension KeywordRule: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`keyword-rule/<ruleId>/<不含 eventId 的规范编码的哈希>`：同一规则重复发布是重复事件，任何改动都是新事件。",
                english: "`keyword-rule/<ruleId>/<hash of the canonical encoding without eventId>`: "
                    + "the same rule published twice is a duplicate, while any change is a new event.")),
            .schemaVersion(schemaVersion),
            .required("ruleId", .string(LocalizedText(
                chinese: "规则 ID，在规则集各版本间保持不变（\"regulator-12315\"），也是记录键。",
                english: "The rule's id, stable across versions of the rule set (\"regulator-12315\"); "
                    + "also the record key."))),
            .required("ruleSetVersion", .string(LocalizedText(
                chinese: "发布该规则的规则集版本（\"2026.11.1\"）。",
                english: "The version of the rule set this rule was published in (\"2026.11.1\")."))),
            .required("category", .enumeration(RuleCategory.self, LocalizedText(
                chinese: "关键词指向的风险：监管、法律、媒体、投诉，或要求升级处理。",
                english: "What the words point to: a regulator, legal action, the media, a complaint, "
                    + "or a demand to escalate."))),
            .required("severity", .enumeration(RuleSeverity.self, LocalizedText(
                chinese: "该规则所触发预警的紧急程度。",
                english: "The urgency of the alerts the rule raises."))),
            .required("keywords", .array(of: .string(LocalizedText(chinese: "一个词。", english: "One term.")),
                                         LocalizedText(
                chinese: "字面关键词；消息包含其中任意一个即命中。",
                english: "Literal terms; a message that contains any of them matches."))),
            .optional("pattern", .string(LocalizedText(
                chinese: "同样会命中的正则表达式，用于关键词未列出的写法。",
                english: "A regular expression that also matches, for spellings the terms do not list."))),
            .optional("exclusion", .string(LocalizedText(
                chinese: "排除用的正则表达式：消息匹配它时不触发该规则。",
                english: "A regular expression; a message it matches does not trigger the rule."))),
            .required("speaker", .enumeration(RuleSpeaker.self, LocalizedText(
                chinese: "规则读取谁的消息：顾客、客服，或所有角色（any）。",
                english: "Whose messages the rule reads: the customer's, the agent's, or every role's (any)."))),
            .optional("negationCues", .array(of: .string(LocalizedText(chinese: "一个否定词。", english: "One cue.")),
                                             LocalizedText(
                chinese: "紧挨在关键词之前出现时取消命中的否定词（\"没有\"、\"不会\"）。",
                english: "Words that cancel a match when they come just before the term (\"没有\", \"不会\")."))),
            .optional("title", .localizedText(LocalizedText(
                chinese: "规则名称，给人看的。",
                english: "The rule's name for people."))),
            .required("publishedAt", .timestamp(LocalizedText(
                chinese: "该版本规则的发布时间，即事件时间。",
                english: "When this version of the rule was published; the event time."))),
        ], LocalizedText(
            chinese: "品牌方规则集中的一条关键词规则：哪位说话人的消息里出现哪些词，触发什么预警。"
                + "规则主题按规则 ID 压缩，每条规则最新的记录即生效的规则。删除规则是以规则 ID 为键、没有值的记录（墓碑），不是事件。"
                + "可选字段没有值时不写出。",
            english: "One keyword rule of the brand's rule set: which words in which speaker's messages raise "
                + "which alert. The rules topic is compacted by rule id, so the latest record per rule is the rule "
                + "in force. A deleted rule is a record with the rule id as key and no value (a tombstone), "
                + "not an event. Optional fields are left out when they have no value."))
    }

    public static var example: KeywordRule {
        KeywordRule(ruleId: "regulator-12315", ruleSetVersion: "2026.11.1", category: .regulator, severity: .high,
                    keywords: ["12315", "工商", "消协"], pattern: "1\\s*2\\s*3\\s*1\\s*5", exclusion: "已经?解决",
                    speaker: .customer, negationCues: ["没有", "不会"],
                    title: LocalizedText(chinese: "提到监管部门", english: "Mentions a regulator"),
                    publishedAt: .example("2026-11-01T10:00:00+08:00"))
    }
}
