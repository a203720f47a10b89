import VigilContracts
import VigilRuntime

// MARK: - Alerts and complaints

extension EscalationProcessor {
    /// The way an input found its case.
    enum Opening {
        /// The thread's current case, unchanged.
        case existing
        /// A new case: the thread's first, or the next after one resolved longer than `reopenDays` ago.
        case opened
        /// The thread's resolved case, open again.
        case reopened
    }

    /// Links a released alert to its thread's case, opening or reopening one when needed.
    func apply(_ alert: Alert, partition: Int32, context: ProcessingContext) throws {
        let agent = roster.person(alert.agent)
        var (record, opening) = try caseOf(alert.thread, at: alert.raisedAt, context: context) { caseId, sequence in
            CaseRecord(caseId: caseId, shop: alert.shop, buyer: alert.buyer, sequence: sequence, state: .open,
                       severity: alert.severity, agent: alert.agent, conversationId: alert.conversationId,
                       team: agent?.team, site: alert.site, vendor: agent?.vendor, openedAt: alert.raisedAt)
        }
        record.severity = max(record.severity, alert.severity)
        if record.agent == nil {
            // A case a complaint opened before its conversation was known learns its scope from the alert.
            record.agent = alert.agent
            record.conversationId = alert.conversationId
            record.site = alert.site
            record.team = agent?.team
            record.vendor = agent?.vendor
        }
        try cases.save(record, in: context.database)
        let chain = CaseChain.of(record, roster: roster)

        var event: CaseEvent
        switch opening {
        case .opened:
            let follower = chain.first ?? alert.recipient
            event = CaseEventFactory.event(.opened, id: "case/\(record.caseId)/opened", record: record,
                                           at: alert.raisedAt, text: CaseText.openedByAlert(alert, follower: follower?.name))
            event.recipient = follower
            event.notify = false
        case .reopened:
            event = CaseEventFactory.event(.reopened, id: "case/\(record.caseId)/reopened/\(alert.eventId)",
                                           record: record, at: alert.raisedAt, text: CaseText.reopenedByAlert(alert))
            event.recipient = chain.first
            event.notify = chain.first != nil
        case .existing:
            event = CaseEventFactory.event(.alertLinked, id: "case/\(record.caseId)/\(alert.eventId)", record: record,
                                           at: alert.raisedAt, text: CaseText.alertLinked(alert))
        }
        event.alertId = alert.eventId
        event.conversationId = alert.conversationId
        event.agent = alert.agent
        if opening != .existing {
            try deadlines.restartAcknowledge(record, partition: partition, at: alert.raisedAt, in: context.database)
            event.deadline = .acknowledge
            event.dueAt = policy.acknowledgeLimit(record.severity).after(alert.raisedAt)
        }
        try deadlines.reschedule(record, partition: partition, chainLength: chain.count, in: context.database)
        try context.emit(event, to: catalogue.caseEvents)
    }

    /// Links a complaint released at `round` to its thread's case, opening or
    /// reopening one first when needed, and escalates the case to the
    /// complaint's channel. Its agent comes from the chat rounds below `round`.
    func apply(_ complaint: Complaint, partition: Int32, round: Int, context: ProcessingContext) throws {
        let handler = try conversations.handler(of: complaint, partition: partition, before: round,
                                                in: context.database)
        let agent = handler.flatMap { roster.person($0.agent) }
        let severity: Severity = complaint.channel.isRegulator ? .critical : .high
        var (record, opening) = try caseOf(complaint.thread, at: complaint.filedAt, context: context) { caseId, sequence in
            CaseRecord(caseId: caseId, shop: complaint.shop, buyer: complaint.buyer, sequence: sequence, state: .open,
                       severity: severity, agent: handler?.agent,
                       conversationId: handler?.conversationId ?? complaint.conversationId,
                       team: agent?.team, site: handler?.site, vendor: agent?.vendor, openedAt: complaint.filedAt)
        }
        try cases.save(record, in: context.database)
        var chain = CaseChain.of(record, roster: roster)

        // Opening or reopening is its own entry, before the complaint's.
        switch opening {
        case .opened:
            var opened = CaseEventFactory.event(
                .opened, id: "case/\(record.caseId)/opened", record: record, at: complaint.filedAt,
                text: CaseText.openedByComplaint(complaint, follower: chain.first?.name))
            opened.complaintId = complaint.eventId
            opened.complaintChannel = complaint.channel
            opened.recipient = chain.first
            opened.notify = chain.first != nil
            opened.deadline = .acknowledge
            opened.dueAt = policy.acknowledgeLimit(max(record.severity, severity)).after(complaint.filedAt)
            try context.emit(opened, to: catalogue.caseEvents)
        case .reopened:
            var reopened = CaseEventFactory.event(
                .reopened, id: "case/\(record.caseId)/reopened/\(complaint.eventId)", record: record,
                at: complaint.filedAt, text: CaseText.reopenedByComplaint(complaint))
            reopened.complaintId = complaint.eventId
            reopened.recipient = chain.first
            reopened.notify = chain.first != nil
            reopened.deadline = .acknowledge
            reopened.dueAt = policy.acknowledgeLimit(max(record.severity, severity)).after(complaint.filedAt)
            try context.emit(reopened, to: catalogue.caseEvents)
        case .existing:
            break
        }
        if opening != .existing {
            try deadlines.restartAcknowledge(record, partition: partition, at: complaint.filedAt, in: context.database)
        }

        record.severity = max(record.severity, severity)
        if complaint.channel.isRegulator {
            record.state = .escalatedRegulator
            record.regulatorEscalated = true
            record.resolvedAt = nil
        } else if record.state != .escalatedRegulator {
            record.state = .escalatedPlatform
            record.resolvedAt = nil
        }
        try cases.save(record, in: context.database)
        chain = CaseChain.of(record, roster: roster)
        try deadlines.reschedule(record, partition: partition, chainLength: chain.count, in: context.database)

        var linked = CaseEventFactory.event(.complaintLinked, id: "case/\(record.caseId)/\(complaint.eventId)",
                                            record: record, at: complaint.filedAt,
                                            text: CaseText.complaintLinked(complaint))
        linked.complaintId = complaint.eventId
        linked.complaintChannel = complaint.channel
        linked.conversationId = complaint.conversationId ?? record.conversationId
        try context.emit(linked, to: catalogue.caseEvents)
    }

    /// Returns the case an input at `time` belongs to. That is the thread's
    /// current case, reopened when it was resolved at most `reopenDays` before,
    /// or else a new case made by `newCase` (case id, sequence). An input older
    /// than the resolution joins the resolved case as it is.
    private func caseOf(_ thread: ThreadKey, at time: Timestamp, context: ProcessingContext,
                        newCase: (String, Int) -> CaseRecord) throws -> (CaseRecord, Opening) {
        guard var current = try cases.current(of: thread, in: context.database) else {
            return (newCase(CaseEvent.caseId(for: thread), 1), .opened)
        }
        guard current.state == .resolved, let resolvedAt = current.resolvedAt, time >= resolvedAt else {
            return (current, .existing)
        }
        guard time.epochMilliseconds - resolvedAt.epochMilliseconds <= policy.reopenMilliseconds else {
            let sequence = current.sequence + 1
            return (newCase(CaseEvent.caseId(for: thread, sequence: sequence), sequence), .opened)
        }
        current.state = .open
        current.acknowledgedAt = nil
        current.acknowledgedBy = nil
        current.followUpStarted = false
        current.resolvedAt = nil
        return (current, .reopened)
    }
}
