extension ChatMessage: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(chinese: "`message/<site>/<messageId>`：消息 ID 只在站点内唯一。",
                                   english: "`message/<site>/<messageId>`: message ids are unique only within a site.")),
            .schemaVersion(schemaVersion),
            .required("messageId", .string(LocalizedText(
                chinese: "站点聊天系统里的消息 ID，在站点内唯一。",
                english: "The message's id in the site's chat system, unique within the site."))),
            .required("site", .string(LocalizedText(
                chinese: "处理该会话的外包站点（如 \"hz\"），不含 \"/\"。",
                english: "The outsourcer site that handled the chat (\"hz\"), without \"/\"."))),
            .required("shop", .string(LocalizedText(
                chinese: "店铺在平台上的 ID，不含 \"/\"。",
                english: "The shop's id on its platform, without \"/\"."))),
            .required("conversationId", .string(LocalizedText(
                chinese: "会话 ID，在店铺内唯一。",
                english: "The conversation's id, unique within the shop."))),
            .required("buyer", .string(LocalizedText(
                chinese: "买家在该店铺的匿名 ID。",
                english: "The buyer's pseudonymous id at the shop."))),
            .required("agent", .string(LocalizedText(
                chinese: "负责该会话的客服的花名册 ID，会话中每条消息都带。",
                english: "The roster id of the agent who handles the conversation, set on every message of it."))),
            .required("role", .enumeration(ChatRole.self, LocalizedText(
                chinese: "谁写的消息：顾客、客服，或 system（机器人和规则消息，不算客服回复）。",
                english: "Who wrote the message: the customer, the agent, or system (bots and rules, never an agent's reply)."))),
            .required("text", .string(LocalizedText(
                chinese: "消息正文，UTF-8 编码后最多 20000 字节。",
                english: "The message text, at most 20,000 bytes in UTF-8."))),
            .required("sentAt", .timestamp(LocalizedText(
                chinese: "发送时间，即该事件的事件时间。",
                english: "When the message was sent; the event time."))),
        ], LocalizedText(
            chinese: "客服会话中的一条消息，由外包站点提供。",
            english: "One message of a customer-service chat, as a vendor's site delivers it."))
    }

    public static var example: ChatMessage {
        ChatMessage(messageId: "demo-c02-3", site: "sh", shop: "shop-demo-tmall", conversationId: "demo-c02",
                    buyer: "buyer-d002", agent: "A-sh-a01", role: .customer, text: "再不处理我就去 12315 投诉",
                    sentAt: .example("2026-11-11T09:10:05.250+08:00"))
    }
}
