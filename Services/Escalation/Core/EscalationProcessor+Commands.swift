import VigilContracts
import VigilRuntime

// MARK: - Commands

extension EscalationProcessor {
    /// Applies a released case command through the case machine, or records
    /// why it is refused. The release has already fired every deadline due
    /// up to the command's time, so a late acknowledgement still shows the miss.
    func apply(_ command: CaseCommand, partition: Int32, context: ProcessingContext) throws {
        let database = context.database
        let actor = roster.person(command.actor)?.name ?? command.actor
        guard let record = try cases.record(command.caseId, in: database) else {
            try reject(command, record: nil, actor: actor, reason: .unknownCase(command.caseId), context: context)
            return
        }

        switch machine.decide(command, on: record, roster: roster) {
        case .reject(let rejection):
            try reject(command, record: record, actor: actor, reason: rejection, context: context)
        case .apply(let next, let type):
            try cases.save(next, in: database)
            try deadlines.reschedule(next, partition: partition, chainLength: CaseChain.of(next, roster: roster).count,
                                     in: database)
            var event = CaseEventFactory.event(
                type, id: CaseEventFactory.commandEventId(caseId: next.caseId, command: command, rejected: false),
                record: next, at: command.issuedAt,
                text: CaseText.applied(type, command: command, record: next, actor: actor))
            event.actor = command.actor
            event.commandId = command.commandId
            event.action = command.action
            event.escalateTo = type == .escalated ? command.escalateTo : nil
            if type == .classified {
                event.responsibilities = next.responsibilities
                event.deadline = next.rectificationDueAt == nil ? nil : .rectification
                event.dueAt = next.rectificationDueAt
            }
            if type == .acknowledged, let acknowledgedAt = next.acknowledgedAt, !next.followUpStarted {
                event.deadline = .followUp
                event.dueAt = policy.followUpLimit(next.severity).after(acknowledgedAt)
            }
            if type == .reviewed {
                event.review = next.review
            }
            if type == .planSubmitted {
                event.plan = next.plan
                event.dueAt = next.rectificationDueAt
            }
            try context.emit(event, to: catalogue.caseEvents)
        }
    }

    /// Records a refused command on the case's timeline (or under the
    /// command's case id and thread when no such case exists).
    private func reject(_ command: CaseCommand, record: CaseRecord?, actor: String, reason: CaseRejection,
                        context: ProcessingContext) throws {
        let id = CaseEventFactory.commandEventId(caseId: command.caseId, command: command, rejected: true)
        let text = CaseText.rejected(command, actor: actor, reason: reason.text)
        var event: CaseEvent
        if let record {
            event = CaseEventFactory.event(.commandRejected, id: id, record: record, at: command.issuedAt, text: text)
        } else {
            event = CaseEvent(eventId: id, caseId: command.caseId, type: .commandRejected, shop: command.shop,
                              buyer: command.buyer, conversationId: nil, agent: nil, alertId: nil, complaintId: nil,
                              complaintChannel: nil, occurredAt: command.issuedAt, text: text)
        }
        event.actor = command.actor
        event.commandId = command.commandId
        event.action = command.action
        try context.emit(event, to: catalogue.caseEvents)
    }
}
