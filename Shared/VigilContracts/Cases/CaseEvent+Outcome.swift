extension CaseEvent {
    /// True when this entry is the escalation service's outcome for
    /// `command`: the entry that applied it, or its rejection. It matches the
    /// command id, or the event id escalation derives from the command.
    public func isOutcome(of command: CaseCommand) -> Bool {
        let applied = "case/\(command.caseId)/\(command.eventId)"
        return commandId == command.commandId || eventId == applied || eventId == applied + "/rejected"
    }
}
