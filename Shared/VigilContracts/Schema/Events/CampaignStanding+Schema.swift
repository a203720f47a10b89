// MARK: - Campaign standing node

extension CampaignStanding {
    /// Returns the schema node of a team's campaign standing and leaderboard.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("campaign", .string(LocalizedText(
                chinese: "大促在评分卡中的 ID（\"2026-double11\"）。",
                english: "The campaign's id in the scorecard (\"2026-double11\")."))),
            .required("teamSales", .number(LocalizedText(
                chinese: "班组在大促窗口内的销售额（精确十进制数，单位同 figures.currency）；订单经由客服归入班组，所以等于排行榜合计。",
                english: "The team's sales in the campaign window, an exact decimal in units of figures.currency. An "
                    + "order reaches a team through its agent, so this is the leaderboard's total."))),
            .optional("target", .number(LocalizedText(
                chinese: "评分卡为该班组设定的销售目标（精确十进制数）。没有目标时不写，此时没有人获奖。",
                english: "The team's sales target from the scorecard, an exact decimal. Left out when none is set, "
                    + "and then no one earns a reward."))),
            .required("targetMet", .boolean(LocalizedText(
                chinese: "有目标且 teamSales 不低于目标时为 true。",
                english: "True when a target is set and teamSales is at least the target."))),
            .required("rewardTopN", .integer(LocalizedText(
                chinese: "班组达成目标时获奖的人数：没有未通过一票否决项的客服中名次最前的几名。",
                english: "How many sellers earn a reward when the team met its target: the best ranked of those "
                    + "that failed no critical item."))),
            .required("leaderboard", .array(of: entrySchema, LocalizedText(
                chinese: "班组客服按名次排列：销售额高者在前，相同时按客服 ID 排序。没有归属客服的订单不上榜。",
                english: "The team's sellers in rank order: most sales first, ties by agent id. Orders attributed "
                    + "to no agent are not on the board."))),
        ], meaning)
    }

    private static var entrySchema: JSONSchema {
        .object([
            .required("rank", .integer(LocalizedText(
                chinese: "名次，第一名为 1；销售额相同的客服按 ID 依次排名。",
                english: "The rank, 1 for the top seller; equal sales get consecutive ranks by agent id."))),
            .required("agent", .string(LocalizedText(
                chinese: "客服的花名册 ID。",
                english: "The agent's roster id."))),
            .required("orders", .integer(LocalizedText(
                chinese: "该客服在窗口内的订单数。",
                english: "The agent's orders in the window."))),
            .required("sales", .number(LocalizedText(
                chinese: "该客服在窗口内的销售额（精确十进制数）。",
                english: "The agent's sales in the window, an exact decimal."))),
            .required("rewarded", .boolean(LocalizedText(
                chinese: "班组达成目标、该客服没有未通过的一票否决项，"
                    + "且在没有未通过一票否决项的客服中按名次位列前 rewardTopN 名时为 true。",
                english: "True when the team met its target, the agent failed no critical item, and the agent is "
                    + "among the first rewardTopN agents by rank that failed none."))),
            .optional("failedCritical", .array(of: .string(LocalizedText(
                chinese: "一票否决项的 ID。",
                english: "A critical item's id.")), LocalizedText(
                chinese: "该客服本人在大促窗口内的数值未通过的评分卡一票否决项 ID，按评分卡文件中的顺序；都通过时不写。"
                    + "有任何一项未通过的客服不获奖，但保留按销售额排的名次。",
                english: "The ids of the scorecard's critical items that the agent's own figures in the campaign "
                    + "window fail, in file order. Left out when all pass. An agent with any failed item earns no "
                    + "reward but keeps the sales rank."))),
        ], LocalizedText(
            chinese: "排行榜上的一名客服。",
            english: "One seller on the leaderboard."))
    }
}
