import Foundation
import VigilContracts

/// The case commands the pipeline test issues once the import has been
/// processed, in issue order, and what each case should look like after them.
/// They take effect when `vigil clock` declares event time up to the last one.
///
/// In case id order: the first three open cases are escalated by command (to
/// the platform, to a regulator later put down to the product, to a regulator
/// later put down to unprofessional handling). Every fourth case is
/// acknowledged before the classifications and every other regulator case
/// after them. Each regulator case is classified, the complaint ones as slow
/// response. Of the cases with a human cause, the first plan is accepted in
/// time, the second is rejected, and the third comes after its deadline and
/// is then accepted, which leaves an overdue entry on the timeline.
struct CaseScript {
    /// One `vigil` command line and the case it acts on.
    struct Command {
        var caseId: String
        var commandId: String
        var arguments: [String]
    }

    static let escalateTime = "2026-11-15T09:00:00+08:00"
    static let earlyAcknowledgeStart = "2026-11-14T12:00:00+08:00"
    static let classifyTime = PipelineTests.reviewTime
    static let lateAcknowledgeStart = "2026-11-16T09:00:00+08:00"
    static let planTime = "2026-11-15T11:00:00+08:00"
    static let planDue = "2026-11-20T18:00:00+08:00"
    static let decisionTime = "2026-11-15T12:00:00+08:00"
    /// After the rectification deadline, which falls seven days after the classification.
    static let latePlanTime = "2026-11-23T10:00:00+08:00"
    static let latePlanDue = "2026-11-25T18:00:00+08:00"
    static let lateDecisionTime = "2026-11-23T11:00:00+08:00"
    /// The event time `vigil clock` declares once every command is sent: the last command's time.
    static let clockTime = lateDecisionTime

    var commands: [Command] = []
    /// Case id to its expected state.
    var outcomes: [String: ExpectedCaseOutcome] = [:]

    /// Returns the cases as the import leaves them, before any command: escalated
    /// only by their complaints, and neither acknowledged nor classified.
    static func untouched(cases: ExpectedCases) -> CaseScript {
        var script = CaseScript()
        for opening in cases.openings.values {
            script.outcomes[opening.caseId] = ExpectedCaseOutcome(
                opening: opening, escalated: !opening.complaintChannels.isEmpty,
                reachedRegulator: opening.complaintChannels.contains(where: \.isRegulator))
        }
        return script
    }

    static func make(cases: ExpectedCases, people: [RosterPerson]) throws -> CaseScript {
        var script = untouched(cases: cases)
        let roster = Roster(people)
        let brandManager = roster.brandManagers.first?.id ?? "B-001"
        func manager(_ caseId: String) -> String {
            script.outcomes[caseId]?.opening.site.flatMap { roster.manager(ofSite: $0)?.id } ?? brandManager
        }
        let openings = cases.openings.values.sorted { $0.caseId < $1.caseId }

        // Escalations by command.
        let open = openings.filter { $0.complaintChannels.isEmpty }.map(\.caseId)
        guard open.count >= 3 else { throw HarnessError("the script needs three open cases, found \(open.count)") }
        let escalations: [(String, EscalationTarget)] = [
            (open[0], .platform), (open[1], .regulator), (open[2], .regulator),
        ]
        for (caseId, target) in escalations {
            script.add(caseId, "escalate", actor: brandManager, at: escalateTime, ["--to", target.rawValue])
            script.outcomes[caseId]?.escalated = true
            script.outcomes[caseId]?.reachedRegulator = target == .regulator
        }

        // Acknowledgements before the classifications.
        for (index, opening) in openings.enumerated() where index % 4 == 1 {
            try script.acknowledge(opening.caseId, actor: manager(opening.caseId),
                                   at: offset(earlyAcknowledgeStart, seconds: index * 61))
        }

        // Classifications.
        let regulatorCases = script.outcomes.values.filter(\.reachedRegulator).map(\.opening.caseId).sorted()
        for caseId in regulatorCases {
            var cause = CaseCause.slowResponse
            if caseId == open[1] {
                cause = .product
            } else if caseId == open[2] {
                cause = .unprofessional
            }
            script.add(caseId, "classify", actor: manager(caseId), at: classifyTime, ["--cause", cause.rawValue])
            script.classify(caseId, cause: cause, roster: roster)
        }

        // Acknowledgements after the classifications.
        for (index, caseId) in regulatorCases.enumerated()
        where index % 2 == 0 && script.outcomes[caseId]?.acknowledgedAt == nil {
            try script.acknowledge(caseId, actor: manager(caseId),
                                   at: offset(lateAcknowledgeStart, seconds: index * 61))
        }

        // Rectification plans.
        let human = regulatorCases.filter { script.outcomes[$0]?.cause?.isHumanCause == true }
        guard human.count >= 3 else {
            throw HarnessError("the script needs three human-cause cases, found \(human.count)")
        }
        script.add(human[0], "rectify", actor: manager(human[0]), at: planTime,
                   ["--plan", "retrain on reply times", "--due", planDue])
        script.add(human[0], "accept-plan", actor: brandManager, at: decisionTime, [])
        script.outcomes[human[0]]?.rectification = .accepted
        script.add(human[1], "rectify", actor: manager(human[1]), at: planTime,
                   ["--plan", "remind the team", "--due", planDue])
        script.add(human[1], "reject-plan", actor: brandManager, at: decisionTime, ["--note", "no training named"])
        script.outcomes[human[1]]?.rectification = .rejected
        script.add(human[2], "rectify", actor: manager(human[2]), at: latePlanTime,
                   ["--plan", "late plan", "--due", latePlanDue])
        script.add(human[2], "accept-plan", actor: brandManager, at: lateDecisionTime, [])
        script.outcomes[human[2]]?.rectification = .accepted
        script.outcomes[human[2]]?.rectificationWentOverdue = true
        return script
    }

    // MARK: - Steps

    /// Appends a command. Its id is fixed by its place in the script, so two
    /// runs of the script publish the same commands and case events.
    private mutating func add(_ caseId: String, _ action: String, actor: String, at time: String, _ options: [String]) {
        let commandId = "pipeline-\(commands.count + 1)-\(action)"
        let arguments = ["case", action, caseId, "--actor", actor, "--at", time] + options + ["--command-id", commandId]
        commands.append(Command(caseId: caseId, commandId: commandId, arguments: arguments))
    }

    private mutating func acknowledge(_ caseId: String, actor: String, at time: String) throws {
        guard let outcome = outcomes[caseId], let acknowledgedAt = TimestampFormat.parse(time),
              acknowledgedAt > outcome.opening.openedAt
        else { throw HarnessError("the acknowledgement of \(caseId) at \(time) is not after its opening") }
        add(caseId, "ack", actor: actor, at: time, [])
        outcomes[caseId]?.acknowledgedAt = acknowledgedAt
    }

    /// Records a classification: a human cause names the agent primarily and
    /// the agent's supervisor and the site's manager jointly, and requires a plan.
    private mutating func classify(_ caseId: String, cause: CaseCause, roster: Roster) {
        guard var outcome = outcomes[caseId] else { return }
        outcome.cause = cause
        if cause.isHumanCause {
            if let agent = outcome.opening.agent {
                outcome.responsibilities.append((agent, .primary))
                if let supervisor = roster.supervisor(ofAgent: agent) {
                    outcome.responsibilities.append((supervisor.id, .joint))
                }
            }
            if let manager = outcome.opening.site.flatMap({ roster.manager(ofSite: $0) }) {
                outcome.responsibilities.append((manager.id, .joint))
            }
            outcome.rectification = .required
        }
        outcomes[caseId] = outcome
    }

    private static func offset(_ time: String, seconds: Int) -> String {
        let start = TimestampFormat.parse(time) ?? Timestamp(epochMilliseconds: 0)
        return Timestamp(epochMilliseconds: start.epochMilliseconds + Int64(seconds) * 1_000,
                         utcOffsetSeconds: start.utcOffsetSeconds).iso8601
    }
}
