import Testing
import VigilContracts
@testable import Escalation

/// One command of the transition table, with the arguments it needs.
enum CaseStep: String, Sendable, CaseIterable {
    case ack, assign, note, resolve, escalatePlatform, escalateRegulator, classify, review, rectify
    case acceptPlan, rejectPlan

    /// The command, issued by someone every permission rule lets through, so only the state decides.
    var command: CaseCommand {
        switch self {
        case .ack: CaseFixtures.command(.ack, actor: "bm-1")
        case .assign: CaseFixtures.command(.assign, actor: "bm-1")
        case .note: CaseFixtures.command(.note, actor: "bm-1")
        case .resolve: CaseFixtures.command(.resolve, actor: "bm-1")
        case .escalatePlatform: CaseFixtures.command(.escalate, actor: "bm-1", escalateTo: .platform)
        case .escalateRegulator: CaseFixtures.command(.escalate, actor: "bm-1", escalateTo: .regulator)
        case .classify: CaseFixtures.command(.classify, actor: "bm-1")
        case .review: CaseFixtures.command(.review, actor: "bm-1")
        case .rectify: CaseFixtures.command(.rectify, actor: "mgr-a")
        case .acceptPlan: CaseFixtures.command(.acceptPlan, actor: "bm-1")
        case .rejectPlan: CaseFixtures.command(.rejectPlan, actor: "bm-1")
        }
    }
}

/// The flags kept beside a case's state.
enum CaseFlag: String, Sendable {
    case acknowledged, regulator, classified, reviewed
}

/// What the table expects of a command.
enum CaseOutcome: Sendable, Equatable {
    /// Applied: the state after, the entry type, and the rectification status after when it matters.
    case apply(CaseState, CaseEventType, rectification: RectificationStatus? = nil)
    case reject(CaseRejection.Code)
}

struct TransitionRow: Sendable, CustomTestStringConvertible {
    var state: CaseState
    var flags: Set<CaseFlag>
    var rectification: RectificationStatus?
    var step: CaseStep
    var expected: CaseOutcome

    var testDescription: String {
        let flagText = flags.map(\.rawValue).sorted().joined(separator: "+")
        return "\(step) on \(state.rawValue)[\(flagText)] rect=\(rectification?.rawValue ?? "-")"
    }

    /// The case the row starts from.
    var record: CaseRecord {
        var record = CaseFixtures.record(state: state)
        if flags.contains(.acknowledged) {
            record.acknowledgedAt = CaseFixtures.acknowledgedAt
            record.acknowledgedBy = "sup-a1"
        }
        if state == .resolved {
            record.resolvedAt = CaseFixtures.acknowledgedAt
        }
        record.regulatorEscalated = flags.contains(.regulator)
        if flags.contains(.classified) {
            record.cause = .unprofessional
        }
        if flags.contains(.reviewed) {
            record.review = CaseReview(summary: "已复盘", steps: ["一"], trainingActions: [])
        }
        record.rectification = rectification
        return record
    }
}

private func row(_ state: CaseState, _ flags: Set<CaseFlag>, _ step: CaseStep, _ expected: CaseOutcome,
                 rectification: RectificationStatus? = nil) -> TransitionRow {
    TransitionRow(state: state, flags: flags, rectification: rectification, step: step, expected: expected)
}

@Suite("CaseMachine")
struct CaseMachineTests {
    let machine = CaseMachine(rectificationDays: 7)

    /// Every state and flag combination that decides an action, with its outcome.
    static let transitions: [TransitionRow] = [
        // ack: not acknowledged and not resolved; escalated states stay.
        row(.open, [], .ack, .apply(.acknowledged, .acknowledged)),
        row(.escalatedPlatform, [], .ack, .apply(.escalatedPlatform, .acknowledged)),
        row(.escalatedRegulator, [.regulator], .ack, .apply(.escalatedRegulator, .acknowledged)),
        row(.acknowledged, [.acknowledged], .ack, .reject(.alreadyAcknowledged)),
        row(.followingUp, [.acknowledged], .ack, .reject(.alreadyAcknowledged)),
        row(.escalatedPlatform, [.acknowledged], .ack, .reject(.alreadyAcknowledged)),
        row(.escalatedRegulator, [.acknowledged, .regulator], .ack, .reject(.alreadyAcknowledged)),
        row(.resolved, [.acknowledged], .ack, .reject(.caseResolved)),
        row(.resolved, [.regulator, .classified], .ack, .reject(.caseResolved)),

        // assign: any state but resolved; the state does not change.
        row(.open, [], .assign, .apply(.open, .assigned)),
        row(.acknowledged, [.acknowledged], .assign, .apply(.acknowledged, .assigned)),
        row(.followingUp, [.acknowledged], .assign, .apply(.followingUp, .assigned)),
        row(.escalatedPlatform, [], .assign, .apply(.escalatedPlatform, .assigned)),
        row(.escalatedRegulator, [.regulator], .assign, .apply(.escalatedRegulator, .assigned)),
        row(.resolved, [.acknowledged], .assign, .reject(.caseResolved)),

        // note: any state; acknowledged moves to following up.
        row(.open, [], .note, .apply(.open, .noted)),
        row(.acknowledged, [.acknowledged], .note, .apply(.followingUp, .noted)),
        row(.followingUp, [.acknowledged], .note, .apply(.followingUp, .noted)),
        row(.escalatedPlatform, [.acknowledged], .note, .apply(.escalatedPlatform, .noted)),
        row(.escalatedRegulator, [.regulator], .note, .apply(.escalatedRegulator, .noted)),
        row(.resolved, [.acknowledged], .note, .apply(.resolved, .noted)),

        // resolve: acknowledged in acknowledged, following up or platform; a regulator case once classified.
        row(.open, [], .resolve, .reject(.notAcknowledged)),
        // An open case cannot be resolved even when an acknowledgement was left beside it.
        row(.open, [.acknowledged], .resolve, .reject(.notAcknowledged)),
        row(.acknowledged, [.acknowledged], .resolve, .apply(.resolved, .resolved)),
        row(.followingUp, [.acknowledged], .resolve, .apply(.resolved, .resolved)),
        row(.escalatedPlatform, [.acknowledged], .resolve, .apply(.resolved, .resolved)),
        row(.escalatedPlatform, [], .resolve, .reject(.notAcknowledged)),
        row(.escalatedRegulator, [.regulator, .classified], .resolve, .apply(.resolved, .resolved)),
        row(.escalatedRegulator, [.regulator, .acknowledged, .classified], .resolve, .apply(.resolved, .resolved)),
        row(.escalatedRegulator, [.regulator, .acknowledged], .resolve, .reject(.notClassified)),
        row(.escalatedRegulator, [.regulator], .resolve, .reject(.notClassified)),
        row(.resolved, [.acknowledged], .resolve, .reject(.caseResolved)),

        // escalate to the platform: from open, acknowledged, following up or resolved.
        row(.open, [], .escalatePlatform, .apply(.escalatedPlatform, .escalated)),
        row(.acknowledged, [.acknowledged], .escalatePlatform, .apply(.escalatedPlatform, .escalated)),
        row(.followingUp, [.acknowledged], .escalatePlatform, .apply(.escalatedPlatform, .escalated)),
        row(.resolved, [.acknowledged], .escalatePlatform, .apply(.escalatedPlatform, .escalated)),
        row(.escalatedPlatform, [], .escalatePlatform, .reject(.alreadyEscalatedPlatform)),
        row(.escalatedRegulator, [.regulator], .escalatePlatform, .reject(.alreadyEscalatedRegulator)),

        // escalate to a regulator: from any state but escalated_regulator, even a reopened regulator case.
        row(.open, [], .escalateRegulator, .apply(.escalatedRegulator, .escalated)),
        row(.open, [.regulator, .classified], .escalateRegulator, .apply(.escalatedRegulator, .escalated)),
        row(.acknowledged, [.acknowledged], .escalateRegulator, .apply(.escalatedRegulator, .escalated)),
        row(.followingUp, [.acknowledged], .escalateRegulator, .apply(.escalatedRegulator, .escalated)),
        row(.escalatedPlatform, [], .escalateRegulator, .apply(.escalatedRegulator, .escalated)),
        row(.resolved, [.acknowledged], .escalateRegulator, .apply(.escalatedRegulator, .escalated)),
        row(.escalatedRegulator, [.regulator], .escalateRegulator, .reject(.alreadyEscalatedRegulator)),

        // classify: a regulator case not classified yet, in any state; a human cause requires a plan.
        row(.escalatedRegulator, [.regulator], .classify,
            .apply(.escalatedRegulator, .classified, rectification: .required)),
        row(.open, [.regulator], .classify, .apply(.open, .classified, rectification: .required)),
        row(.resolved, [.regulator], .classify, .apply(.resolved, .classified, rectification: .required)),
        row(.escalatedRegulator, [.regulator, .classified], .classify, .reject(.alreadyClassified)),
        row(.resolved, [.regulator, .classified], .classify, .reject(.alreadyClassified)),
        row(.open, [], .classify, .reject(.notRegulatorCase)),
        row(.acknowledged, [.acknowledged], .classify, .reject(.notRegulatorCase)),
        row(.followingUp, [.acknowledged], .classify, .reject(.notRegulatorCase)),
        row(.escalatedPlatform, [], .classify, .reject(.notRegulatorCase)),
        row(.resolved, [.acknowledged], .classify, .reject(.notRegulatorCase)),

        // review: a regulator case not reviewed yet, in any state.
        row(.escalatedRegulator, [.regulator], .review, .apply(.escalatedRegulator, .reviewed)),
        row(.resolved, [.regulator, .classified], .review, .apply(.resolved, .reviewed)),
        row(.escalatedRegulator, [.regulator, .reviewed], .review, .reject(.alreadyReviewed)),
        row(.open, [], .review, .reject(.notRegulatorCase)),
        row(.acknowledged, [.acknowledged], .review, .reject(.notRegulatorCase)),
        row(.followingUp, [.acknowledged], .review, .reject(.notRegulatorCase)),
        row(.escalatedPlatform, [], .review, .reject(.notRegulatorCase)),
        row(.resolved, [.acknowledged], .review, .reject(.notRegulatorCase)),

        // rectify: required, rejected or overdue → submitted, whatever the state.
        row(.escalatedRegulator, [.regulator, .classified], .rectify,
            .apply(.escalatedRegulator, .planSubmitted, rectification: .submitted), rectification: .required),
        row(.resolved, [.regulator, .classified], .rectify,
            .apply(.resolved, .planSubmitted, rectification: .submitted), rectification: .rejected),
        row(.escalatedRegulator, [.regulator, .classified], .rectify,
            .apply(.escalatedRegulator, .planSubmitted, rectification: .submitted), rectification: .overdue),
        row(.escalatedRegulator, [.regulator, .classified], .rectify, .reject(.planAwaitingDecision),
            rectification: .submitted),
        row(.resolved, [.regulator, .classified], .rectify, .reject(.planAlreadyAccepted),
            rectification: .accepted),
        row(.escalatedRegulator, [.regulator, .classified], .rectify, .reject(.noRectificationRequired)),
        row(.open, [], .rectify, .reject(.noRectificationRequired)),
        row(.acknowledged, [.acknowledged], .rectify, .reject(.noRectificationRequired)),
        row(.followingUp, [.acknowledged], .rectify, .reject(.noRectificationRequired)),
        row(.escalatedPlatform, [], .rectify, .reject(.noRectificationRequired)),

        // accept-plan: only a submitted plan.
        row(.escalatedRegulator, [.regulator, .classified], .acceptPlan,
            .apply(.escalatedRegulator, .planAccepted, rectification: .accepted), rectification: .submitted),
        row(.resolved, [.regulator, .classified], .acceptPlan,
            .apply(.resolved, .planAccepted, rectification: .accepted), rectification: .submitted),
        row(.escalatedRegulator, [.regulator, .classified], .acceptPlan, .reject(.noPlanSubmitted),
            rectification: .required),
        row(.escalatedRegulator, [.regulator, .classified], .acceptPlan, .reject(.noPlanSubmitted),
            rectification: .rejected),
        row(.escalatedRegulator, [.regulator, .classified], .acceptPlan, .reject(.noPlanSubmitted),
            rectification: .overdue),
        row(.resolved, [.regulator, .classified], .acceptPlan, .reject(.noPlanSubmitted), rectification: .accepted),
        row(.open, [], .acceptPlan, .reject(.noPlanSubmitted)),
        row(.acknowledged, [.acknowledged], .acceptPlan, .reject(.noPlanSubmitted)),
        row(.followingUp, [.acknowledged], .acceptPlan, .reject(.noPlanSubmitted)),
        row(.escalatedPlatform, [], .acceptPlan, .reject(.noPlanSubmitted)),

        // reject-plan: only a submitted plan; a new one is then required.
        row(.escalatedRegulator, [.regulator, .classified], .rejectPlan,
            .apply(.escalatedRegulator, .planRejected, rectification: .rejected), rectification: .submitted),
        row(.resolved, [.regulator, .classified], .rejectPlan,
            .apply(.resolved, .planRejected, rectification: .rejected), rectification: .submitted),
        row(.escalatedRegulator, [.regulator, .classified], .rejectPlan, .reject(.noPlanSubmitted),
            rectification: .required),
        row(.escalatedRegulator, [.regulator, .classified], .rejectPlan, .reject(.noPlanSubmitted),
            rectification: .rejected),
        row(.escalatedRegulator, [.regulator, .classified], .rejectPlan, .reject(.noPlanSubmitted),
            rectification: .overdue),
        row(.resolved, [.regulator, .classified], .rejectPlan, .reject(.noPlanSubmitted), rectification: .accepted),
        row(.open, [], .rejectPlan, .reject(.noPlanSubmitted)),
        row(.acknowledged, [.acknowledged], .rejectPlan, .reject(.noPlanSubmitted)),
        row(.followingUp, [.acknowledged], .rejectPlan, .reject(.noPlanSubmitted)),
        row(.escalatedPlatform, [], .rejectPlan, .reject(.noPlanSubmitted)),
    ]

    // MARK: - Transition table

    @Test("transition table", arguments: transitions)
    func transition(_ row: TransitionRow) {
        let decision = machine.decide(row.step.command, on: row.record, roster: CaseFixtures.roster)

        switch (decision, row.expected) {
        case let (.apply(record, type), .apply(state, expectedType, rectification)):
            #expect(record.state == state)
            #expect(type == expectedType)
            if let rectification {
                #expect(record.rectification == rectification)
            }
        case let (.reject(rejection), .reject(code)):
            #expect(rejection.code == code)
            #expect(!rejection.text.chinese.isEmpty)
            #expect(!rejection.text.english.isEmpty)
        default:
            Issue.record("expected \(row.expected), got \(decision)")
        }
    }

    @Test("table covers every state and action")
    func tableCoversEveryPair() {
        for state in CaseState.allCases {
            for step in CaseStep.allCases {
                let covered = Self.transitions.contains { $0.state == state && $0.step == step }
                #expect(covered, "no row for \(step) on \(state.rawValue)")
            }
        }
    }

    @Test("table covers every state rejection")
    func tableCoversEveryStateRejection() {
        let stateCodes: [CaseRejection.Code] = [
            .caseResolved, .alreadyAcknowledged, .notAcknowledged, .notClassified, .alreadyEscalatedPlatform,
            .alreadyEscalatedRegulator, .notRegulatorCase, .alreadyClassified, .alreadyReviewed,
            .noRectificationRequired, .planAwaitingDecision, .planAlreadyAccepted, .noPlanSubmitted,
        ]
        let tableCodes = Set(Self.transitions.compactMap { row -> CaseRejection.Code? in
            if case .reject(let code) = row.expected { code } else { nil }
        })
        for code in stateCodes {
            #expect(tableCodes.contains(code), "no row rejects with \(code.rawValue)")
        }
    }

    // MARK: - Effects beside the state

    @Test("ack records time and actor")
    func ackRecordsTimeAndActor() throws {
        let command = CaseFixtures.command(.ack, actor: "sup-a1")

        let record = try applied(command, on: CaseFixtures.record())

        #expect(record.acknowledgedAt == CaseFixtures.issuedAt)
        #expect(record.acknowledgedBy == "sup-a1")
        #expect(record.followUpStarted == false)
    }

    @Test("already acknowledged names acknowledger")
    func alreadyAcknowledgedNamesAcknowledger() {
        var record = CaseFixtures.record(state: .acknowledged)
        record.acknowledgedAt = CaseFixtures.acknowledgedAt
        record.acknowledgedBy = "sup-a1"

        let decision = machine.decide(CaseFixtures.command(.ack, actor: "mgr-a"), on: record,
                                      roster: CaseFixtures.roster)

        guard case .reject(let rejection) = decision else {
            Issue.record("expected a rejection, got \(decision)")
            return
        }
        #expect(rejection.text.chinese == "案件已由合肥A1组主管（sup-a1）确认，无需再次确认。")
        #expect(rejection.text.english == "The case was already acknowledged by 合肥A1组主管 (sup-a1).")
    }

    @Test("follow-up starts only after ack", arguments: [
        (CaseStep.note, true), (.resolve, true), (.escalatePlatform, true), (.escalateRegulator, true),
        (.assign, false),
    ])
    func followUpStartsAfterAck(_ step: CaseStep, _ starts: Bool) throws {
        var acknowledged = CaseFixtures.record(state: .acknowledged)
        acknowledged.acknowledgedAt = CaseFixtures.acknowledgedAt
        acknowledged.acknowledgedBy = "sup-a1"

        let record = try applied(step.command, on: acknowledged)

        #expect(record.followUpStarted == starts)
    }

    @Test("note before ack starts no follow-up")
    func noteBeforeAckStartsNothing() throws {
        let record = try applied(CaseStep.note.command, on: CaseFixtures.record())

        #expect(record.followUpStarted == false)
        #expect(record.state == .open)
    }

    @Test("resolve sets resolvedAt")
    func resolveSetsResolvedAt() throws {
        var acknowledged = CaseFixtures.record(state: .followingUp)
        acknowledged.acknowledgedAt = CaseFixtures.acknowledgedAt

        let record = try applied(CaseStep.resolve.command, on: acknowledged)

        #expect(record.resolvedAt == CaseFixtures.issuedAt)
    }

    @Test("escalating resolved case clears resolvedAt", arguments: [CaseStep.escalatePlatform, .escalateRegulator])
    func escalatingResolvedClearsResolvedAt(_ step: CaseStep) throws {
        var resolved = CaseFixtures.record(state: .resolved)
        resolved.acknowledgedAt = CaseFixtures.acknowledgedAt
        resolved.resolvedAt = CaseFixtures.acknowledgedAt

        let record = try applied(step.command, on: resolved)

        #expect(record.resolvedAt == nil)
    }

    @Test("regulator escalation sets flag", arguments: [
        (CaseStep.escalateRegulator, true), (.escalatePlatform, false),
    ])
    func regulatorEscalationSetsFlag(_ step: CaseStep, _ flagged: Bool) throws {
        let record = try applied(step.command, on: CaseFixtures.record())

        #expect(record.regulatorEscalated == flagged)
    }

    @Test("assign stores assignee")
    func assignStoresAssignee() throws {
        let command = CaseFixtures.command(.assign, actor: "mgr-a", assignee: "sup-a1")

        let record = try applied(command, on: CaseFixtures.record())

        #expect(record.assignee == "sup-a1")
    }

    @Test("review stores summary, steps, training")
    func reviewStoresReview() throws {
        var regulator = CaseFixtures.record(state: .escalatedRegulator)
        regulator.regulatorEscalated = true
        var command = CaseStep.review.command
        command.trainingActions = ["服务规范复训"]

        let record = try applied(command, on: regulator)
        let withoutTraining = try applied(CaseStep.review.command, on: regulator)

        #expect(record.review == CaseReview(summary: "回复过慢导致投诉", steps: ["08:01 顾客提到投诉", "08:30 主管确认"],
                                            trainingActions: ["服务规范复训"]))
        #expect(withoutTraining.review?.trainingActions == [])
    }

    @Test("rectify stores plan and due date")
    func rectifyStoresPlan() throws {
        var classified = CaseFixtures.record(state: .escalatedRegulator)
        classified.regulatorEscalated = true
        classified.cause = .slowResponse
        classified.rectification = .required

        let record = try applied(CaseStep.rectify.command, on: classified)

        #expect(record.plan == "全员复训服务规范")
        #expect(record.rectificationDueAt == CaseFixtures.planDueAt)
    }

    // MARK: - Responsibilities

    @Test("human cause assigns responsibility",
          arguments: [CaseCause.unprofessional, .processNotFollowed, .slowResponse])
    func humanCauseAssignsResponsibility(_ cause: CaseCause) throws {
        let record = try applied(CaseFixtures.command(.classify, actor: "mgr-a", cause: cause),
                                 on: regulatorCase(agent: "agent-a1"))

        #expect(record.cause == cause)
        #expect(record.responsibilities == [
            CaseResponsibility(personId: "agent-a1", name: "小王", role: .agent, level: .primary),
            CaseResponsibility(personId: "sup-a1", name: "合肥A1组主管", role: .supervisor, level: .joint),
            CaseResponsibility(personId: "mgr-a", name: "合肥经理", role: .manager, level: .joint),
        ])
        #expect(record.rectification == .required)
        let sevenDays: Int64 = 7 * 86_400_000
        #expect(record.rectificationDueAt?.epochMilliseconds == CaseFixtures.issuedAt.epochMilliseconds + sevenDays)
    }

    @Test("rectification due follows configured days")
    func rectificationDueFollowsDays() throws {
        let machine = CaseMachine(rectificationDays: 3)

        let decision = machine.decide(CaseFixtures.command(.classify, actor: "bm-1"),
                                      on: regulatorCase(agent: "agent-a1"), roster: CaseFixtures.roster)

        guard case .apply(let record, _) = decision else {
            Issue.record("expected the classification to apply, got \(decision)")
            return
        }
        #expect(record.rectificationDueAt?.epochMilliseconds
            == CaseFixtures.issuedAt.epochMilliseconds + 3 * 86_400_000)
    }

    @Test("non-human cause assigns nobody", arguments: [CaseCause.product, .logistics, .other])
    func nonHumanCauseAssignsNobody(_ cause: CaseCause) throws {
        let record = try applied(CaseFixtures.command(.classify, actor: "mgr-a", cause: cause),
                                 on: regulatorCase(agent: "agent-a1"))

        #expect(record.cause == cause)
        #expect(record.responsibilities.isEmpty)
        #expect(record.rectification == nil)
        #expect(record.rectificationDueAt == nil)
    }

    @Test("agent unknown to roster keeps id")
    func unknownAgentKeepsId() throws {
        let record = try applied(CaseFixtures.command(.classify, actor: "mgr-a"), on: regulatorCase(agent: "agent-x"))

        #expect(record.responsibilities == [
            CaseResponsibility(personId: "agent-x", name: "agent-x", role: .agent, level: .primary),
            CaseResponsibility(personId: "mgr-a", name: "合肥经理", role: .manager, level: .joint),
        ])
    }

    @Test("agent without supervisor leaves supervisor out")
    func agentWithoutSupervisor() throws {
        let record = try applied(CaseFixtures.command(.classify, actor: "mgr-a"), on: regulatorCase(agent: "agent-a9"))

        #expect(record.responsibilities == [
            CaseResponsibility(personId: "agent-a9", name: "小赵", role: .agent, level: .primary),
            CaseResponsibility(personId: "mgr-a", name: "合肥经理", role: .manager, level: .joint),
        ])
    }

    @Test("case without agent records joint only")
    func caseWithoutAgent() throws {
        let record = try applied(CaseFixtures.command(.classify, actor: "mgr-a"), on: regulatorCase(agent: nil))

        #expect(record.responsibilities == [
            CaseResponsibility(personId: "mgr-a", name: "合肥经理", role: .manager, level: .joint),
        ])
    }

    // MARK: - Order of checks

    @Test("arguments checked before permissions")
    func argumentsBeforePermissions() {
        var command = CaseFixtures.command(.assign, actor: "ghost")
        command.assignee = nil

        let decision = machine.decide(command, on: CaseFixtures.record(), roster: CaseFixtures.roster)

        #expect(decision == .reject(.invalidArguments("case command \"assign\" needs \"assignee\"")))
    }

    @Test("permissions checked before state")
    func permissionsBeforeState() {
        let resolved = CaseFixtures.record(state: .resolved)

        let decision = machine.decide(CaseFixtures.command(.ack, actor: "sup-b1"), on: resolved,
                                      roster: CaseFixtures.roster)

        guard case .reject(let rejection) = decision else {
            Issue.record("expected a rejection, got \(decision)")
            return
        }
        #expect(rejection.code == .actorOutsideTeam)
    }

    @Test("rejection leaves no record")
    func rejectionIsNotApplied() {
        let decision = machine.decide(CaseStep.resolve.command, on: CaseFixtures.record(), roster: CaseFixtures.roster)

        #expect(decision == .reject(.notAcknowledged()))
    }

    // MARK: - Helpers

    private func regulatorCase(agent: String?) -> CaseRecord {
        var record = CaseFixtures.record(state: .escalatedRegulator, agent: agent)
        record.regulatorEscalated = true
        return record
    }

    /// Returns the record after `command`, or fails the test when it is rejected.
    private func applied(_ command: CaseCommand, on record: CaseRecord) throws -> CaseRecord {
        let decision = machine.decide(command, on: record, roster: CaseFixtures.roster)
        guard case .apply(let next, _) = decision else {
            Issue.record("expected \(command.action.rawValue) to apply, got \(decision)")
            throw CaseTestFailure()
        }
        return next
    }
}

/// Stops a test whose command was rejected. The issue is already recorded.
struct CaseTestFailure: Error {}
