import VigilContracts
import VigilHTML

/// Renders a report as one self-contained HTML page: the charts, then the tables.
///
/// The page loads nothing: no scripts, no style sheets, fonts or images from
/// elsewhere. Its Content-Security-Policy forbids every fetch and allows only
/// the inline style element and style attributes. Text uses the fonts
/// installed where the page is opened (a CJK font for Chinese).
enum HTMLReportRenderer {
    /// The policy of the page's meta element: nothing from anywhere, inline styles only.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    static func render(_ document: ReportDocument, language: Language, figures: [HTMLFigure] = []) -> String {
        var body: [String] = ["<header>", "<h1>\(HTMLText.escape(document.title))</h1>"]
        body += document.subtitle.map { "<p class=\"subtitle\">\(HTMLText.escape($0))</p>" }
        body += document.warnings.map { "<p class=\"warning\">\(HTMLText.escape($0))</p>" }
        body.append("</header>")
        body += figures.map(figure)
        body += document.sections.enumerated().map { index, section in
            table(section, id: section.id ?? "section-\(index + 1)", emptyText: document.emptyText)
        }

        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(document.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    // MARK: - Parts

    private static func figure(_ figure: HTMLFigure) -> String {
        var lines = ["<section class=\"figure\" id=\"\(HTMLText.escape(figure.id))\">",
                     "<h2>\(HTMLText.escape(figure.title))</h2>",
                     "<div class=\"charts\">" + figure.charts.joined(separator: "\n") + "</div>"]
        if let caption = figure.caption {
            lines.append("<p class=\"caption\">\(HTMLText.escape(caption))</p>")
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private static func table(_ section: ReportSection, id: String, emptyText: String) -> String {
        var lines = ["<section class=\"table\" id=\"\(HTMLText.escape(id))\">", "<h2>\(HTMLText.escape(section.title))</h2>"]
        if section.rows.isEmpty {
            lines.append("<p class=\"empty\">\(HTMLText.escape(emptyText))</p>")
        } else {
            func cells(_ row: [String], tag: String) -> String {
                row.enumerated().map { column, text in
                    let alignment = section.rightAligned.contains(column) ? " class=\"number\"" : ""
                    return "<\(tag)\(alignment)>\(HTMLText.escape(text))</\(tag)>"
                }.joined()
            }
            lines.append("<div class=\"scroll\"><table>")
            lines.append("<thead><tr>" + cells(section.headers, tag: "th") + "</tr></thead>")
            lines.append("<tbody>")
            lines += section.rows.map { "<tr>" + cells($0, tag: "td") + "</tr>" }
            lines.append("</tbody></table></div>")
        }
        lines += section.notes.map { "<p class=\"note\">\(HTMLText.escape($0))</p>" }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private static let style = """
        body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;\
        color:#222;margin:24px;background:#fff;font-size:14px}
        h1{font-size:22px;margin:0 0 8px}
        h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .subtitle{margin:2px 0;color:#555}
        .warning{margin:8px 0;padding:6px 10px;background:#fff3e0;border-left:4px solid #e07b39}
        .charts{display:flex;flex-wrap:wrap;gap:16px 28px}
        .chart{font-family:inherit}
        .caption,.note,.empty{color:#555;margin:6px 0}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;font-size:13px}
        th,td{border:1px solid #ddd;padding:4px 8px;white-space:nowrap;text-align:left}
        th{background:#f3f5f8;white-space:normal;min-width:4em;max-width:7em;vertical-align:bottom}
        td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
        tbody tr:nth-child(even){background:#fafafa}
        @media print{body{margin:8mm}.scroll{overflow:visible}}
        """
}
