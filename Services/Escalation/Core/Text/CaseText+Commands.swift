import VigilContracts

// MARK: - Commands

extension CaseText {
    /// Returns the text of an applied command's entry. `actor` is the roster
    /// name, or the id when the roster no longer lists the person.
    static func applied(_ type: CaseEventType, command: CaseCommand, record: CaseRecord, actor: String) -> LocalizedText {
        switch type {
        case .acknowledged:
            return LocalizedText(chinese: "\(actor)已确认案件，负责跟进。", english: "\(actor) acknowledged the case and follows it up.")
        case .assigned:
            let assignee = command.assignee ?? ""
            return LocalizedText(chinese: "\(actor)将案件指派给\(assignee)。", english: "\(actor) assigned the case to \(assignee).")
        case .noted:
            let note = command.note ?? ""
            return LocalizedText(chinese: "\(actor)备注：\(note)", english: "\(actor) noted: \(note)")
        case .resolved:
            let note = command.note.map { "：\($0)" } ?? "。"
            return LocalizedText(chinese: "\(actor)已结案\(note)",
                                 english: "\(actor) resolved the case" + (command.note.map { ": \($0)" } ?? "."))
        case .escalated:
            return escalated(command.escalateTo ?? .platform, actor: actor)
        case .classified:
            return classified(record, actor: actor)
        case .reviewed:
            return LocalizedText(chinese: "\(actor)完成复盘：\(command.note ?? "")",
                                 english: "\(actor) recorded the case review: \(command.note ?? "")")
        case .planSubmitted:
            let due = command.dueAt?.iso8601 ?? ""
            return LocalizedText(chinese: "\(actor)提交整改方案（\(due) 前完成）：\(command.plan ?? "")",
                                 english: "\(actor) submitted a rectification plan (to be done by \(due)): \(command.plan ?? "")")
        case .planAccepted:
            return LocalizedText(chinese: "\(actor)通过了整改方案。", english: "\(actor) accepted the rectification plan.")
        case .planRejected:
            return LocalizedText(chinese: "\(actor)驳回了整改方案：\(command.note ?? "")，需重新提交。",
                                 english: "\(actor) rejected the rectification plan: \(command.note ?? ""); a new plan is required.")
        default:
            return LocalizedText(chinese: "\(actor)：\(command.action.label.chinese)。",
                                 english: "\(actor): \(command.action.label.english).")
        }
    }

    /// Returns the text of a rejected command: the requested action and the reason.
    static func rejected(_ command: CaseCommand, actor: String, reason: LocalizedText) -> LocalizedText {
        LocalizedText(chinese: "未执行\(actor)的操作「\(command.action.label.chinese)」：\(reason.chinese)",
                      english: "Refused \(actor)'s request to \(command.action.label.english): \(reason.english)")
    }

    private static func escalated(_ target: EscalationTarget, actor: String) -> LocalizedText {
        switch target {
        case .platform:
            LocalizedText(chinese: "\(actor)登记：顾客已投诉到平台。", english: "\(actor) recorded that the customer went to the platform.")
        case .regulator:
            LocalizedText(chinese: "\(actor)登记：顾客已投诉到监管部门，进入问责。",
                          english: "\(actor) recorded that the customer went to a regulator; accountability applies.")
        }
    }

    private static func classified(_ record: CaseRecord, actor: String) -> LocalizedText {
        let cause = record.cause?.label ?? LocalizedText(chinese: "未知", english: "unknown")
        guard !record.responsibilities.isEmpty else {
            return LocalizedText(chinese: "\(actor)判定原因：\(cause.chinese)，非人为原因，不追究个人责任。",
                                 english: "\(actor) classified the cause as \(cause.english): not a human cause, so no one is held responsible.")
        }
        let chinese = record.responsibilities.map { "\($0.name)（\($0.level.label.chinese)）" }.joined(separator: "、")
        let english = record.responsibilities.map { "\($0.name) (\($0.level.label.english))" }.joined(separator: ", ")
        let due = record.rectificationDueAt?.iso8601 ?? ""
        return LocalizedText(
            chinese: "\(actor)判定原因：\(cause.chinese)。责任人：\(chinese)。须在 \(due) 前提交整改方案。",
            english: "\(actor) classified the cause as \(cause.english). Responsible: \(english). "
                + "A rectification plan is due by \(due).")
    }
}
