import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

// MARK: - Case events

extension ConsoleRecordApplier {
    /// Stores a case event once, in arrival order, which for one case is the
    /// order escalation published it in. The case's summary is folded when the batch finishes.
    func applyCaseEvent(_ record: KafkaRecord, to batch: inout ConsoleBatch) throws {
        let event = try RecordDecoding.decode(CaseEvent.self, from: record.value).masked(by: masker)
        try RecordDecoding.requireAcceptedTime(event.occurredAt, of: "case event \(event.eventId)")

        try database.run("INSERT OR IGNORE INTO console_case_events (event_id, case_id, entry) VALUES (?, ?, ?)",
                         [event.eventId, event.caseId, try EventCoding.encode(event)])
        if database.changes == 1 {
            batch.changedCases.insert(event.caseId)
        }
        try advanceClock(to: event.occurredAt)
    }

    /// Folds the case's stored timeline and writes the columns the case lists filter and sort on.
    func refoldCase(_ caseId: String) throws {
        guard let file = try CaseTimelines.file(caseId: caseId, in: database) else { return }
        try database.run("""
            INSERT INTO console_cases (case_id, vendor, state, opened_ms, next_due_ms, rectification, has_plan)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id) DO UPDATE SET vendor = excluded.vendor, state = excluded.state,
                opened_ms = excluded.opened_ms, next_due_ms = excluded.next_due_ms,
                rectification = excluded.rectification, has_plan = excluded.has_plan
            """, [caseId, file.vendor, file.state?.rawValue, file.openedAt.epochMilliseconds,
                  file.nextDeadline?.dueAt.epochMilliseconds, file.rectification?.rawValue, file.plan != nil])
    }
}
