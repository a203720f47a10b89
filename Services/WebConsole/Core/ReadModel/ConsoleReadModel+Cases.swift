import VigilContracts
import VigilStore

// MARK: - Cases

extension ConsoleReadModel {
    /// Cases whose state is not resolved, soonest deadline first (cases without a deadline last).
    ///
    /// The deadline is the one the pages show (``CaseDeadlineStatus``): the
    /// running one, or the one last missed. Cases with the same deadline, or
    /// none, come in opening order. A case id without a state is no case:
    /// escalation's rejection of a command for an unknown case id is its only entry.
    public func openCases(vendor: String?) throws -> [CaseFile] {
        let files = try cases(vendor: vendor, where: "(c.state IS NOT NULL AND c.state != 'resolved')",
                              orderBy: "c.opened_ms, c.case_id")
        let keyed = files.enumerated().map { index, file in
            (due: Self.shownDueAt(file), index: index, file: file)
        }
        return keyed.sorted { ($0.due, $0.index) < ($1.due, $1.index) }.map(\.file)
    }

    /// Returns the due time of the deadline the pages show for `file`, in
    /// epoch milliseconds, or `Int64.max` when they show none.
    private static func shownDueAt(_ file: CaseFile) -> Int64 {
        switch CaseDeadlineStatus(file, now: nil) {
        case .running(_, let dueAt, _): dueAt.epochMilliseconds
        case .overdue(_, let dueAt, _, _): dueAt?.epochMilliseconds ?? Int64.max
        case .none: Int64.max
        }
    }

    /// Any case by id, whatever its vendor: the caller checks `viewer.mayView(vendor: file.vendor)`.
    public func caseFile(id: String) throws -> CaseFile? {
        try read { database in
            try CaseTimelines.file(caseId: id, in: database)
        }
    }

    /// Cases that have a rectification status or plan, newest first.
    ///
    /// Newest means the latest opening; cases opened at the same time come by id.
    public func rectifications(vendor: String?) throws -> [CaseFile] {
        try cases(vendor: vendor, where: "(c.rectification IS NOT NULL OR c.has_plan = 1)",
                  orderBy: "c.opened_ms DESC, c.case_id")
    }

    /// Folds the cases that meet `condition`, in the order of `orderBy`, from
    /// one query that returns each case's events together.
    private func cases(vendor: String?, where condition: String, orderBy order: String) throws -> [CaseFile] {
        let scope = VendorScope(vendor)
        guard !scope.matchesNothing else { return [] }
        let filter = scope.condition(on: "c.vendor")
        return try read { database in
            let rows = try database.query("""
                SELECT c.case_id, e.entry FROM console_cases c
                JOIN console_case_events e ON e.case_id = c.case_id
                WHERE \(condition) AND \(filter.sql)
                ORDER BY \(order), e.sequence
                """, filter.bindings)
            return try CaseTimelines.files(fromRows: rows)
        }
    }
}
