/// Renders a report as text with aligned columns, for a terminal.
enum TableReportRenderer {
    static func render(_ document: ReportDocument) -> String {
        var blocks = [([document.title] + document.subtitle).joined(separator: "\n")]
        if !document.warnings.isEmpty {
            blocks.append(document.warnings.joined(separator: "\n"))
        }
        for section in document.sections {
            var table = TextTable(headers: section.headers, rightAligned: section.rightAligned)
            for row in section.rows {
                table.append(row)
            }
            let body = section.rows.isEmpty ? document.emptyText : table.render()
            blocks.append(([section.title, body] + section.notes).joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
