import VigilContracts
import VigilRuntime

// MARK: - Deadlines

extension EscalationProcessor {
    /// Records a missed deadline step: a `deadline_missed` entry for the next
    /// person up the chain, or `rectification_overdue` for the brand manager.
    /// The entry carries the due time, never the time it was computed.
    func fire(_ due: DueDeadline, partition: Int32, context: ProcessingContext) throws {
        let database = context.database
        try deadlines.markMissed(due, in: database)
        guard var record = try cases.record(due.caseId, in: database) else { return }
        let chain = CaseChain.of(record, roster: roster)

        var event: CaseEvent
        switch due.deadline {
        case .acknowledge, .followUp:
            let recipient = due.step < chain.count ? chain[due.step] : nil
            event = CaseEventFactory.event(
                .deadlineMissed, id: CaseEventFactory.deadlineEventId(due), record: record, at: due.due,
                text: CaseText.deadlineMissed(due.deadline, step: due.step, due: due.due, recipient: recipient))
            event.recipient = recipient
            event.notify = recipient != nil
        case .rectification:
            record.rectification = .overdue
            try cases.save(record, in: database)
            let recipient = roster.brandManagers.first.map {
                AlertRecipient(personId: $0.id, name: $0.name, role: $0.role)
            }
            event = CaseEventFactory.event(
                .rectificationOverdue, id: CaseEventFactory.deadlineEventId(due), record: record, at: due.due,
                text: CaseText.rectificationOverdue(due: due.due, recipient: recipient))
            event.recipient = recipient
            event.notify = recipient != nil
        }
        event.deadline = due.deadline
        event.chainStep = due.step
        event.dueAt = due.due
        try deadlines.reschedule(record, partition: partition, chainLength: chain.count, in: database)
        try context.emit(event, to: catalogue.caseEvents)
    }
}
