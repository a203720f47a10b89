import VigilContracts

/// Builds timeline entries that carry the case's scope and its state after the entry.
enum CaseEventFactory {
    /// Returns an entry of `record` (as it is after the entry) with the fields
    /// every entry carries: scope, state, severity, and the acknowledgement,
    /// cause and rectification once they are set.
    static func event(_ type: CaseEventType, id: String, record: CaseRecord, at time: Timestamp,
                      text: LocalizedText) -> CaseEvent {
        var event = CaseEvent(
            eventId: id, caseId: record.caseId, type: type, shop: record.shop, buyer: record.buyer,
            conversationId: record.conversationId, agent: record.agent, alertId: nil, complaintId: nil,
            complaintChannel: nil, occurredAt: time, text: text)
        event.team = record.team
        event.site = record.site
        event.vendor = record.vendor
        event.state = record.state
        event.severity = record.severity
        event.acknowledgedAt = record.acknowledgedAt
        event.assignee = record.assignee
        event.cause = record.cause
        event.rectification = record.rectification
        return event
    }

    /// Returns the id of the entry a command makes, or of its rejection.
    static func commandEventId(caseId: String, command: CaseCommand, rejected: Bool) -> String {
        "case/\(caseId)/\(command.eventId)" + (rejected ? "/rejected" : "")
    }

    /// Returns the id of a missed deadline step.
    static func deadlineEventId(_ due: DueDeadline) -> String {
        "case/\(due.caseId)/deadline/\(due.deadline.rawValue)/\(due.step)/\(due.due.epochMilliseconds)"
    }
}
