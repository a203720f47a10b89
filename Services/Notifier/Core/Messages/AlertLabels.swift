import VigilContracts

/// The words a notification uses for an alert's severity, category, action and recipient role.
enum AlertLabels {
    /// Returns the severity's name, capitalized in English for a heading.
    static func severity(_ severity: Severity) -> LocalizedText {
        LocalizedText(chinese: severity.label.chinese, english: severity.label.english.capitalized)
    }

    /// Returns the category's long name for a robot message's heading; tails
    /// and alert texts use the short ``RiskCategory/label``.
    static func category(_ category: RiskCategory) -> LocalizedText {
        switch category {
        case .regulator: LocalizedText(chinese: "监管投诉风险", english: "Regulator")
        case .legal: LocalizedText(chinese: "法律风险", english: "Legal action")
        case .media: LocalizedText(chinese: "媒体曝光风险", english: "Media exposure")
        case .complaint: LocalizedText(chinese: "投诉举报", english: "Complaint")
        case .escalation: LocalizedText(chinese: "要求升级处理", english: "Escalation demand")
        case .replyTimeout: LocalizedText(chinese: "回复不及时", english: "Reply timeout")
        }
    }

    static func action(_ action: AlertAction) -> LocalizedText {
        switch action {
        case .raised: LocalizedText(chinese: "新预警", english: "New alert")
        case .repeated: LocalizedText(chinese: "重复命中", english: "Repeated")
        case .escalated: LocalizedText(chinese: "级别升高", english: "Severity raised")
        case .reminded: LocalizedText(chinese: "仍未处理提醒", english: "Reminder: still open")
        case .closed: LocalizedText(chinese: "已关闭", english: "Closed")
        }
    }

    static func role(_ role: RosterRole) -> LocalizedText {
        switch role {
        case .agent: LocalizedText(chinese: "客服", english: "agent")
        case .supervisor: LocalizedText(chinese: "主管", english: "supervisor")
        case .manager: LocalizedText(chinese: "经理", english: "manager")
        case .brandManager: LocalizedText(chinese: "品牌方客服经理", english: "brand manager")
        }
    }
}
