import Foundation

extension Score: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`score/<记录键>/<内容的哈希>`；内容为各项数值、评分卡结果和大促排名。",
                english: "`score/<record key>/<hash of the content>`, the content being the figures, the scorecard "
                    + "result and the campaign standing.")),
            .schemaVersion(schemaVersion),
            .required("subject", ScoreSubject.schema(LocalizedText(
                chinese: "考核对象。",
                english: "Who or what the score is about."))),
            .required("period", ScorePeriod.schema(LocalizedText(
                chinese: "评分卡时区里的一个自然周期或大促窗口。",
                english: "A calendar period or campaign window in the scorecard's time zone."))),
            .required("figures", ScoreFigures.schema(LocalizedText(
                chinese: "各项指标。等待时间以整秒计，先按评分卡的 responseCapSeconds（默认 600）封顶，"
                    + "再计入中位数、百分位数、总和与分布区间。",
                english: "The measures. Waits are whole seconds, capped at the scorecard's responseCapSeconds "
                    + "(600 by default) before they enter a median, a percentile, a total or a bucket."))),
            .optional("scorecard", ScorecardResult.schema(LocalizedText(
                chinese: "评分卡对各项指标的评分：总分及每一项的得分。没有适用的评分卡时不写。",
                english: "The scorecard's verdict on the figures: the total and each item's points. Left out "
                    + "when no scorecard applies."))),
            .optional("campaign", CampaignStanding.schema(LocalizedText(
                chinese: "班组在大促窗口中的销售额、目标和客服排行榜，只出现在 team 对象的 campaign 周期上。",
                english: "The team's sales, target and seller leaderboard in a campaign window, present only for "
                    + "a team subject in a campaign period."))),
            .required("asOf", .timestamp(LocalizedText(
                chinese: "这些数值所含输入中最晚的事件时间。",
                english: "The latest event time among the inputs the figures include."))),
        ], LocalizedText(
            chinese: "某考核对象（客服、班组、外包商、站点或店铺）在某周期（日、周、月或大促窗口）、截至目前已见输入的各项指标"
                + "和评分卡得分。scores 主题按 `<对象类型>/<ID>/<周期键>` 压缩，周期键为 `<周期类型>/<起始日>`，"
                + "大促窗口为 `campaign/<大促 ID>`；每个键最新的记录即当前得分。",
            english: "The measures and scorecard result of one subject (an agent, team, vendor, site or shop) for "
                + "one period (a day, week, month or campaign window), as they are after the inputs seen so far. "
                + "The scores topic is compacted by `<kind>/<id>/<period key>`, where the period key is "
                + "`<period kind>/<start>`, or `campaign/<campaign id>` for a campaign window, so its latest record "
                + "per key holds the current score."))
    }

    /// A team's score for a campaign window, with every optional field set.
    public static var example: Score {
        Score(subject: ScoreSubject(kind: .team, id: "T-hz-a"),
              period: ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: "2026-double11"),
              figures: exampleFigures, scorecard: exampleScorecard, campaign: exampleStanding,
              asOf: .example("2026-11-11T23:58:41+08:00"))
    }

    // MARK: - Example parts

    /// 1,500 answered rounds, 1,425 of them within 180 seconds.
    private static var exampleFigures: ScoreFigures {
        ScoreFigures(conversations: 400, firstResponses: 396, firstResponseSecondsTotal: 8_514,
                     firstResponseMedianSeconds: 15, firstResponseP90Seconds: 41,
                     rounds: 1_500, responseMedianSeconds: 18.5, responseP90Seconds: 96,
                     repliesWithinLimit: 1_425, slowReplies: 75, unansweredRounds: 4,
                     responseTimeBuckets: [600, 410, 230, 120, 65, 45, 30, 0],
                     alerts: 8, alertsByCategory: ["complaint": 5, "escalation": 2, "regulator": 1], replyTimeouts: 5,
                     cases: 3, acknowledgedCases: 3, acknowledgeMedianSeconds: 420,
                     escalations: 1, complaints: 2, regulatorComplaints: 1,
                     regulatorHumanCauseCases: 1, primaryResponsibilities: 1, jointResponsibilities: 1,
                     rectificationsDue: 1, rectificationsOnTime: 1,
                     orders: 96, sales: Decimal(string: "45210.5") ?? 0, currency: "CNY", convertedConversations: 88)
    }

    /// Items whose weights add up to 100. The regulator case with a human
    /// cause fails the critical item, which sets the total and every
    /// contribution to 0 while the points stay.
    private static var exampleScorecard: ScorecardResult {
        ScorecardResult(
            version: "2026.12-1", total: 0, zeroedBy: ["regulator-human-cause"],
            items: [
                ScoreItemResult(id: "first-response", measure: "firstResponseMedianSeconds", value: 15, weight: 20,
                                points: 20, contribution: 0),
                ScoreItemResult(id: "replies-within-limit", measure: "repliesWithinLimitShare", value: 0.95,
                                weight: 25, points: 20.83, contribution: 0),
                ScoreItemResult(id: "alert-rate", measure: "alertsPer100Conversations", value: 2, weight: 20,
                                points: 12, contribution: 0),
                ScoreItemResult(id: "case-acknowledge", measure: "acknowledgeMedianSeconds", value: 420, weight: 15,
                                points: 13.8, contribution: 0),
                ScoreItemResult(id: "conversion", measure: "conversionRate", value: 0.22, weight: 20,
                                points: 12, contribution: 0),
            ],
            critical: [
                CriticalItemResult(id: "regulator-human-cause", measure: "regulatorHumanCauseCases", value: 1,
                                   maximum: 0, failed: true),
            ])
    }

    /// Four sellers with 84 orders, and 12 orders without an agent make up the
    /// rest of the team's sales. The runner-up's own regulator case fails the
    /// critical item, so the reward passes to the fourth.
    private static var exampleStanding: CampaignStanding {
        CampaignStanding(
            campaign: "2026-double11", teamSales: Decimal(string: "45210.5") ?? 0, target: 30_000, targetMet: true,
            rewardTopN: 3,
            leaderboard: [
                LeaderboardEntry(rank: 1, agent: "A-hz-a03", orders: 25, sales: 12_980, rewarded: true),
                LeaderboardEntry(rank: 2, agent: "A-hz-a01", orders: 22, sales: Decimal(string: "11250.5") ?? 0,
                                 rewarded: false, failedCritical: ["regulator-human-cause"]),
                LeaderboardEntry(rank: 3, agent: "A-hz-a02", orders: 21, sales: 9_870, rewarded: true),
                LeaderboardEntry(rank: 4, agent: "A-hz-a04", orders: 16, sales: 6_540, rewarded: true),
            ])
    }
}
