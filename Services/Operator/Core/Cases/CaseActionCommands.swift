import VigilContracts
import VigilRuntime

// MARK: - Following up

/// `vigil case ack CASE`: takes the case.
enum CaseAckCommand: CaseActionSubcommand {
    static let action = CaseAction.ack
    static let summary = LocalizedText(chinese: "确认案件：由你接手跟进，停止逐级上报",
                                       english: "acknowledge a case: you take it, and it stops climbing the chain")
}

/// `vigil case assign CASE --assignee ID`: hands the case to someone.
enum CaseAssignCommand: CaseActionSubcommand {
    static let action = CaseAction.assign
    static let summary = LocalizedText(chinese: "把案件指派给花名册上的主管或经理",
                                       english: "assign a case to a supervisor or manager on the roster")
    static let actionOptions = [CaseActionOptions.assignee]
}

/// `vigil case note CASE --note TEXT`: adds a note; the first after acknowledging starts the follow-up.
enum CaseNoteCommand: CaseActionSubcommand {
    static let action = CaseAction.note
    static let summary = LocalizedText(chinese: "添加跟进备注；确认后的第一条备注表示已开始一对一跟进",
                                       english: "add a follow-up note; the first after acknowledging "
                                           + "starts the one-to-one follow-up")
    static let noteHelp = LocalizedText(chinese: "备注内容（必填）", english: "the note (required)")
}

/// `vigil case resolve CASE`: closes the case as settled.
enum CaseResolveCommand: CaseActionSubcommand {
    static let action = CaseAction.resolve
    static let summary = LocalizedText(chinese: "结案：已与顾客解决", english: "resolve a case: settled with the customer")
    static let noteHelp = LocalizedText(chinese: "如何解决的（可选）", english: "how it was settled (optional)")
}

/// `vigil case escalate CASE --to platform|regulator`: records where the customer complained.
enum CaseEscalateCommand: CaseActionSubcommand {
    static let action = CaseAction.escalate
    static let summary = LocalizedText(chinese: "登记顾客已投诉到平台或监管部门；到监管部门即进入问责",
                                       english: "record that the customer complained to the platform or a "
                                           + "regulator; a regulator starts accountability")
    static let actionOptions = [CaseActionOptions.target]
}

// MARK: - Accountability

/// `vigil case classify CASE --cause C`: puts a regulator case down to a cause.
enum CaseClassifyCommand: CaseActionSubcommand {
    static let action = CaseAction.classify
    static let summary = LocalizedText(chinese: "判定监管案件的原因，并据此认定责任和整改要求（经理或品牌经理）",
                                       english: "classify a regulator case's cause, which decides responsibility "
                                           + "and rectification (manager or brand manager)")
    static let actionOptions = [CaseActionOptions.cause]
}

/// `vigil case review CASE --note SUMMARY --step TEXT…`: records the case review (复盘).
enum CaseReviewCommand: CaseActionSubcommand {
    static let action = CaseAction.review
    static let summary = LocalizedText(chinese: "登记监管案件的复盘：结论、处理过程和培训措施（经理或品牌经理）",
                                       english: "record a regulator case's review: conclusion, steps and training "
                                           + "(manager or brand manager)")
    static let noteHelp = LocalizedText(chinese: "复盘结论（必填）", english: "the review's conclusion (required)")
    static let actionOptions = [CaseActionOptions.step, CaseActionOptions.training]
}

/// `vigil case rectify CASE --plan TEXT --due TIME`: the vendor's manager submits a rectification plan.
enum CaseRectifyCommand: CaseActionSubcommand {
    static let action = CaseAction.rectify
    static let summary = LocalizedText(chinese: "提交整改方案（案件所在站点的经理）",
                                       english: "submit a rectification plan (the manager of the case's site)")
    static let actionOptions = [CaseActionOptions.plan, CaseActionOptions.due]
}

/// `vigil case accept-plan CASE`: the brand manager accepts the plan.
enum CaseAcceptPlanCommand: CaseActionSubcommand {
    static let action = CaseAction.acceptPlan
    static let summary = LocalizedText(chinese: "通过整改方案（品牌经理）",
                                       english: "accept the rectification plan (brand manager)")
}

/// `vigil case reject-plan CASE --note REASON`: the brand manager rejects the plan; a new one is required.
enum CaseRejectPlanCommand: CaseActionSubcommand {
    static let action = CaseAction.rejectPlan
    static let summary = LocalizedText(chinese: "驳回整改方案，须重新提交（品牌经理）",
                                       english: "reject the rectification plan; a new one is required (brand manager)")
    static let noteHelp = LocalizedText(chinese: "驳回理由（必填）", english: "why the plan is rejected (required)")
}

/// The case action commands in the order `vigil --help` lists them.
enum CaseActionCommands {
    static let all: [any Subcommand.Type] = [
        CaseAckCommand.self, CaseAssignCommand.self, CaseNoteCommand.self, CaseResolveCommand.self,
        CaseEscalateCommand.self, CaseClassifyCommand.self, CaseReviewCommand.self, CaseRectifyCommand.self,
        CaseAcceptPlanCommand.self, CaseRejectPlanCommand.self,
    ]
}
