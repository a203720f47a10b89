extension RuleSetRelease: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`rule-set/<version>/<规则文件文本的哈希>`：同一文件重复发布是重复事件，同一版本号下的改动是新事件。",
                english: "`rule-set/<version>/<hash of the file text>`: pushing the same file twice is a duplicate, "
                    + "while an edit under the same version is a new event.")),
            .schemaVersion(schemaVersion),
            .required("version", .string(LocalizedText(
                chinese: "规则文件自带的版本号（\"2026.12.2\"），每条预警都记录它。",
                english: "The version the file gives itself (\"2026.12.2\"); each alert records it."))),
            .required("rules", .string(LocalizedText(
                chinese: "规则文件的 UTF-8 文本，格式见 docs/RULES.md；消费方使用前会再次校验。",
                english: "The rules file as UTF-8 text, in the format of docs/RULES.md; consumers validate it again "
                    + "before they use it."))),
            .required("ruleCount", .integer(LocalizedText(
                chinese: "文件中的规则条数，方便阅读主题的人。",
                english: "The number of rules in the file, for people reading the topic."))),
            .required("publishedAt", .timestamp(LocalizedText(
                chinese: "发布时间，即事件时间。",
                english: "When the release was pushed; the event time."))),
            .optional("publishedBy", .string(LocalizedText(
                chinese: "发布人：花名册 ID 或运维人员的登录名。",
                english: "Who pushed it: a roster id or an operator's login name."))),
        ], LocalizedText(
            chinese: "品牌方规则文件的一个已发布版本，由 `vigil rules push` 发出。整个文件放在一条记录里，"
                + "预警实例一步切换到新版本，不会混用两个版本。规则主题按唯一的键 `rule-set` 压缩，最新的发布即生效的规则。",
            english: "One published version of the brand's rules file, as `vigil rules push` sent it. The whole file "
                + "travels in one record, so an alerting instance switches versions in one step and never runs a mix "
                + "of two. The rules topic is compacted under the single key `rule-set`, so the latest release is the "
                + "one in force."))
    }

    public static var example: RuleSetRelease {
        RuleSetRelease(
            version: "2026.12.2",
            rules: #"{"version": "2026.12.2", "rules": [{"id": "regulator-hotline", "category": "regulator", "#
                + #""severity": "critical", "title": {"zh-CN": "提到监管投诉热线", "en": "Regulator hotline mentioned"}, "#
                + #""keywords": ["12315"]}]}"#,
            ruleCount: 1, publishedAt: .example("2026-12-05T10:00:00+08:00"), publishedBy: "B-001")
    }
}
