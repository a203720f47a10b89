// MARK: - Subject and period nodes

extension ScoreSubject {
    /// Returns the schema node of a subject, shared by scores and scoring facts.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("kind", .enumeration(ScoreSubjectKind.self, LocalizedText(
                chinese: "考核对象的层级：agent 客服、team 班组、vendor 外包商、site 站点、shop 店铺。",
                english: "The level the subject is at: agent, team, vendor, site or shop."))),
            .required("id", .string(LocalizedText(
                chinese: "考核对象的 ID：客服或班组的花名册 ID（\"A-hz-a01\"、\"T-hz-a\"）、外包商 ID（\"V-DEMO\"）、"
                    + "站点 ID（\"hz\"）或店铺 ID（\"shop-demo-tmall\"）。",
                english: "The subject's id: the roster id of the agent or team (\"A-hz-a01\", \"T-hz-a\"), the vendor id "
                    + "(\"V-DEMO\"), the site id (\"hz\") or the shop id (\"shop-demo-tmall\")."))),
        ], meaning)
    }
}

extension ScorePeriod {
    /// Returns the schema node of a score's period.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("kind", .enumeration(ScorePeriodKind.self, LocalizedText(
                chinese: "周期类型：day 自然日、week ISO 周（周一至周日）、month 自然月、campaign 评分卡中定义的大促窗口。",
                english: "The period's kind: day, week (an ISO week, Monday to Sunday), month, or campaign "
                    + "(a sales campaign window defined in the scorecard)."))),
            .required("start", .string(LocalizedText(
                chinese: "周期第一天（\"2026-11-11\"），按评分卡的时区（默认 +08:00）计：当天、该周的周一、当月 1 日，"
                    + "或大促窗口开始的那一天。",
                english: "The period's first day (\"2026-11-11\") in the scorecard's time zone (+08:00 by default): "
                    + "the day itself, the Monday of the week, the first of the month, or the day the campaign "
                    + "window opens."))),
            .optional("campaign", .string(LocalizedText(
                chinese: "大促在评分卡中的 ID（\"2026-double11\"），只在 kind 为 campaign 时出现。记录键用它代替 start，"
                    + "所以更正窗口日期后键不变。",
                english: "The campaign's id in the scorecard (\"2026-double11\"), present only when kind is campaign. "
                    + "The record key uses it in place of start, so the key stays the same when the window's dates "
                    + "are corrected."))),
        ], meaning)
    }
}
