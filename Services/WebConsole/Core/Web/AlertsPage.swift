/// The live alert list (`GET /`): the latest alerts the viewer may see, and
/// new ones as the event stream delivers them.
enum AlertsPage {
    static func content(_ alerts: [ConsoleAlert], limit: Int, text: ConsoleText) -> String {
        let rows = alerts.map { AlertRow($0, text: text) }
        let newest = alerts.map(\.sequence).max() ?? 0
        let headers = AlertRow.headers(text).map { "<th>\(text.attribute($0))</th>" }.joined()
        let empty = rows.isEmpty
            ? "<tr class=\"empty\"><td colspan=\"\(AlertRow.headers(text).count)\">\(text.pick("暂无预警。", "No alerts yet."))</td></tr>"
            : ""
        return """
            <h1>\(ConsoleSection.alerts.title(text))</h1>
            <p class="hint">\(text.pick("新预警会自动出现在列表顶部，无需刷新。", "New alerts appear at the top without a reload.")) \
            <span id="stream-status" data-connected="\(text.pick("实时连接中", "live"))" \
            data-disconnected="\(text.pick("连接中断，正在重连", "disconnected, reconnecting"))" \
            data-closed="\(text.pick("连接已断开，请刷新页面（可能需要重新登录）", "disconnected; reload the page (you may need to sign in again)"))"></span></p>
            <table id="alerts" class="list" data-stream="/events/alerts" data-after="\(newest)" data-limit="\(limit)">
            <thead><tr>\(headers)</tr></thead>
            <tbody>\(empty)\(rows.map { $0.html(text) }.joined(separator: "\n"))</tbody>
            </table>
            """
    }
}
