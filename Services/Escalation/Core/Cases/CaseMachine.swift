import VigilContracts

/// The outcome of a case command: the record after it with the timeline entry
/// type to write, or the reason it is rejected.
enum CaseDecision: Equatable {
    case apply(CaseRecord, CaseEventType)
    case reject(CaseRejection)
}

/// The rules of case commands, as pure functions of the command, the case and the roster.
///
/// A command is checked in three steps and the first failure wins: its
/// arguments (`CaseCommand.argumentError`), the actor's permissions
/// (``CasePermissions``), then whether the case's state allows the action.
struct CaseMachine: Sendable {
    /// Days the vendor's manager has to submit a rectification plan after a human cause is classified.
    var rectificationDays: Int

    /// Returns the record after the command and the timeline entry type, or the reason it is rejected.
    func decide(_ command: CaseCommand, on record: CaseRecord, roster: Roster) -> CaseDecision {
        if let reason = command.argumentError {
            return .reject(.invalidArguments(reason))
        }

        if let rejection = CasePermissions.check(actor: command.actor, action: command.action, on: record,
                                                 roster: roster) {
            return .reject(rejection)
        }

        var next = record
        let outcome: Result<CaseEventType, CaseRejection>
        switch command.action {
        case .ack: outcome = acknowledge(&next, command: command, roster: roster)
        case .assign: outcome = assign(&next, command: command, roster: roster)
        case .note: outcome = note(&next)
        case .resolve: outcome = resolve(&next, command: command)
        case .escalate: outcome = escalate(&next, command: command)
        case .classify: outcome = classify(&next, command: command, roster: roster)
        case .review: outcome = review(&next, command: command)
        case .rectify: outcome = rectify(&next, command: command)
        case .acceptPlan: outcome = decidePlan(&next, accept: true)
        case .rejectPlan: outcome = decidePlan(&next, accept: false)
        }

        switch outcome {
        case .success(let type): return .apply(next, type)
        case .failure(let rejection): return .reject(rejection)
        }
    }

    // MARK: - Handling

    private func acknowledge(_ record: inout CaseRecord, command: CaseCommand,
                             roster: Roster) -> Result<CaseEventType, CaseRejection> {
        guard record.state != .resolved else {
            return .failure(.caseResolved(command.action))
        }
        guard record.acknowledgedAt == nil else {
            let acknowledger = record.acknowledgedBy.flatMap { roster.person($0) }
            return .failure(.alreadyAcknowledged(by: acknowledger, acknowledgerId: record.acknowledgedBy))
        }

        // Escalated states stay; the acknowledgement is kept beside them.
        if record.state == .open {
            record.state = .acknowledged
        }
        record.acknowledgedAt = command.issuedAt
        record.acknowledgedBy = command.actor
        return .success(.acknowledged)
    }

    private func assign(_ record: inout CaseRecord, command: CaseCommand,
                        roster: Roster) -> Result<CaseEventType, CaseRejection> {
        guard record.state != .resolved else {
            return .failure(.caseResolved(command.action))
        }

        // argumentError has already required the assignee.
        let assigneeId = command.assignee ?? ""
        guard let assignee = roster.person(assigneeId) else {
            return .failure(.assigneeUnknown(assigneeId))
        }
        guard assignee.role != .agent else {
            return .failure(.assigneeIsAgent(assignee))
        }
        guard CasePermissions.canAct(assignee, on: record) else {
            return .failure(.assigneeOutOfScope(assignee))
        }

        record.assignee = assignee.id
        return .success(.assigned)
    }

    private func note(_ record: inout CaseRecord) -> Result<CaseEventType, CaseRejection> {
        if record.state == .acknowledged {
            record.state = .followingUp
        }
        startFollowUp(&record)
        return .success(.noted)
    }

    private func resolve(_ record: inout CaseRecord, command: CaseCommand) -> Result<CaseEventType, CaseRejection> {
        switch record.state {
        case .resolved:
            return .failure(.caseResolved(command.action))
        case .escalatedRegulator:
            guard record.cause != nil else {
                return .failure(.notClassified())
            }
        case .open:
            return .failure(.notAcknowledged())
        case .acknowledged, .followingUp, .escalatedPlatform:
            guard record.acknowledgedAt != nil else {
                return .failure(.notAcknowledged())
            }
        }

        startFollowUp(&record)
        record.state = .resolved
        record.resolvedAt = command.issuedAt
        return .success(.resolved)
    }

    /// Records an escalation. A resolved case that is escalated is no longer resolved, so `resolvedAt` is cleared.
    private func escalate(_ record: inout CaseRecord, command: CaseCommand) -> Result<CaseEventType, CaseRejection> {
        guard record.state != .escalatedRegulator else {
            return .failure(.alreadyEscalatedRegulator())
        }

        // argumentError has already required the target.
        switch command.escalateTo ?? .platform {
        case .platform:
            guard record.state != .escalatedPlatform else {
                return .failure(.alreadyEscalatedPlatform())
            }
            record.state = .escalatedPlatform
        case .regulator:
            record.state = .escalatedRegulator
            record.regulatorEscalated = true
        }

        startFollowUp(&record)
        record.resolvedAt = nil
        return .success(.escalated)
    }

    /// Marks the follow-up as started, unless the case is not acknowledged yet and there is nothing to follow up.
    private func startFollowUp(_ record: inout CaseRecord) {
        if record.acknowledgedAt != nil {
            record.followUpStarted = true
        }
    }

    // MARK: - Accountability

    private func classify(_ record: inout CaseRecord, command: CaseCommand,
                          roster: Roster) -> Result<CaseEventType, CaseRejection> {
        guard record.regulatorEscalated else {
            return .failure(.notRegulatorCase(command.action))
        }
        if let cause = record.cause {
            return .failure(.alreadyClassified(cause))
        }

        // argumentError has already required the classification.
        let cause = command.classification ?? .other
        record.cause = cause
        guard cause.isHumanCause else {
            record.responsibilities = []
            return .success(.classified)
        }

        record.responsibilities = Self.responsibilities(for: record, roster: roster)
        record.rectification = .required
        record.rectificationDueAt = Timestamp(
            epochMilliseconds: command.issuedAt.epochMilliseconds + Int64(rectificationDays) * 86_400_000,
            utcOffsetSeconds: command.issuedAt.utcOffsetSeconds)
        return .success(.classified)
    }

    /// Returns the people responsible for a case with a human cause: the agent
    /// primarily, the agent's supervisor and the site's manager jointly, with
    /// names and roles copied from the roster. An agent missing from the roster
    /// is recorded under their id, but a missing supervisor or manager is left out.
    static func responsibilities(for record: CaseRecord, roster: Roster) -> [CaseResponsibility] {
        var result: [CaseResponsibility] = []

        if let agentId = record.agent {
            let agent = roster.person(agentId)
            result.append(CaseResponsibility(personId: agentId, name: agent?.name ?? agentId,
                                             role: agent?.role ?? .agent, level: .primary))
        }

        let supervisor = record.agent.flatMap { roster.supervisor(ofAgent: $0) }
        let manager = record.site.flatMap { roster.manager(ofSite: $0) }
        for person in [supervisor, manager].compactMap({ $0 }) {
            result.append(CaseResponsibility(personId: person.id, name: person.name, role: person.role,
                                             level: .joint))
        }
        return result
    }

    private func review(_ record: inout CaseRecord, command: CaseCommand) -> Result<CaseEventType, CaseRejection> {
        guard record.regulatorEscalated else {
            return .failure(.notRegulatorCase(command.action))
        }
        guard record.review == nil else {
            return .failure(.alreadyReviewed())
        }

        // argumentError has already required the note and at least one step.
        record.review = CaseReview(summary: command.note ?? "", steps: command.steps ?? [],
                                   trainingActions: command.trainingActions ?? [])
        return .success(.reviewed)
    }

    /// Submits a plan, which replaces any earlier one. Its `dueAt` becomes the rectification deadline.
    private func rectify(_ record: inout CaseRecord, command: CaseCommand) -> Result<CaseEventType, CaseRejection> {
        switch record.rectification {
        case nil:
            return .failure(.noRectificationRequired())
        case .submitted:
            return .failure(.planAwaitingDecision())
        case .accepted:
            return .failure(.planAlreadyAccepted())
        case .required, .rejected, .overdue:
            break
        }

        record.rectification = .submitted
        record.plan = command.plan
        record.rectificationDueAt = command.dueAt
        return .success(.planSubmitted)
    }

    /// Accepts or rejects the submitted plan. A rejected plan keeps its text until the next one replaces it.
    private func decidePlan(_ record: inout CaseRecord, accept: Bool) -> Result<CaseEventType, CaseRejection> {
        guard record.rectification == .submitted else {
            return .failure(.noPlanSubmitted(record.rectification))
        }

        record.rectification = accept ? .accepted : .rejected
        return .success(accept ? .planAccepted : .planRejected)
    }
}
