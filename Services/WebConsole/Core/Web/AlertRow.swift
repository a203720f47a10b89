import VigilContracts

/// One row of the live alert list: the same cells whether the page lists the
/// alert when it loads or the event stream sends it later.
///
/// Cells are plain text with personal numbers masked; the page escapes them,
/// and the script inserts them as text, never as markup.
struct AlertRow: Encodable {
    var sequence: Int64
    var severity: String
    var cells: [String]

    init(_ stored: ConsoleAlert, text: ConsoleText) {
        let alert = stored.alert
        sequence = stored.sequence
        severity = alert.severity.rawValue
        let recipient = alert.recipient.map { $0.name + text.bracketed(text.pick($0.role.label)) } ?? "-"
        cells = [
            text.shortTime(alert.raisedAt),
            text.pick(alert.severity.label),
            text.pick(alert.category.label),
            Self.actionLabel(alert.currentAction, text: text),
            alert.thread.recordKey,
            alert.agent,
            alert.site,
            alert.snippet,
            recipient,
        ].map(text.plain)
    }

    static func headers(_ text: ConsoleText) -> [String] {
        [text.pick("时间", "Time"), text.pick("级别", "Severity"), text.pick("类别", "Category"),
         text.pick("动作", "Action"), text.pick("店铺/顾客", "Shop/buyer"), text.pick("客服", "Agent"),
         text.pick("站点", "Site"), text.pick("内容", "Text"), text.pick("跟进人", "Follow-up by")]
    }

    /// Writes the `<tr>` the page lists when it loads.
    func html(_ text: ConsoleText) -> String {
        let cells = cells.map { "<td>\(text.attribute($0))</td>" }.joined()
        return "<tr class=\"severity-\(text.attribute(severity))\" data-sequence=\"\(sequence)\">\(cells)</tr>"
    }

    private static func actionLabel(_ action: AlertAction, text: ConsoleText) -> String {
        switch action {
        case .raised: text.pick("新预警", "raised")
        case .repeated: text.pick("重复命中", "repeated")
        case .escalated: text.pick("级别升高", "escalated")
        case .reminded: text.pick("提醒", "reminder")
        case .closed: text.pick("已关闭", "closed")
        }
    }
}
