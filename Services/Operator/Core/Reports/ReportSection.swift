/// One table of a rendered report: a title, a header row and text cells.
struct ReportSection: Sendable, Equatable {
    var title: String
    var headers: [String]
    var rows: [[String]]
    /// Columns aligned to the right in the terminal table (numbers).
    var rightAligned: Set<Int> = []
}
