/// A query's vendor filter, as SQL: every vendor, one vendor, or none.
///
/// A viewer without a vendor gets the empty string as filter
/// (`ConsoleViewer.vendorFilter`), which must match no row, not the rows
/// whose vendor is unknown.
struct VendorScope {
    /// nil for every vendor, otherwise the one vendor the rows must have.
    let vendor: String?

    init(_ vendor: String?) {
        self.vendor = vendor
    }

    /// True when no row can match, so a query need not run.
    var matchesNothing: Bool { vendor?.isEmpty == true }

    /// Returns an SQL condition on `column`, to join with AND, and its bound values.
    func condition(on column: String) -> (sql: String, bindings: [String]) {
        guard let vendor else { return ("1", []) }
        return ("\(column) = ?", [vendor])
    }
}
