import VigilContracts

// MARK: - Deadlines

extension CaseText {
    /// Returns the text of a missed deadline step, addressed to the next person up.
    static func deadlineMissed(_ deadline: CaseDeadline, step: Int, due: Timestamp,
                               recipient: AlertRecipient?) -> LocalizedText {
        let (chinese, english) = switch deadline {
        case .acknowledge: ("案件未在 \(due.iso8601) 前确认", "The case was not acknowledged by \(due.iso8601)")
        case .followUp: ("案件确认后未在 \(due.iso8601) 前开始跟进", "The follow-up did not start by \(due.iso8601)")
        case .rectification: ("整改方案未在 \(due.iso8601) 前提交", "No rectification plan by \(due.iso8601)")
        }
        guard let recipient else {
            return LocalizedText(chinese: "\(chinese)（第 \(step) 次超时），上级链中已无人可升级。",
                                 english: "\(english) (miss \(step)); no one is left up the chain.")
        }
        return LocalizedText(chinese: "\(chinese)（第 \(step) 次超时），已升级给\(recipient.name)。",
                             english: "\(english) (miss \(step)); escalated to \(recipient.name).")
    }

    /// Returns the text for a rectification plan still missing, or rejected, at its deadline.
    static func rectificationOverdue(due: Timestamp, recipient: AlertRecipient?) -> LocalizedText {
        let to = recipient.map { ("，已通知\($0.name)", "; \($0.name) is told") } ?? ("", "")
        return LocalizedText(chinese: "整改方案逾期：到 \(due.iso8601) 仍无通过审核的方案\(to.0)。",
                             english: "Rectification overdue: no acceptable plan by \(due.iso8601)\(to.1).")
    }
}
