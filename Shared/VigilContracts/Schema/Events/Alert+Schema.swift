extension Alert: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`alert/<消息的事件 ID>`：每条消息最多一条预警。",
                english: "`alert/<message event id>`: at most one alert per message.")),
            .schemaVersion(schemaVersion),
            .required("kind", .enumeration(AlertKind.self, LocalizedText(
                chinese: "触发方式：keyword 表示顾客消息中出现风险词。",
                english: "The trigger: keyword for risk words in a customer message."))),
            .required("category", .enumeration(RiskCategory.self, LocalizedText(
                chinese: "消息带来的风险，regulator（工商、12315、消协等）比 complaint（投诉、举报）更严重。",
                english: "The risk the message carries; regulator (工商, 12315, 消协 and the like) "
                    + "is more severe than complaint (投诉, 举报)."))),
            .required("severity", .enumeration(Severity.self, LocalizedText(
                chinese: "确认预警的紧急程度。",
                english: "The urgency with which the alert must be acknowledged."))),
            .required("matchedTerms", .array(of: .string(LocalizedText(chinese: "一个词。", english: "One term.")),
                                             LocalizedText(
                chinese: "命中的词，按在正文中首次出现的顺序。",
                english: "The words that matched, in the order they first occur in the text."))),
            .required("ruleVersion", .string(LocalizedText(
                chinese: "触发该预警的规则版本。",
                english: "The version of the rules that raised the alert."))),
            .required("shop", .string(LocalizedText(
                chinese: "店铺在平台上的 ID。",
                english: "The shop's id on its platform."))),
            .required("buyer", .string(LocalizedText(
                chinese: "买家在该店铺的匿名 ID。",
                english: "The buyer's pseudonymous id at the shop."))),
            .required("site", .string(LocalizedText(
                chinese: "处理该会话的站点。",
                english: "The site that handled the chat."))),
            .required("conversationId", .string(LocalizedText(
                chinese: "消息所在的会话。",
                english: "The conversation of the message."))),
            .required("messageId", .string(LocalizedText(
                chinese: "触发预警的消息在站点内的 ID。",
                english: "The site's id of the message that raised the alert."))),
            .required("agent", .string(LocalizedText(
                chinese: "负责该会话的客服。",
                english: "The agent handling the conversation."))),
            .optional("team", .string(LocalizedText(
                chinese: "客服所在班组，取自花名册；花名册里没有该客服或该客服没有班组时不带此字段。",
                english: "The agent's team, from the roster; left out when the roster does not know the agent "
                    + "or gives the agent no team."))),
            .optional("recipient", .object([
                .required("personId", .string(LocalizedText(
                    chinese: "接收人的花名册 ID。",
                    english: "The recipient's roster id."))),
                .required("name", .string(LocalizedText(
                    chinese: "接收人的显示名。",
                    english: "The recipient's display name."))),
                .required("role", .enumeration(RosterRole.self, LocalizedText(
                    chinese: "接收人的角色。",
                    english: "The recipient's role."))),
            ], LocalizedText(
                chinese: "必须跟进的人：班组主管；花名册里没有该客服的主管时为品牌方客服经理；花名册里连品牌方客服经理也没有时不带此字段。",
                english: "The person who must follow up: the team's supervisor, or the brand manager when the roster "
                    + "has no supervisor for the agent; left out when the roster has no brand manager either."))),
            .required("raisedAt", .timestamp(LocalizedText(
                chinese: "消息的事件时间，而不是计算预警的时间。",
                english: "The event time of the message, never the time the alert was computed."))),
            .required("snippet", .string(LocalizedText(
                chinese: "消息中第一个命中词附近的片段。",
                english: "The part of the message around the first match."))),
            .required("text", .localizedText(LocalizedText(
                chinese: "发给接收人的通知文本。",
                english: "The notification text for the recipient."))),
        ], LocalizedText(
            chinese: "针对一条顾客消息的高危预警，发给必须跟进的人。",
            english: "A high-risk alert about one customer message, addressed to the person who must follow it up."))
    }

    public static var example: Alert {
        Alert(eventId: "alert/message/sh/demo-c02-3", kind: .keyword, category: .regulator, severity: .critical,
              matchedTerms: ["12315", "投诉"], ruleVersion: "2026.11.1", shop: "shop-demo-tmall", buyer: "buyer-d002",
              site: "sh", conversationId: "demo-c02", messageId: "demo-c02-3", agent: "A-sh-a01", team: "T-sh-a",
              recipient: AlertRecipient(personId: "S-sh-a", name: "上海A组主管 王芳", role: .supervisor),
              raisedAt: .example("2026-11-11T09:10:05.250+08:00"), snippet: "再不处理我就去 12315 投诉",
              text: LocalizedText(
                chinese: "【高危预警·监管】顾客 buyer-d002 在上海A组客服 小林（A-sh-a01）接待的会话中提到「12315」、「投诉」："
                    + "“再不处理我就去 12315 投诉”。店铺 shop-demo-tmall，会话 demo-c02。请上海A组主管 王芳立即一对一跟进。",
                english: "[High-risk alert: regulator] Customer buyer-d002 mentioned “12315”, “投诉” in a conversation "
                    + "handled by 上海A组客服 小林 (A-sh-a01): “再不处理我就去 12315 投诉”. Shop shop-demo-tmall, "
                    + "conversation demo-c02. 上海A组主管 王芳, please follow up one-to-one now."))
    }
}
