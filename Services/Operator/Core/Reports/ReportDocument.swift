/// A report laid out for one language, ready for a renderer.
struct ReportDocument: Sendable, Equatable {
    var title: String
    /// Lines under the title: scope and compared period.
    var subtitle: [String]
    /// Lines that need attention, such as a growth in regulator escalations.
    var warnings: [String]
    var sections: [ReportSection]
    /// The text a renderer prints in place of a table without rows.
    var emptyText: String
}
