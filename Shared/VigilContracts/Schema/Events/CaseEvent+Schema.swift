extension CaseEvent: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "由案件和引起该条目的输入推导：立案为 `case/<caseId>/opened`，关联为 `case/<caseId>/<预警或投诉的事件 ID>`，"
                    + "命令为 `case/<caseId>/<命令的事件 ID>`，期限为 `case/<caseId>/deadline/<期限>/<级数>/<时间>`。",
                english: "Derived from the case and the input that caused the entry: `case/<caseId>/opened` "
                    + "for the opening, `case/<caseId>/<alert or complaint event id>` for a link, "
                    + "`case/<caseId>/<command event id>` for a command, "
                    + "`case/<caseId>/deadline/<deadline>/<step>/<due time>` for a deadline.")),
            .schemaVersion(schemaVersion),
            .required("caseId", .string(LocalizedText(
                chinese: "`case-<店铺和买家的哈希>`：线程的第一个案件；同一线程之后的案件加 `-2`、`-3` 等。",
                english: "`case-<hash of shop and buyer>` for a thread's first case; later cases of the thread "
                    + "add `-2`, `-3` and so on."))),
            .required("type", .enumeration(CaseEventType.self, LocalizedText(
                chinese: "条目类型：立案、重新打开、关联预警或投诉、确认、转派、备注、结案、升级、认定原因、复盘、"
                    + "整改方案的提交/接受/驳回/逾期、期限已过、命令被拒。",
                english: "The entry: opened, reopened, a linked alert or complaint, acknowledged, assigned, noted, "
                    + "resolved, escalated, classified, reviewed, a rectification plan submitted, accepted, "
                    + "rejected or overdue, a deadline missed, a command rejected."))),
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
                chinese: "时间线上显示的文本；引用的备注中的手机号、身份证号和银行卡号已打码。",
                english: "The timeline text, with phone, ID card and bank card numbers masked in the notes it quotes."))),
            .optional("team", .string(LocalizedText(
                chinese: "立案时客服所在的小组；决定谁可以操作案件。",
                english: "The agent's team when the case opened; it decides who may act on the case."))),
            .optional("site", .string(LocalizedText(
                chinese: "立案时的站点。", english: "The site when the case opened."))),
            .optional("vendor", .string(LocalizedText(
                chinese: "立案时客服所属的外包商。", english: "The agent's vendor when the case opened."))),
            .optional("state", .enumeration(CaseState.self, LocalizedText(
                chinese: "该条目之后的案件状态。", english: "The case's state after this entry."))),
            .optional("severity", .enumeration(Severity.self, LocalizedText(
                chinese: "案件的严重程度：其预警中最高的；监管投诉为 critical。",
                english: "The case's severity: the highest of its alerts; critical for a regulator complaint."))),
            .optional("actor", .string(LocalizedText(
                chinese: "发出该命令的人的花名册 ID。", english: "The roster id of the person whose command made the entry."))),
            .optional("commandId", .string(LocalizedText(
                chinese: "产生该条目（或被拒）的命令。", english: "The command that made the entry, or that was rejected."))),
            .optional("action", .enumeration(CaseAction.self, LocalizedText(
                chinese: "该命令的操作。", english: "The action of that command."))),
            .optional("recipient", .object([
                .required("personId", .string(LocalizedText(chinese: "花名册 ID。", english: "The roster id."))),
                .required("name", .string(LocalizedText(chinese: "姓名。", english: "The name."))),
                .required("role", .enumeration(RosterRole.self, LocalizedText(chinese: "角色。", english: "The role."))),
            ], LocalizedText(
                chinese: "该条目的接收人：立案时的跟进人，期限已过时升级链上的下一个人。",
                english: "Who the entry is addressed to: the follower at opening, the next person up the chain "
                    + "when a deadline passes."))),
            .optional("notify", .boolean(LocalizedText(
                chinese: "为 true 时应立即通知接收人。", english: "True when the recipient should be told now."))),
            .optional("assignee", .string(LocalizedText(
                chinese: "案件转派给的人。", english: "The person the case is assigned to."))),
            .optional("deadline", .enumeration(CaseDeadline.self, LocalizedText(
                chinese: "该条目设定或报告已过的期限：acknowledge 确认，follow_up 跟进，rectification 整改。",
                english: "The deadline this entry sets or reports as missed."))),
            .optional("dueAt", .timestamp(LocalizedText(
                chinese: "该期限的时间。", english: "When that deadline falls."))),
            .optional("chainStep", .integer(LocalizedText(
                chinese: "该期限已沿升级链上升的级数（1 为上升一级）。",
                english: "How many people up the chain the case has climbed for this deadline (1 = one step up)."))),
            .optional("acknowledgedAt", .timestamp(LocalizedText(
                chinese: "案件被确认的时间，确认后的每个条目都带。",
                english: "When the case was acknowledged, on every entry after it."))),
            .optional("escalateTo", .enumeration(EscalationTarget.self, LocalizedText(
                chinese: "升级去向：平台或监管部门。", english: "Where the case went: the platform or a regulator."))),
            .optional("cause", .enumeration(CaseCause.self, LocalizedText(
                chinese: "认定的原因。", english: "The classified cause."))),
            .optional("responsibilities", .array(of: .object([
                .required("personId", .string(LocalizedText(chinese: "花名册 ID。", english: "The roster id."))),
                .required("name", .string(LocalizedText(chinese: "姓名。", english: "The name."))),
                .required("role", .enumeration(RosterRole.self, LocalizedText(chinese: "角色。", english: "The role."))),
                .required("level", .enumeration(ResponsibilityLevel.self, LocalizedText(
                    chinese: "primary 主要责任，joint 连带责任。", english: "primary or joint."))),
            ], LocalizedText(chinese: "一人的责任。", english: "One person's responsibility.")), LocalizedText(
                chinese: "认定原因时确定的责任人；产品或物流原因时为空。",
                english: "Who answers for the case, set at classification; empty for product or logistics causes."))),
            .optional("review", .object([
                .required("summary", .string(LocalizedText(chinese: "复盘结论，个人号码已打码。",
                                                            english: "The conclusion, with personal numbers masked."))),
                .required("steps", .array(of: .string(LocalizedText(chinese: "一个步骤。", english: "One step.")),
                    LocalizedText(chinese: "处理过程的逐步拆解。", english: "The step-by-step breakdown."))),
                .required("trainingActions", .array(of: .string(LocalizedText(chinese: "一项培训措施。",
                                                                              english: "One training action.")),
                    LocalizedText(chinese: "决定的培训措施。", english: "The training actions decided."))),
            ], LocalizedText(chinese: "案件复盘。", english: "The case review."))),
            .optional("rectification", .enumeration(RectificationStatus.self, LocalizedText(
                chinese: "整改方案的状态。", english: "Where the rectification plan stands."))),
            .optional("plan", .string(LocalizedText(
                chinese: "整改方案的内容，个人号码已打码。", english: "The rectification plan's text, with personal numbers masked."))),
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
