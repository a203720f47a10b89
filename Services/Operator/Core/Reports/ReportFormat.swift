import VigilContracts

/// The output formats of reports.
enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// RFC 4180 CSV: one block per table, a blank line between blocks.
    case csv
    /// Headings and pipe tables.
    case markdown
    /// One self-contained HTML page that loads nothing from elsewhere.
    case html

    /// Renders a laid-out report in this format; `language` sets the HTML page's `lang`.
    func render(_ document: ReportDocument, language: Language) -> String {
        switch self {
        case .table: TableReportRenderer.render(document)
        case .csv: CSVReportRenderer.render(document)
        case .markdown: MarkdownReportRenderer.render(document)
        case .html: HTMLReportRenderer.render(document, language: language)
        }
    }
}
