extension ScoringFact: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`fact/<对象键>/<事实 ID>/<修订号>`。",
                english: "`fact/<subject key>/<fact id>/<revision>`.")),
            .schemaVersion(schemaVersion),
            .required("subject", ScoreSubject.schema(LocalizedText(
                chinese: "该事实计入的考核对象；记录键为 `<对象类型>/<ID>`。",
                english: "The subject the fact counts for; the record key is `<kind>/<id>`."))),
            .required("factId", .string(LocalizedText(
                chinese: "事实的 ID，在同一对象内唯一：`conversation/<店铺>/<会话 ID>`、`alert/<预警事件 ID>`、"
                    + "`case/<案件 ID>`、`complaint/<投诉事件 ID>` 或 `order/<店铺>/<订单号>`。",
                english: "The fact's id, unique within the subject: `conversation/<shop>/<conversation id>`, "
                    + "`alert/<alert event id>`, `case/<case id>`, `complaint/<complaint event id>` or "
                    + "`order/<shop>/<order id>`."))),
            .required("revision", .integer(LocalizedText(
                chinese: "该事实对该对象的修订号：事实所依据的输入记录条数，每次变化都会增大；接管分区的实例对相同输入得到相同修订号。"
                    + "同一 (subject, factId) 只保留修订号最大的一条。",
                english: "The fact's revision for this subject: the number of input records the fact derives from, "
                    + "which grows with every change, so an instance that takes over a partition numbers the same "
                    + "inputs the same way. For one (subject, factId), the highest revision replaces the others."))),
            .required("kind", .enumeration(ScoringFactKind.self, LocalizedText(
                chinese: "事实的类型，决定带哪一个载荷字段：conversation、alert、case（字段 caseFact）、complaint 或 order。",
                english: "The fact's kind, which names the payload it carries: conversation, alert, case (in the "
                    + "caseFact field), complaint or order."))),
            .required("retracted", .boolean(LocalizedText(
                chinese: "为 true 时该对象不再计入这个事实（归属转到了别处），载荷字段都不写。",
                english: "True when the subject no longer counts the fact, because its attribution moved elsewhere; "
                    + "the payload fields are then left out."))),
            .required("time", .timestamp(LocalizedText(
                chinese: "决定事实落入哪些周期的时间：会话的首条消息、预警的提出、案件的立案、投诉的提出或订单的付款时间。",
                english: "The moment that places the fact in periods: a conversation's first message, an alert's "
                    + "raising, a case's opening, a complaint's filing or an order's payment."))),
            .required("attribution", FactAttribution.schema(LocalizedText(
                chinese: "事实的归属：店铺，以及已知的站点、外包商、班组和客服，取自输入和事实处理时的花名册。"
                    + "每个已知部分都是一个考核对象。",
                english: "Whom and where the fact counts for: the shop, and the site, vendor, team and agent when "
                    + "known, from the input and the roster at the time the fact was made. Each known part is "
                    + "a subject."))),
            .optional("conversation", ConversationFact.schema(LocalizedText(
                chinese: "kind 为 conversation 时的载荷。", english: "The payload when kind is conversation."))),
            .optional("alert", AlertFact.schema(LocalizedText(
                chinese: "kind 为 alert 时的载荷：只有首次提出的预警。",
                english: "The payload when kind is alert: a first raising only."))),
            .optional("caseFact", CaseFact.schema(LocalizedText(
                chinese: "kind 为 case 时的载荷。", english: "The payload when kind is case."))),
            .optional("complaint", ComplaintFact.schema(LocalizedText(
                chinese: "kind 为 complaint 时的载荷。", english: "The payload when kind is complaint."))),
            .optional("order", OrderFact.schema(LocalizedText(
                chinese: "kind 为 order 时的载荷。", english: "The payload when kind is order."))),
        ], LocalizedText(
            chinese: "考核重分区主题上的一条事实：一次会话、预警、案件、投诉或订单在某个考核对象名下的那一份。"
                + "事实是更新插入（upsert）：同一对象同一事实 ID 以修订号最大的一条为准，撤回的一条把它从该对象中移除。",
            english: "One fact on scoring's repartition topic: one conversation, alert, case, complaint or order "
                + "as one subject's share of it. A fact is an upsert: for one subject and fact id the highest "
                + "revision is current, and a retracted one removes the fact from the subject."))
    }

    /// A conversation fact for its agent, converted by the order of the
    /// ``Order`` example. A fact carries only the payload of its kind, so this
    /// example leaves the other four payloads out; the reference tables describe them.
    public static var example: ScoringFact {
        ScoringFact(
            subject: ScoreSubject(kind: .agent, id: "A-sh-a02"), factId: "conversation/shop-demo-tmall/demo-c09",
            revision: 3, kind: .conversation, time: .example("2026-11-11T10:20:05+08:00"),
            attribution: FactAttribution(shop: "shop-demo-tmall", site: "sh", vendor: "V-DEMO", team: "T-sh-a",
                                         agent: "A-sh-a02"),
            conversation: ConversationFact(lastMessageAt: .example("2026-11-11T10:41:30+08:00"),
                                           responseSeconds: [14, 38, 212], unansweredRounds: 0,
                                           convertingOrder: "DO-1002"))
    }
}
