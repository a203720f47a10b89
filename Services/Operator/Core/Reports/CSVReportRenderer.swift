/// Renders a report as CSV after RFC 4180: CRLF line ends, fields quoted when
/// they hold a comma, a quote or a line break, quotes doubled.
///
/// The title, scope and warnings come first, one field per row. Each table
/// follows as a block: a row with its title, its header row, then its rows.
/// A blank line separates blocks, so a spreadsheet shows them apart.
enum CSVReportRenderer {
    static func render(_ document: ReportDocument) -> String {
        var blocks = [([document.title] + document.subtitle + document.warnings).map { line([$0]) }]
        for section in document.sections {
            blocks.append([line([section.title]), line(section.headers)] + section.rows.map(line)
                + section.notes.map { line([$0]) })
        }
        return blocks.map { $0.joined() }.joined(separator: "\r\n")
    }

    /// Formats one record, ending in CRLF.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Formats one field, quoted when RFC 4180 requires it.
    static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence of a character with a string.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
