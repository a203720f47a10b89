extension CaseEvent: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "由案件和引起该条目的输入推导：立案为 `case/<caseId>/opened`，关联为 `case/<caseId>/<预警或投诉的事件 ID>`。",
                english: "Derived from the case and the input that caused the entry: `case/<caseId>/opened` "
                    + "for the opening, `case/<caseId>/<alert or complaint event id>` for a link.")),
            .schemaVersion(schemaVersion),
            .required("caseId", .string(LocalizedText(
                chinese: "`case-<店铺和买家的哈希>`：同一顾客线程总是对应同一个案件。",
                english: "`case-<hash of shop and buyer>`: the same thread always maps to the same case."))),
            .required("type", .enumeration(CaseEventType.self, LocalizedText(
                chinese: "条目类型：opened 立案，alert_linked 关联后续预警，complaint_linked 关联投诉。",
                english: "The entry: opened, alert_linked for a later alert of the thread, "
                    + "complaint_linked for a complaint of the thread."))),
            .required("shop", .string(LocalizedText(
                chinese: "店铺在平台上的 ID。",
                english: "The shop's id on its platform."))),
            .required("buyer", .string(LocalizedText(
                chinese: "买家在该店铺的匿名 ID。",
                english: "The buyer's pseudonymous id at the shop."))),
            .optional("conversationId", .string(LocalizedText(
                chinese: "引起该条目的预警或投诉所在的会话；投诉未指明会话时不带此字段。",
                english: "The conversation of the alert or complaint that caused the entry; "
                    + "left out when a complaint names none."))),
            .optional("agent", .string(LocalizedText(
                chinese: "该会话的客服，仅当引起条目的输入指明客服时（预警）才有。",
                english: "The agent of that conversation, when the cause names one (an alert does)."))),
            .optional("alertId", .string(LocalizedText(
                chinese: "引起该条目的预警的事件 ID。",
                english: "The event id of the alert that caused the entry."))),
            .optional("complaintId", .string(LocalizedText(
                chinese: "引起该条目的投诉的事件 ID（`complaint/<complaintId>`）。",
                english: "The event id of the complaint that caused the entry (`complaint/<complaintId>`)."))),
            .optional("complaintChannel", .enumeration(ComplaintChannel.self, LocalizedText(
                chinese: "该投诉的渠道。",
                english: "The channel of that complaint."))),
            .required("occurredAt", .timestamp(LocalizedText(
                chinese: "引起该条目的输入的事件时间。",
                english: "The event time of the cause."))),
            .required("text", .localizedText(LocalizedText(
                chinese: "时间线上显示的文本。",
                english: "The timeline text."))),
        ], LocalizedText(
            chinese: "案件时间线上的一个条目。一个案件是一个顾客线程（店铺 + 买家）的一次纠纷。",
            english: "One entry of a case's timeline. A case is one customer thread's grievance."))
    }

    public static var example: CaseEvent {
        let caseId = Self.caseId(for: ThreadKey(shop: "shop-demo-tmall", buyer: "buyer-d002"))
        let text = LocalizedText(
            chinese: "因顾客提到「12315」、「投诉」立案，由上海A组主管 王芳跟进。",
            english: "Case opened because the customer mentioned “12315”, “投诉”; 上海A组主管 王芳 follows up.")
        return CaseEvent(eventId: "case/\(caseId)/opened", caseId: caseId, type: .opened, shop: "shop-demo-tmall",
                         buyer: "buyer-d002", conversationId: "demo-c02", agent: "A-sh-a01",
                         alertId: "alert/message/sh/demo-c02-3", complaintId: nil, complaintChannel: nil,
                         occurredAt: .example("2026-11-11T09:10:05.250+08:00"), text: text)
    }
}
