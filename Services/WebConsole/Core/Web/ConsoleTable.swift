/// A table of rows whose cells the page has already escaped.
enum ConsoleTable {
    static func html(headers: [String], rows: [String], empty: String, text: ConsoleText, id: String? = nil) -> String {
        let idAttribute = id.map { " id=\"\(text.attribute($0))\"" } ?? ""
        let head = headers.map { "<th>\(text.attribute($0))</th>" }.joined()
        let body = rows.isEmpty
            ? "<tr class=\"empty\"><td colspan=\"\(headers.count)\">\(text.attribute(empty))</td></tr>"
            : rows.joined(separator: "\n")
        return "<div class=\"scroll\"><table class=\"list\"\(idAttribute)>\n<thead><tr>\(head)</tr></thead>\n"
            + "<tbody>\n\(body)\n</tbody>\n</table></div>"
    }
}
