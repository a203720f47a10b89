// MARK: - Figures node

extension ScoreFigures {
    /// Returns the schema node of a score's measures. Waits are whole seconds, capped
    /// at the scorecard's `responseCapSeconds` (600 by default) before they
    /// enter a median, a 90th percentile, a total or a bucket.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object(conversationProperties + alertProperties + caseProperties + salesProperties, meaning)
    }

    // MARK: - Conversations and replies

    private static var conversationProperties: [JSONSchema.Property] {
        [
            .required("conversations", .integer(LocalizedText(
                chinese: "首条消息落在该周期内的会话数（会话 = 同一店铺内同一会话 ID 的消息）。",
                english: "Conversations whose first message falls in the period. A conversation is the messages "
                    + "with one shop and conversation id."))),
            .required("firstResponses", .integer(LocalizedText(
                chinese: "其中客服回复了第一轮顾客消息的会话数。",
                english: "Of those conversations, the ones whose first round an agent answered."))),
            .required("firstResponseSecondsTotal", .integer(LocalizedText(
                chinese: "这些会话封顶后的首次响应时间之和（秒）；除以 firstResponses 得平均值。",
                english: "The sum of the capped first response times of those conversations, in seconds; divide "
                    + "by firstResponses for the mean."))),
            .optional("firstResponseMedianSeconds", .number(LocalizedText(
                chinese: "封顶后首次响应时间的中位数（秒）；个数为偶数时取中间两个值的平均。没有首次响应时不写。",
                english: "The median capped first response time in seconds, the mean of the two middle values "
                    + "for an even count. Left out without any first response."))),
            .optional("firstResponseP90Seconds", .number(LocalizedText(
                chinese: "封顶后首次响应时间的第 90 百分位数（秒），按最近秩法取第 ⌈0.9·n⌉ 个值。没有首次响应时不写。",
                english: "The 90th percentile of capped first response times in seconds, by nearest rank (the "
                    + "value at rank ⌈0.9·n⌉). Left out without any first response."))),
            .required("rounds", .integer(LocalizedText(
                chinese: "已回复的轮次数。一轮从没有未结轮次时的一条顾客消息开始，到下一条客服消息结束；系统消息（机器人、规则回复）不计入任何一方。",
                english: "Answered rounds. A round opens with a customer message while no round is open and "
                    + "closes with the next agent message; system messages (bots, rule replies) count for "
                    + "neither side."))),
            .optional("responseMedianSeconds", .number(LocalizedText(
                chinese: "所有已回复轮次封顶后等待时间的中位数（秒）。没有已回复轮次时不写。",
                english: "The median capped wait of all answered rounds, in seconds. Left out without any "
                    + "answered round."))),
            .optional("responseP90Seconds", .number(LocalizedText(
                chinese: "所有已回复轮次封顶后等待时间的第 90 百分位数（秒，最近秩法）。没有已回复轮次时不写。",
                english: "The 90th percentile of the capped waits of all answered rounds, in seconds, by nearest "
                    + "rank. Left out without any answered round."))),
            .required("repliesWithinLimit", .integer(LocalizedText(
                chinese: "未封顶等待时间不超过评分卡 replyLimitSeconds（默认 180 秒）的已回复轮次数。",
                english: "Answered rounds whose uncapped wait is at most the scorecard's replyLimitSeconds "
                    + "(180 by default)."))),
            .required("slowReplies", .integer(LocalizedText(
                chinese: "未封顶等待时间超过 replyLimitSeconds 的已回复轮次数。",
                english: "Answered rounds whose uncapped wait exceeds replyLimitSeconds."))),
            .required("unansweredRounds", .integer(LocalizedText(
                chinese: "最后一轮仍没有客服回复的会话数（每个会话最多一轮）。",
                english: "Conversations whose last round has no agent reply yet; at most one per conversation."))),
            .required("responseTimeBuckets", .array(of: .integer(LocalizedText(
                chinese: "该区间内的已回复轮次数。",
                english: "The answered rounds in that range.")), bucketsMeaning)),
        ]
    }

    /// Names the bounds from ``responseBucketBounds`` so the text follows the code.
    private static var bucketsMeaning: LocalizedText {
        let bounds = responseBucketBounds.map(String.init)
        let last = bounds.last ?? ""
        return LocalizedText(
            chinese: "按封顶后等待时间统计的已回复轮次，共 \(responseBucketBounds.count + 1) 个计数：依次为不超过 "
                + bounds.joined(separator: "、") + " 秒（每个区间都大于前一个上界）的轮次，最后一个计数是超过 \(last) 秒的轮次，"
                + "只有 responseCapSeconds 大于 \(last) 的评分卡才会让它不为 0。",
            english: "Answered rounds by capped wait, \(responseBucketBounds.count + 1) counts: waits of at most "
                + bounds.joined(separator: ", ") + " seconds, each above the previous bound, then waits above "
                + "\(last) seconds, which only a scorecard with responseCapSeconds above \(last) lets through.")
    }

    // MARK: - Alerts

    private static var alertProperties: [JSONSchema.Property] {
        // Keyword alerts carry the category of the rule that raised them.
        let categories = RuleCategory.allCases.map { "`\($0.riskCategory.rawValue)`" }
        return [
            .required("alerts", .integer(LocalizedText(
                chinese: "该周期内首次提出的关键词预警数；重复、提醒和关闭不计。",
                english: "Keyword alerts first raised in the period; repeats, reminders and closings do not count."))),
            .required("alertsByCategory", .map(of: .integer(LocalizedText(
                chinese: "该风险类别的关键词预警数。",
                english: "The keyword alerts of that category.")), LocalizedText(
                chinese: "按风险类别统计的关键词预警：键是预警的 category（" + categories.joined(separator: "、")
                    + "），值是预警数；没有的类别不出现，即为 0。",
                english: "Keyword alerts by risk category: each key is an alert category ("
                    + categories.joined(separator: ", ") + "), each value the count. A category without "
                    + "alerts is left out, which means zero."))),
            .required("replyTimeouts", .integer(LocalizedText(
                chinese: "该周期内首次提出的回复超时预警数。",
                english: "Reply-timeout alerts first raised in the period."))),
        ]
    }

    // MARK: - Cases and complaints

    private static var caseProperties: [JSONSchema.Property] {
        [
            .required("cases", .integer(LocalizedText(
                chinese: "该周期内立案的案件数。",
                english: "Cases opened in the period."))),
            .required("acknowledgedCases", .integer(LocalizedText(
                chinese: "其中已确认的案件数。",
                english: "Of those cases, the acknowledged ones."))),
            .optional("acknowledgeMedianSeconds", .number(LocalizedText(
                chinese: "从立案到首次确认的时间的中位数（秒，不封顶）。没有已确认案件时不写。",
                english: "The median time from a case's opening to its first acknowledgement, in seconds and not "
                    + "capped. Left out when no case was acknowledged."))),
            .required("escalations", .integer(LocalizedText(
                chinese: "该周期内立案、且关联了投诉或有升级条目（升级到平台或监管部门）的案件数。",
                english: "Cases opened in the period that have a linked complaint or an escalation entry, to the "
                    + "platform or a regulator."))),
            .required("complaints", .integer(LocalizedText(
                chinese: "该周期内提出的投诉数。",
                english: "Complaints filed in the period."))),
            .required("regulatorComplaints", .integer(LocalizedText(
                chinese: "其中向 12315、市场监管部门或消协提出的投诉数。",
                english: "Of those, the complaints to 12315, the market regulator or a consumer association."))),
            .required("regulatorHumanCauseCases", .integer(LocalizedText(
                chinese: "该周期内立案、到达监管部门且认定为人为原因（unprofessional、process-not-followed、slow-response）的案件数；"
                    + "内置评分卡的一票否决项。",
                english: "Cases opened in the period that reached a regulator and were put down to a human cause "
                    + "(unprofessional, process-not-followed, slow-response); the built-in scorecard's critical item."))),
            .required("primaryResponsibilities", .integer(LocalizedText(
                chinese: "该周期内立案、认定该客服负主要责任的案件数；班组、外包商、站点和店铺为认定其中任何人负主要责任的案件数。",
                english: "Cases opened in the period that name the agent primarily responsible; for a team, "
                    + "vendor, site or shop, those that name anyone primarily responsible."))),
            .required("jointResponsibilities", .integer(LocalizedText(
                chinese: "该周期内立案、认定该客服负连带责任的案件数；班组、外包商、站点和店铺为认定其中任何人负连带责任的案件数。",
                english: "Cases opened in the period that name the agent jointly responsible; for a team, vendor, "
                    + "site or shop, those that name anyone jointly responsible."))),
            .required("rectificationsDue", .integer(LocalizedText(
                chinese: "该周期内立案、要求提交整改方案（有整改状态）的案件数。",
                english: "Cases opened in the period that required a rectification plan, that is, cases with a "
                    + "rectification status."))),
            .required("rectificationsOnTime", .integer(LocalizedText(
                chinese: "其中整改方案已通过、且时间线上没有 rectification_overdue 条目的案件数。",
                english: "Of those, the cases whose plan was accepted and whose timeline has no "
                    + "rectification_overdue entry."))),
        ]
    }

    // MARK: - Sales

    private static var salesProperties: [JSONSchema.Property] {
        [
            .required("orders", .integer(LocalizedText(
                chinese: "该周期内付款的订单数。",
                english: "Orders paid in the period."))),
            .required("sales", .number(LocalizedText(
                chinese: "这些订单的实付金额之和，以 currency 的单位计的精确十进制数，请按十进制读取，不要读成二进制浮点数。",
                english: "The amount paid for those orders, an exact decimal in units of currency. Read it as a "
                    + "decimal, not as a binary floating-point number."))),
            .required("currency", .string(LocalizedText(
                chinese: "sales 的 ISO 4217 币种代码（\"CNY\"）。",
                english: "The ISO 4217 currency code of sales (\"CNY\")."))),
            .required("convertedConversations", .integer(LocalizedText(
                chinese: "促成了订单的会话数：同一店铺同一买家的订单，付款时间在会话首条消息之后、最后一条消息后 "
                    + "conversionHours（默认 24 小时）之内。",
                english: "Conversations that led to an order: an order of the same buyer in the same shop, paid "
                    + "from the conversation's first message until conversionHours (24 by default) after its "
                    + "last."))),
        ]
    }
}
