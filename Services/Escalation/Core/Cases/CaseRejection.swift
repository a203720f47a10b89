import VigilContracts

/// The reason a case command is rejected: a code for programs and a short text
/// for the people who read the case timeline (`command_rejected` entries).
struct CaseRejection: Error, Equatable, Sendable {
    var code: Code
    var text: LocalizedText

    /// One code per distinct reason. The raw value is stable for logs and tests.
    enum Code: String, Sendable, CaseIterable {
        // MARK: Command

        /// The command lacks an argument its action needs (`CaseCommand.argumentError`).
        case invalidArguments = "invalid-arguments"
        /// No case has the command's case id.
        case unknownCase = "unknown-case"

        // MARK: Permissions

        case actorUnknown = "actor-unknown"
        case actorIsAgent = "actor-is-agent"
        /// A supervisor of another team than the case's, or the case has no team.
        case actorOutsideTeam = "actor-outside-team"
        /// A manager of another site than the case's, or the case has no site.
        case actorOutsideSite = "actor-outside-site"
        /// The actor is in scope, but the action belongs to another role.
        case roleNotAllowed = "role-not-allowed"

        // MARK: Assignee

        case assigneeUnknown = "assignee-unknown"
        case assigneeIsAgent = "assignee-is-agent"
        case assigneeOutOfScope = "assignee-out-of-scope"

        // MARK: State

        case caseResolved = "case-resolved"
        case alreadyAcknowledged = "already-acknowledged"
        case notAcknowledged = "not-acknowledged"
        /// A regulator case cannot be resolved before its cause is classified.
        case notClassified = "not-classified"
        case alreadyEscalatedPlatform = "already-escalated-platform"
        case alreadyEscalatedRegulator = "already-escalated-regulator"
        /// Classification and review apply only to cases escalated to a regulator.
        case notRegulatorCase = "not-regulator-case"
        case alreadyClassified = "already-classified"
        case alreadyReviewed = "already-reviewed"
        case noRectificationRequired = "no-rectification-required"
        /// A plan was submitted and waits for the brand manager.
        case planAwaitingDecision = "plan-awaiting-decision"
        case planAlreadyAccepted = "plan-already-accepted"
        /// Accept-plan or reject-plan without a submitted plan.
        case noPlanSubmitted = "no-plan-submitted"
    }

    init(_ code: Code, chinese: String, english: String) {
        self.code = code
        self.text = LocalizedText(chinese: chinese, english: english)
    }
}

// MARK: - Command

extension CaseRejection {
    /// `reason` is `CaseCommand.argumentError`, which is English only.
    static func invalidArguments(_ reason: String) -> CaseRejection {
        CaseRejection(.invalidArguments,
                      chinese: "命令缺少必需的参数（\(reason)），请补全后重新提交。",
                      english: "Invalid command: \(reason); add it and send the command again.")
    }

    static func unknownCase(_ caseId: String) -> CaseRejection {
        CaseRejection(.unknownCase,
                      chinese: "找不到案件 \(caseId)，请检查案件编号。",
                      english: "Case \(caseId) not found; check the case id.")
    }
}

// MARK: - Permissions

extension CaseRejection {
    static func actorUnknown(_ actorId: String) -> CaseRejection {
        CaseRejection(.actorUnknown,
                      chinese: "名册中没有 \(actorId)，请用名册上的人员编号提交命令。",
                      english: "\(actorId) is not on the roster; issue the command with a roster id.")
    }

    static func actorIsAgent(_ actor: RosterPerson) -> CaseRejection {
        CaseRejection(.actorIsAgent,
                      chinese: "\(chineseName(actor))是客服，客服不能处理案件。",
                      english: "\(englishName(actor)) is an agent; agents cannot act on cases.")
    }

    static func actorOutsideTeam(_ actor: RosterPerson, caseTeam: String?) -> CaseRejection {
        CaseRejection(.actorOutsideTeam,
                      chinese: "\(chineseName(actor))不是本案件所在组（\(caseTeam ?? "未知")）的主管，不能处理本案件。",
                      english: "\(englishName(actor)) does not supervise the case's team (\(caseTeam ?? "unknown")) "
                          + "and cannot act on the case.")
    }

    static func actorOutsideSite(_ actor: RosterPerson, caseSite: String?) -> CaseRejection {
        CaseRejection(.actorOutsideSite,
                      chinese: "\(chineseName(actor))不是本案件所在站点（\(caseSite ?? "未知")）的经理，不能处理本案件。",
                      english: "\(englishName(actor)) does not manage the case's site (\(caseSite ?? "unknown")) "
                          + "and cannot act on the case.")
    }

    /// Names the roles that may take `action`, so the actor can ask the right person.
    static func roleNotAllowed(_ actor: RosterPerson, action: CaseAction) -> CaseRejection {
        let allowed: LocalizedText
        switch action {
        case .ack, .assign, .note, .resolve, .escalate:
            allowed = LocalizedText(chinese: "本案件的主管、经理或品牌经理",
                                    english: "the case's supervisor, manager or the brand manager")
        case .classify, .review:
            allowed = LocalizedText(chinese: "本站点经理或品牌经理（主管不能判定自己的责任）",
                                    english: "the site's manager or the brand manager (supervisors may not judge "
                                        + "their own responsibility)")
        case .rectify:
            allowed = LocalizedText(chinese: "本案件站点的经理", english: "the manager of the case's site")
        case .acceptPlan, .rejectPlan:
            allowed = LocalizedText(chinese: "品牌经理", english: "the brand manager")
        }
        return CaseRejection(.roleNotAllowed,
                             chinese: "\(chineseName(actor))是\(actor.role.label.chinese)，不能\(action.label.chinese)；"
                                 + "只有\(allowed.chinese)可以。",
                             english: "\(englishName(actor)) is a \(actor.role.label.english) and cannot "
                                 + "\(action.label.english); only \(allowed.english) may.")
    }
}

// MARK: - Assignee

extension CaseRejection {
    static func assigneeUnknown(_ assigneeId: String) -> CaseRejection {
        CaseRejection(.assigneeUnknown,
                      chinese: "名册中没有 \(assigneeId)，不能指派给此人。",
                      english: "\(assigneeId) is not on the roster; the case cannot be assigned to them.")
    }

    static func assigneeIsAgent(_ assignee: RosterPerson) -> CaseRejection {
        CaseRejection(.assigneeIsAgent,
                      chinese: "\(chineseName(assignee))是客服，案件只能指派给主管、经理或品牌经理。",
                      english: "\(englishName(assignee)) is an agent; assign the case to a supervisor, manager "
                          + "or the brand manager.")
    }

    static func assigneeOutOfScope(_ assignee: RosterPerson) -> CaseRejection {
        CaseRejection(.assigneeOutOfScope,
                      chinese: "\(chineseName(assignee))不负责本案件所在的组或站点，不能指派给此人。",
                      english: "\(englishName(assignee)) is not responsible for the case's team or site; "
                          + "the case cannot be assigned to them.")
    }
}

// MARK: - State

extension CaseRejection {
    static func caseResolved(_ action: CaseAction) -> CaseRejection {
        CaseRejection(.caseResolved,
                      chinese: "案件已结案，不能再\(action.label.chinese)。",
                      english: "The case is resolved; you cannot \(action.label.english) now.")
    }

    /// `acknowledger` is the roster entry of the person who acknowledged, or nil with `acknowledgerId` alone.
    static func alreadyAcknowledged(by acknowledger: RosterPerson?, acknowledgerId: String?) -> CaseRejection {
        let chinese = acknowledger.map(chineseName) ?? acknowledgerId ?? "他人"
        let english = acknowledger.map(englishName) ?? acknowledgerId ?? "someone else"
        return CaseRejection(.alreadyAcknowledged,
                             chinese: "案件已由\(chinese)确认，无需再次确认。",
                             english: "The case was already acknowledged by \(english).")
    }

    static func notAcknowledged() -> CaseRejection {
        CaseRejection(.notAcknowledged,
                      chinese: "案件尚未确认，请先确认案件。",
                      english: "The case is not acknowledged yet; acknowledge the case first.")
    }

    static func notClassified() -> CaseRejection {
        CaseRejection(.notClassified,
                      chinese: "案件已升级到监管部门，结案前须判定原因和责任，请先判定原因。",
                      english: "The case reached a regulator, so its cause must be classified before it is resolved; "
                          + "classify the cause first.")
    }

    static func alreadyEscalatedPlatform() -> CaseRejection {
        CaseRejection(.alreadyEscalatedPlatform,
                      chinese: "案件已升级到平台，无需再次登记。",
                      english: "The case is already escalated to the platform.")
    }

    static func alreadyEscalatedRegulator() -> CaseRejection {
        CaseRejection(.alreadyEscalatedRegulator,
                      chinese: "案件已升级到监管部门，不能再登记升级。",
                      english: "The case is already escalated to a regulator; no further escalation can be recorded.")
    }

    static func notRegulatorCase(_ action: CaseAction) -> CaseRejection {
        CaseRejection(.notRegulatorCase,
                      chinese: "案件未升级到监管部门，无需\(action.label.chinese)。",
                      english: "The case has not reached a regulator; there is no need to \(action.label.english).")
    }

    static func alreadyClassified(_ cause: CaseCause) -> CaseRejection {
        CaseRejection(.alreadyClassified,
                      chinese: "案件原因已判定为「\(cause.label.chinese)」，不能更改。",
                      english: "The cause is already classified as \(cause.label.english) and cannot be changed.")
    }

    static func alreadyReviewed() -> CaseRejection {
        CaseRejection(.alreadyReviewed,
                      chinese: "案件已复盘，不能再次复盘。",
                      english: "The case is already reviewed.")
    }

    static func noRectificationRequired() -> CaseRejection {
        CaseRejection(.noRectificationRequired,
                      chinese: "本案件无需整改。",
                      english: "The case requires no rectification plan.")
    }

    static func planAwaitingDecision() -> CaseRejection {
        CaseRejection(.planAwaitingDecision,
                      chinese: "整改方案已提交，正等待品牌经理审核，请勿重复提交。",
                      english: "A rectification plan is already submitted and waits for the brand manager's decision.")
    }

    static func planAlreadyAccepted() -> CaseRejection {
        CaseRejection(.planAlreadyAccepted,
                      chinese: "整改方案已通过，无需再提交。",
                      english: "The rectification plan is already accepted; no new plan is needed.")
    }

    static func noPlanSubmitted(_ status: RectificationStatus?) -> CaseRejection {
        CaseRejection(.noPlanSubmitted,
                      chinese: "没有待审核的整改方案（整改状态：\(status?.label.chinese ?? "无需整改")）。",
                      english: "No rectification plan waits for a decision (rectification: "
                          + "\(status?.label.english ?? "none required")).")
    }
}

// MARK: - Names

extension CaseRejection {
    /// `姓名（id）`, as Chinese texts name people.
    static func chineseName(_ person: RosterPerson) -> String {
        "\(person.name)（\(person.id)）"
    }

    /// `name (id)`, as English texts name people.
    static func englishName(_ person: RosterPerson) -> String {
        "\(person.name) (\(person.id))"
    }
}
