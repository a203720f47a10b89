/// The output formats of reports.
enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// RFC 4180 CSV: one block per table, a blank line between blocks.
    case csv
    /// Headings and pipe tables.
    case markdown

    /// Renders a laid-out report in this format.
    func render(_ document: ReportDocument) -> String {
        switch self {
        case .table: TableReportRenderer.render(document)
        case .csv: CSVReportRenderer.render(document)
        case .markdown: MarkdownReportRenderer.render(document)
        }
    }
}
