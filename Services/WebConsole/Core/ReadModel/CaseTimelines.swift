import VigilContracts
import VigilStore

/// Reads stored case events back and folds them with ``CaseFile``, for the
/// feed's summaries and the read model's queries alike.
enum CaseTimelines {
    /// Returns the case folded from its stored events, nil when none is stored.
    static func file(caseId: String, in database: Database) throws -> CaseFile? {
        let rows = try database.query("SELECT entry FROM console_case_events WHERE case_id = ? ORDER BY sequence",
                                      [caseId])
        return try fold(rows.map { try entry(from: $0[0]) })
    }

    /// Folds the events of one case, given in arrival order.
    static func fold(_ events: [CaseEvent]) -> CaseFile? {
        guard let first = events.first else { return nil }
        var file = CaseFile(caseId: first.caseId, thread: first.thread, openedAt: first.occurredAt)
        for event in events {
            file.apply(event)
        }
        return file
    }

    /// Folds rows of (case id, entry) that list each case's entries together,
    /// in arrival order, keeping the order in which the cases come.
    static func files(fromRows rows: [Row]) throws -> [CaseFile] {
        var files: [CaseFile] = []
        var currentId: String?
        var events: [CaseEvent] = []
        for row in rows {
            let caseId = row[0].string
            if caseId != currentId {
                if let file = fold(events) {
                    files.append(file)
                }
                currentId = caseId
                events = []
            }
            events.append(try entry(from: row[1]))
        }
        if let file = fold(events) {
            files.append(file)
        }
        return files
    }

    private static func entry(from value: DatabaseValue) throws -> CaseEvent {
        try EventCoding.decode(CaseEvent.self, from: value.bytes ?? [])
    }
}
