import VigilContracts

/// The open cases (`GET /cases`): soonest deadline first, with the time left
/// measured at the console's event clock.
enum CasesPage {
    static func content(_ files: [CaseFile], now: Timestamp?, text: ConsoleText) -> String {
        let headers = [text.pick("案件", "Case"), text.pick("店铺/顾客", "Shop/buyer"), text.pick("客服", "Agent"),
                       text.pick("班组", "Team"), text.pick("外包商", "Vendor"), text.pick("状态", "State"),
                       text.pick("级别", "Severity"), text.pick("立案时间", "Opened"),
                       text.pick("下一期限", "Next deadline"), text.pick("剩余时间", "Time left")]
        let rows = files.map { file in
            let cells = DeadlineCells(file, now: now, text: text)
            let link = "<a href=\"/cases/\(text.attribute(URLText.pathSegment(file.caseId)))\">\(text.attribute(file.caseId))</a>"
            let values = [file.thread.recordKey, file.agent ?? "-", file.team ?? "-", file.vendor ?? "-",
                          file.state.map { text.pick($0.label) } ?? "-",
                          file.severity.map { text.pick($0.label) } ?? "-", text.shortTime(file.openedAt),
                          cells.deadline, cells.timeLeft]
            let rowClass = cells.isOverdue ? " class=\"overdue\"" : ""
            return "<tr\(rowClass)><td>\(link)</td>" + values.map { "<td>\(text.html($0))</td>" }.joined() + "</tr>"
        }
        let clock = now.map { text.pick("剩余时间按事件时间 \(text.time($0)) 计算（\(text.zoneName)）。",
                                         "Time left is measured at event time \(text.time($0)) (\(text.zoneName)).") }
            ?? text.pick("还没有事件时间，无法计算剩余时间。", "No event time yet, so no time left is shown.")
        return """
            <h1>\(ConsoleSection.cases.title(text))</h1>
            <p class="hint">\(text.html(clock))</p>
            \(ConsoleTable.html(headers: headers, rows: rows, empty: text.pick("没有未结案件。", "No open cases."), text: text))
            """
    }
}
