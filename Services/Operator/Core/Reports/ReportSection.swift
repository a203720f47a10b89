/// One table of a rendered report: a title, a header row and text cells.
struct ReportSection: Sendable, Equatable {
    var title: String
    var headers: [String]
    var rows: [[String]]
    /// Columns aligned to the right in the terminal table (numbers).
    var rightAligned: Set<Int> = []
    /// Lines printed under the table, such as why a score is zero.
    var notes: [String] = []
    /// The HTML element id of the section, so a reader can link to it and a test can find it.
    var id: String?
}
