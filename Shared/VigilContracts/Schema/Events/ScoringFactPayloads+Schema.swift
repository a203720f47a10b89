// MARK: - Scoring fact payload nodes

extension FactAttribution {
    /// Returns the schema node of a fact's attribution.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("shop", .string(LocalizedText(
                chinese: "店铺 ID。", english: "The shop's id."))),
            .optional("site", .string(LocalizedText(
                chinese: "站点 ID：取自客服的花名册记录，没有时取自输入；都未知时不写。",
                english: "The site id, from the agent's roster entry, else from the input; left out when neither "
                    + "has one."))),
            .optional("vendor", .string(LocalizedText(
                chinese: "外包商 ID，取自客服的花名册记录；未知时不写。",
                english: "The vendor id, from the agent's roster entry; left out when unknown."))),
            .optional("team", .string(LocalizedText(
                chinese: "班组的花名册 ID，取自客服的花名册记录；未知时不写。",
                english: "The team's roster id, from the agent's roster entry; left out when unknown."))),
            .optional("agent", .string(LocalizedText(
                chinese: "客服的花名册 ID；未知时不写（如会话尚未到达的投诉）。",
                english: "The agent's roster id; left out when unknown, such as for a complaint whose "
                    + "conversation has not arrived yet."))),
        ], meaning)
    }
}

extension ConversationFact {
    /// Returns the schema node of a conversation's replies.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("lastMessageAt", .timestamp(LocalizedText(
                chinese: "会话中最后一条消息的时间，用于判断订单转化。",
                english: "The time of the conversation's last message, which bounds conversion."))),
            .required("responseSeconds", .array(of: .integer(LocalizedText(
                chinese: "一轮的等待时间（秒）。", english: "One round's wait in seconds.")), LocalizedText(
                chinese: "每个已回复轮次的等待时间，按顺序，整秒且未封顶。一轮从没有未结轮次时的一条顾客消息开始，"
                    + "到下一条客服消息结束；系统消息不计入任何一方。",
                english: "The wait of every answered round, in order, in whole seconds and not yet capped. A round "
                    + "opens with a customer message while no round is open and closes with the next agent "
                    + "message; system messages count for neither side."))),
            .required("unansweredRounds", .integer(LocalizedText(
                chinese: "最后一轮还没有客服回复时为 1，否则为 0。",
                english: "1 when the last round has no agent reply yet, else 0."))),
            .optional("convertingOrder", .string(LocalizedText(
                chinese: "促成转化的订单号：同一店铺同一买家、付款时间在首条消息之后且在最后一条消息后 conversionHours 之内的"
                    + "最早订单。没有时不写。",
                english: "The order that converts the conversation: the earliest order of the same buyer in the "
                    + "same shop paid from the first message until conversionHours after the last. Left out "
                    + "when there is none."))),
        ], meaning)
    }
}

extension AlertFact {
    /// Returns the schema node of a raised alert.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("kind", .enumeration(AlertKind.self, LocalizedText(
                chinese: "keyword 计入 alerts 和 alertsByCategory，reply-timeout 计入 replyTimeouts。",
                english: "keyword counts in alerts and alertsByCategory, reply-timeout in replyTimeouts."))),
            .required("category", .enumeration(RiskCategory.self, LocalizedText(
                chinese: "预警的风险类别。", english: "The alert's risk category."))),
        ], meaning)
    }
}

extension CaseFact {
    /// Returns the schema node of a case's current acknowledgement, escalation, cause,
    /// responsibilities and rectification.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .optional("severity", .enumeration(Severity.self, LocalizedText(
                chinese: "案件的严重程度；未知时不写。", english: "The case's severity; left out when unknown."))),
            .optional("acknowledgeSeconds", .integer(LocalizedText(
                chinese: "从立案到首次确认的时间（整秒）；尚未确认时不写。",
                english: "The time from opening to the first acknowledgement, in whole seconds; left out until "
                    + "the case is acknowledged."))),
            .required("escalated", .boolean(LocalizedText(
                chinese: "案件关联了投诉或有升级条目时为 true。",
                english: "True when the case has a linked complaint or an escalation entry."))),
            .required("reachedRegulator", .boolean(LocalizedText(
                chinese: "案件经投诉或命令到达监管部门时为 true。",
                english: "True when a complaint or a command took the case to a regulator."))),
            .optional("cause", .enumeration(CaseCause.self, LocalizedText(
                chinese: "认定的原因；尚未认定时不写。", english: "The classified cause; left out until classified."))),
            .required("responsibilities", .array(of: .object([
                .required("personId", .string(LocalizedText(chinese: "花名册 ID。", english: "The roster id."))),
                .required("name", .string(LocalizedText(chinese: "姓名。", english: "The name."))),
                .required("role", .enumeration(RosterRole.self, LocalizedText(chinese: "角色。", english: "The role."))),
                .required("level", .enumeration(ResponsibilityLevel.self, LocalizedText(
                    chinese: "primary 主要责任，joint 连带责任。", english: "primary or joint."))),
            ], LocalizedText(chinese: "一人的责任。", english: "One person's responsibility.")), LocalizedText(
                chinese: "认定原因时确定的责任人；尚未认定或产品、物流原因时为空。",
                english: "Who answers for the case, set at classification; empty before it and for product or "
                    + "logistics causes."))),
            .optional("rectification", .enumeration(RectificationStatus.self, LocalizedText(
                chinese: "整改方案的状态；不要求整改时不写。",
                english: "Where the rectification plan stands; left out when no plan is required."))),
            .required("rectificationOnTime", .boolean(LocalizedText(
                chinese: "整改方案已通过且时间线上没有 rectification_overdue 条目时为 true。",
                english: "True when the plan was accepted and the timeline has no rectification_overdue entry."))),
        ], meaning)
    }
}

extension ComplaintFact {
    /// Returns the schema node of a filed complaint.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("channel", .enumeration(ComplaintChannel.self, LocalizedText(
                chinese: "投诉渠道；platform 以外的渠道计入 regulatorComplaints。",
                english: "Where the complaint was filed; every channel but platform counts in regulatorComplaints."))),
        ], meaning)
    }
}

extension OrderFact {
    /// Returns the schema node of a paid order.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("orderId", .string(LocalizedText(
                chinese: "订单号，在店铺内唯一。", english: "The order's id, unique within the shop."))),
            .required("amount", .number(LocalizedText(
                chinese: "实付金额，以币种单位计的精确十进制数，请按十进制读取，不要读成二进制浮点数。",
                english: "The amount paid, an exact decimal in the currency's units. Read it as a decimal, not as "
                    + "a binary floating-point number."))),
            .required("currency", .string(LocalizedText(
                chinese: "ISO 4217 币种代码（\"CNY\"）。", english: "The ISO 4217 currency code (\"CNY\")."))),
            .optional("campaign", .string(LocalizedText(
                chinese: "订单上标注的大促 ID；没有时不写。考核按付款时间落在哪个大促窗口计入，不看这个字段。",
                english: "The campaign id the order carries; left out when it has none. Scoring places the order "
                    + "in campaign windows by its payment time, not by this field."))),
        ], meaning)
    }
}
