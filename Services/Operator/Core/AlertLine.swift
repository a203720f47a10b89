import VigilContracts

/// One alert event as one line on a supervisor's screen:
/// time, severity, category, action, recipient and the notification text.
///
/// Events that notify no one (shown only with `--all`) carry a mark, so a
/// reader can tell a repeat or an inhibited alert from one they must act on.
enum AlertLine {
    /// Formats the event, showing its time at `utcOffsetSeconds` from UTC.
    static func format(_ alert: Alert, language: Language, utcOffsetSeconds: Int32) -> String {
        let chinese = language == .chinese
        var fields = [
            time(alert.raisedAt, utcOffsetSeconds: utcOffsetSeconds),
            "[\(severity(alert.severity, chinese))]",
            category(alert.category, chinese),
            action(alert, chinese),
            recipient(alert.recipient, chinese),
        ]
        if alert.inhibitedBy != nil {
            fields.append(chinese ? "〔已抑制〕" : "[inhibited]")
        } else if !alert.notifies {
            fields.append(chinese ? "〔不通知〕" : "[silent]")
        }
        fields.append(oneLine(alert.text.text(in: language)))
        return fields.joined(separator: "  ")
    }

    /// Formats the time as "2026-11-11 09:00:05" at the given offset from UTC.
    static func time(_ timestamp: Timestamp, utcOffsetSeconds: Int32) -> String {
        let shifted = Timestamp(epochMilliseconds: timestamp.epochMilliseconds, utcOffsetSeconds: utcOffsetSeconds)
        return String(String(shifted.iso8601.prefix(19)).map { $0 == "T" ? " " : $0 })
    }

    // MARK: - Labels

    private static func severity(_ severity: Severity, _ chinese: Bool) -> String {
        chinese ? severity.label.chinese : severity.label.english.uppercased()
    }

    private static func category(_ category: RiskCategory, _ chinese: Bool) -> String {
        chinese ? category.label.chinese : category.label.english
    }

    private static func action(_ alert: Alert, _ chinese: Bool) -> String {
        switch alert.currentAction {
        case .raised: return chinese ? "新预警" : "raised"
        case .repeated:
            let count = alert.occurrences.map { chinese ? "（第 \($0) 次）" : " (×\($0))" } ?? ""
            return (chinese ? "重复" : "repeated") + count
        case .escalated: return chinese ? "升级" : "escalated"
        case .reminded: return chinese ? "提醒" : "reminded"
        case .closed: return chinese ? "已关闭" : "closed"
        }
    }

    private static func recipient(_ recipient: AlertRecipient?, _ chinese: Bool) -> String {
        guard let recipient else { return chinese ? "→ 无接收人" : "→ no recipient" }
        let role: String
        switch recipient.role {
        case .agent: role = chinese ? "客服" : "agent"
        case .supervisor: role = chinese ? "主管" : "supervisor"
        case .manager: role = chinese ? "经理" : "manager"
        case .brandManager: role = chinese ? "品牌客服经理" : "brand manager"
        }
        let name = oneLine(recipient.name)
        let id = oneLine(recipient.personId)
        return chinese ? "→ \(name)（\(role) \(id)）" : "→ \(name) (\(role) \(id))"
    }

    /// Puts the text on one line and shows control characters as U+FFFD, so
    /// an escape sequence in a customer's words cannot rewrite the terminal.
    static func oneLine(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                return " "
            }
            return scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
