extension Alert: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "每个事件唯一且可重现：提出预警的事件等于预警 ID，之后的事件为 `<alertId>/<action>/<起因>`。",
                english: "Unique per event and deterministic: the alert's id for the event that raises it, "
                    + "`<alertId>/<action>/<what caused it>` for later events.")),
            .schemaVersion(schemaVersion),
            .required("kind", .enumeration(AlertKind.self, LocalizedText(
                chinese: "触发方式：keyword 表示规则在消息中发现风险词，reply-timeout 表示顾客消息超过店铺时限未获回复。",
                english: "The trigger: keyword for risk words a rule found in a message, reply-timeout for a "
                    + "customer message left without a reply past the shop's limit."))),
            .required("category", .enumeration(RiskCategory.self, LocalizedText(
                chinese: "预警涉及的风险，从重到轻：监管、法律、媒体、投诉、要求升级、回复不及时。",
                english: "The risk the alert is about, most severe first: regulator, legal, media, complaint, "
                    + "escalation demand, reply timeout."))),
            .required("severity", .enumeration(Severity.self, LocalizedText(
                chinese: "确认预警的紧急程度。",
                english: "The urgency with which the alert must be acknowledged."))),
            .required("matchedTerms", .array(of: .string(LocalizedText(chinese: "一个词。", english: "One term.")),
                                             LocalizedText(
                chinese: "命中的词，按在正文中首次出现的顺序；回复不及时预警为空。",
                english: "The words that matched, in the order they first occur in the text; empty for a reply "
                    + "timeout."))),
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
                chinese: "该事件对应的最新消息在站点内的 ID：命中规则的消息，或等待回复的顾客消息。",
                english: "The site's id of the latest message behind the event: the one that hit a rule, or the "
                    + "customer message left waiting."))),
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
                chinese: "必须跟进的人：班组主管；没有主管时为该站点的项目经理；再没有时为品牌方客服经理；都没有时不带此字段。",
                english: "The person who must follow up: the team's supervisor, else the site's manager, else the "
                    + "brand manager; left out when the roster has none of them."))),
            .required("raisedAt", .timestamp(LocalizedText(
                chinese: "该事件的事件时间，取自数据流而非主机时钟：消息时间、回复截止时间，或提醒、关闭到期的时间。",
                english: "The event time of this event, from the stream and never the host's clock: the message's "
                    + "time, the reply deadline, or the time a reminder or closing fell due."))),
            .required("snippet", .string(LocalizedText(
                chinese: "最新命中消息中第一个命中处附近的片段，手机号、身份证号和银行卡号已打码。",
                english: "The latest matching text around its first match, with phone, ID card and bank card "
                    + "numbers masked."))),
            .required("text", .localizedText(LocalizedText(
                chinese: "发给接收人的通知文本，个人号码已打码。",
                english: "The notification text for the recipient, with personal numbers masked."))),
            .optional("alertId", .string(LocalizedText(
                chinese: "该事件所属的预警；分组功能上线前写入的事件没有此字段，此时预警 ID 即事件 ID。",
                english: "The alert this event belongs to; events written before grouping lack it, and then the "
                    + "event id is the alert's id."))),
            .optional("action", .enumeration(AlertAction.self, LocalizedText(
                chinese: "该事件对预警做了什么：raised 提出、repeated 重复命中、escalated 级别升高、reminded 到期提醒、closed 关闭。"
                    + "没有此字段时按 raised 处理。",
                english: "What the event does to its alert: raised, repeated, escalated (higher severity), reminded "
                    + "(repeat interval), closed. Read as raised when absent."))),
            .optional("notify", .boolean(LocalizedText(
                chinese: "是否现在通知接收人：重复命中、关闭和被抑制的预警为 false；没有此字段时为 true。",
                english: "Whether the recipient should be told now: false for repeats, closings and inhibited "
                    + "alerts; true when absent."))),
            .optional("occurrences", .integer(LocalizedText(
                chinese: "到目前为止命中该预警的消息数，含本条。",
                english: "The messages that have hit the alert so far, this one included."))),
            .optional("ruleIds", .array(of: .string(LocalizedText(chinese: "规则 ID。", english: "A rule id.")),
                                        LocalizedText(
                chinese: "在最新消息上触发的规则，按规则文件中的顺序。",
                english: "The rules that fired on the latest message, in rules-file order."))),
            .optional("evidence", .array(of: .object([
                .required("ruleId", .string(LocalizedText(chinese: "触发的规则。", english: "The rule that fired."))),
                .required("term", .string(LocalizedText(
                    chinese: "规则中的关键词或正则表达式，按规则文件原样。",
                    english: "The rule's keyword or regular expression, as the rules file writes it."))),
                .required("original", .string(LocalizedText(
                    chinese: "原文中命中的片段，保持顾客的写法（工 商、１２３１５）。",
                    english: "The matched span of the original text, as written (工 商, １２３１５)."))),
                .required("normalized", .string(LocalizedText(
                    chinese: "同一片段规范化之后的形式（工商、12315）。",
                    english: "The same span after normalization (工商, 12315)."))),
                .required("start", .integer(LocalizedText(
                    chinese: "片段在原文中的起点，按 Unicode 标量从 0 计。",
                    english: "The span's start in the original text, in Unicode scalars from 0."))),
                .required("end", .integer(LocalizedText(
                    chinese: "片段在原文中的终点（不含），按 Unicode 标量计。",
                    english: "The span's end (exclusive) in the original text, in Unicode scalars."))),
            ], LocalizedText(chinese: "一处命中。", english: "One match.")), LocalizedText(
                chinese: "规则为何触发，按在正文中的顺序。",
                english: "What made the rules fire, in the order of the text."))),
            .optional("context", .array(of: .object([
                .required("messageId", .string(LocalizedText(chinese: "消息 ID。", english: "The message id."))),
                .required("role", .enumeration(ChatRole.self, LocalizedText(
                    chinese: "发送人角色。", english: "The sender's role."))),
                .required("sentAt", .timestamp(LocalizedText(chinese: "发送时间。", english: "When it was sent."))),
                .required("text", .string(LocalizedText(
                    chinese: "消息正文，个人号码已打码。", english: "The text, with personal numbers masked."))),
            ], LocalizedText(chinese: "一条上下文消息。", english: "One message of the context.")), LocalizedText(
                chinese: "最新命中前后的消息，按时间先后，含命中的那条。",
                english: "The messages around the latest hit, oldest first, the hit included."))),
            .optional("inhibitedBy", .string(LocalizedText(
                chinese: "同一线程中压住本预警通知的未关闭预警（监管预警压住投诉和升级预警）。",
                english: "The open alert of the same thread that holds back this one's notifications (a regulator "
                    + "alert holds back complaint and escalation alerts)."))),
            .optional("openedAt", .timestamp(LocalizedText(
                chinese: "预警首次提出的时间。", english: "When the alert was first raised."))),
            .optional("replyLimitSeconds", .integer(LocalizedText(
                chinese: "回复不及时预警：店铺的回复时限（秒）。",
                english: "For a reply timeout: the shop's reply limit, in seconds."))),
            .optional("waitedSeconds", .integer(LocalizedText(
                chinese: "回复不及时预警：到该事件时顾客已等待的秒数。",
                english: "For a reply timeout: how long the customer had waited at this event, in seconds."))),
        ], LocalizedText(
            chinese: "预警生命周期中的一个事件：提出、重复命中、升级、提醒或关闭。每个顾客线程每个类别同时只有一个未关闭的预警，"
                + "其事件共享 alertId。",
            english: "One event in the life of an alert: raised, repeated, escalated, reminded or closed. One alert "
                + "stays open per customer thread and category, and its events share alertId."))
    }

    public static var example: Alert {
        let alertId = "alert/regulator/message/sh/demo-c02-3"
        return Alert(
            eventId: alertId, kind: .keyword, category: .regulator, severity: .critical,
            matchedTerms: ["12315", "投诉"], ruleVersion: "2026.12.2", shop: "shop-demo-tmall", buyer: "buyer-d002",
            site: "sh", conversationId: "demo-c02", messageId: "demo-c02-3", agent: "A-sh-a01", team: "T-sh-a",
            recipient: AlertRecipient(personId: "S-sh-a", name: "上海A组主管 王芳", role: .supervisor),
            raisedAt: .example("2026-11-11T09:10:05.250+08:00"), snippet: "再不处理我就去 １２３１５ 投诉",
            text: LocalizedText(
                chinese: "【高危预警·监管】顾客 buyer-d002 在上海A组客服 小林（A-sh-a01）接待的会话中提到「12315」、「投诉」："
                    + "“再不处理我就去 １２３１５ 投诉”。店铺 shop-demo-tmall，会话 demo-c02。请上海A组主管 王芳立即一对一跟进。",
                english: "[High-risk alert: regulator] Customer buyer-d002 mentioned “12315”, “投诉” in a conversation "
                    + "handled by 上海A组客服 小林 (A-sh-a01): “再不处理我就去 １２３１５ 投诉”. Shop shop-demo-tmall, "
                    + "conversation demo-c02. 上海A组主管 王芳, please follow up one-to-one now."),
            alertId: alertId, action: .raised, notify: true, occurrences: 1,
            ruleIds: ["regulator-hotline", "complaint-report"],
            evidence: [
                AlertEvidence(ruleId: "regulator-hotline", term: "12315", original: "１２３１５", normalized: "12315",
                              start: 8, end: 13),
                AlertEvidence(ruleId: "complaint-report", term: "投诉", original: "投诉", normalized: "投诉",
                              start: 14, end: 16),
            ],
            context: [
                AlertContextMessage(messageId: "demo-c02-2", role: .agent, sentAt: .example("2026-11-11T09:09:40+08:00"),
                                    text: "亲，已经在为您查询了，请稍等"),
                AlertContextMessage(messageId: "demo-c02-3", role: .customer,
                                    sentAt: .example("2026-11-11T09:10:05.250+08:00"), text: "再不处理我就去 １２３１５ 投诉"),
            ],
            openedAt: .example("2026-11-11T09:10:05.250+08:00"))
    }
}
