extension CaseCommand: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(chinese: "`case-command/<commandId>`。", english: "`case-command/<commandId>`.")),
            .schemaVersion(schemaVersion),
            .required("commandId", .string(LocalizedText(
                chinese: "发出命令的工具给的 ID。重试同一命令时沿用该 ID，命令只执行一次。",
                english: "The id the issuing tool gives the command. A retry of the same command reuses it, "
                    + "so the command is applied once."))),
            .required("caseId", .string(LocalizedText(
                chinese: "要操作的案件。",
                english: "The case the command acts on."))),
            .required("shop", .string(LocalizedText(
                chinese: "案件所属店铺；与 buyer 组成记录键 `shop/buyer`，使命令与案件落在同一分区。",
                english: "The case's shop; with buyer it makes the record key `shop/buyer`, "
                    + "so the command lands in the case's partition."))),
            .required("buyer", .string(LocalizedText(
                chinese: "案件所属买家在该店铺的匿名 ID。",
                english: "The case's buyer, by the pseudonymous id at the shop."))),
            .required("action", .enumeration(CaseAction.self, LocalizedText(
                chinese: "操作：ack 确认接手，assign 转派，note 备注，resolve 结案，escalate 记录已升级到平台或监管，"
                    + "classify 认定原因，review 复盘，rectify 提交整改方案，accept-plan / reject-plan 接受或驳回整改方案。",
                english: "What to do: ack to take the case, assign, note, resolve, escalate to record that the "
                    + "complaint went to the platform or a regulator, classify the cause, review, rectify to submit "
                    + "a rectification plan, accept-plan or reject-plan."))),
            .required("actor", .string(LocalizedText(
                chinese: "发出命令的人的花名册 ID。",
                english: "The roster id of the person who issued the command."))),
            .required("issuedAt", .timestamp(LocalizedText(
                chinese: "发出命令的时间，即事件时间。",
                english: "When the person issued the command; the event time."))),
            .optional("note", .string(LocalizedText(
                chinese: "自由文本：备注、复盘内容，或驳回、结案的理由。note、review、reject-plan 必填。"
                    + "vigil case 发送前会把其中的个人号码打码，升级服务读入时也会再打码一次。",
                english: "Free text: the note, the review, or the reason for a rejection or resolution. "
                    + "Needed by note, review and reject-plan. vigil case masks personal numbers in it before "
                    + "sending, and escalation masks them again on reading."))),
            .optional("assignee", .string(LocalizedText(
                chinese: "接手案件的人的花名册 ID。assign 必填。",
                english: "The roster id of the person the case is assigned to. Needed by assign."))),
            .optional("escalateTo", .enumeration(EscalationTarget.self, LocalizedText(
                chinese: "案件升级去向：平台或监管部门。escalate 必填。",
                english: "Where the case went: the platform or a regulator. Needed by escalate."))),
            .optional("classification", .enumeration(CaseCause.self, LocalizedText(
                chinese: "案件原因。unprofessional（处理不专业）、process-not-followed（未按流程）、slow-response（回复太慢）"
                    + "属于人为原因：客服负主要责任，主管和经理负连带责任。classify 必填。",
                english: "The cause of the case. unprofessional, process-not-followed and slow-response are human "
                    + "causes: the agent is primarily responsible, the supervisor and manager jointly. "
                    + "Needed by classify."))),
            .optional("plan", .string(LocalizedText(
                chinese: "外包商的整改方案。rectify 必填。",
                english: "The vendor's rectification plan. Needed by rectify."))),
            .optional("dueAt", .timestamp(LocalizedText(
                chinese: "整改方案的完成期限。rectify 必填。",
                english: "When the rectification plan is due to be carried out. Needed by rectify."))),
            .optional("steps", .array(of: .string(LocalizedText(chinese: "一个步骤。", english: "One step.")),
                LocalizedText(
                    chinese: "复盘对处理过程的逐步拆解，按顺序。review 必填，至少一项。",
                    english: "The review's breakdown of the handling, one step per entry, in order. "
                        + "Needed by review, with at least one entry."))),
            .optional("trainingActions", .array(of: .string(LocalizedText(chinese: "一项培训措施。",
                                                                          english: "One training action.")),
                LocalizedText(
                    chinese: "复盘决定的培训措施。",
                    english: "The training actions the review decided."))),
        ], LocalizedText(
            chinese: "某人对案件的操作请求。命令以案件的线程 `shop/buyer` 为键，与案件落在同一分区。"
                + "可选参数没有值时不写出；缺少所需参数（见下表“必填”说明）的命令无效。",
            english: "A person's request to act on a case. Commands are keyed by the case's thread (`shop/buyer`), "
                + "so they land in the case's partition. Optional arguments are left out when they have no value; "
                + "a command that lacks an argument its action needs (see \"Needed by\" below) is invalid."))
    }

    public static var example: CaseCommand {
        let thread = ThreadKey(shop: "shop-demo-tmall", buyer: "buyer-d002")
        return CaseCommand(commandId: "cmd-20261113-0007", caseId: CaseEvent.caseId(for: thread), shop: thread.shop,
                           buyer: thread.buyer, action: .rectify, actor: "M-sh",
                           issuedAt: .example("2026-11-13T17:30:00+08:00"), note: "12315 投诉复盘后提交",
                           plan: "全组重新培训投诉处理流程，主管每日抽检 20 个会话",
                           dueAt: .example("2026-11-27T18:00:00+08:00"))
    }
}
