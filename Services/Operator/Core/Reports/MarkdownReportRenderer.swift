/// Renders a report as Markdown: a heading per table and pipe tables.
enum MarkdownReportRenderer {
    static func render(_ document: ReportDocument) -> String {
        var blocks = ["# " + cell(document.title)]
        blocks.append(document.subtitle.map(cell).joined(separator: "  \n"))
        blocks += document.warnings.map { "> **" + cell($0) + "**" }
        for section in document.sections {
            var lines = ["## " + cell(section.title), ""]
            if section.rows.isEmpty {
                lines.append(document.emptyText)
            } else {
                lines.append(row(section.headers))
                lines.append(row(section.headers.indices.map { section.rightAligned.contains($0) ? "---:" : "---" }))
                lines += section.rows.map(row)
            }
            if !section.notes.isEmpty {
                lines += ["", section.notes.map(cell).joined(separator: "  \n")]
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// Escapes what would break a table cell or a heading: pipes and line breaks.
    static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r\n", "\r": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }
}
