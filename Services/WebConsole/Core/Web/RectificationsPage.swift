import VigilContracts

/// The rectification plans (`GET /rectifications`): every case with a
/// rectification status or plan, newest first.
enum RectificationsPage {
    static func content(_ files: [CaseFile], text: ConsoleText) -> String {
        let headers = [text.pick("案件", "Case"), text.pick("外包商", "Vendor"), text.pick("站点", "Site"),
                       text.pick("班组", "Team"), text.pick("原因", "Cause"), text.pick("整改状态", "Status"),
                       text.pick("截止时间", "Due"), text.pick("整改方案", "Plan"), text.pick("案件状态", "Case state")]
        let rows = files.map { file in
            let link = "<a href=\"/cases/\(text.attribute(URLText.pathSegment(file.caseId)))\">\(text.attribute(file.caseId))</a>"
            let values = [file.vendor ?? "-", file.site ?? "-", file.team ?? "-",
                          file.cause.map { text.pick($0.label) } ?? "-",
                          file.rectification.map { text.pick($0.label) } ?? "-",
                          file.rectificationDueAt.map { text.time($0) } ?? "-",
                          file.plan ?? "-", file.state.map { text.pick($0.label) } ?? "-"]
            let rowClass = file.rectification.map { " class=\"rectification-\($0.rawValue)\"" } ?? ""
            return "<tr\(rowClass)><td>\(link)</td>" + values.map { "<td>\(text.html($0))</td>" }.joined() + "</tr>"
        }
        return """
            <h1>\(ConsoleSection.rectifications.title(text))</h1>
            <p class="hint">\(text.pick("人为原因导致的监管投诉须由外包商提交整改方案，品牌方审核。",
                                        "A regulator complaint with a human cause requires a rectification plan from the "
                                            + "vendor, which the brand reviews."))</p>
            \(ConsoleTable.html(headers: headers, rows: rows, empty: text.pick("没有整改方案。", "No rectification plans."),
                                text: text))
            """
    }
}
