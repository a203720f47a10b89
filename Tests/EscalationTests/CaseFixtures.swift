import VigilContracts
@testable import Escalation

/// A small organisation and case builders shared by the case machine and permission suites.
///
/// Two sites: site-a with teams team-a1 and team-a2, site-b with team-b1.
/// agent-a9 has no supervisor on the roster.
enum CaseFixtures {
    static let brandManager = RosterPerson(id: "bm-1", name: "周洁", role: .brandManager, reportsTo: nil,
                                           vendor: nil, site: nil, team: nil)
    static let managerA = RosterPerson(id: "mgr-a", name: "合肥经理", role: .manager, reportsTo: "bm-1",
                                       vendor: "vendor-a", site: "site-a", team: nil)
    static let managerB = RosterPerson(id: "mgr-b", name: "成都经理", role: .manager, reportsTo: "bm-1",
                                       vendor: "vendor-b", site: "site-b", team: nil)
    static let supervisorA1 = RosterPerson(id: "sup-a1", name: "合肥A1组主管", role: .supervisor, reportsTo: "mgr-a",
                                           vendor: "vendor-a", site: "site-a", team: "team-a1")
    static let supervisorA2 = RosterPerson(id: "sup-a2", name: "合肥A2组主管", role: .supervisor, reportsTo: "mgr-a",
                                           vendor: "vendor-a", site: "site-a", team: "team-a2")
    static let supervisorB1 = RosterPerson(id: "sup-b1", name: "成都B1组主管", role: .supervisor, reportsTo: "mgr-b",
                                           vendor: "vendor-b", site: "site-b", team: "team-b1")
    static let agentA1 = RosterPerson(id: "agent-a1", name: "小王", role: .agent, reportsTo: "sup-a1",
                                      vendor: "vendor-a", site: "site-a", team: "team-a1")
    static let agentA9 = RosterPerson(id: "agent-a9", name: "小赵", role: .agent, reportsTo: nil,
                                      vendor: "vendor-a", site: "site-a", team: "team-a1")
    static let agentB1 = RosterPerson(id: "agent-b1", name: "小李", role: .agent, reportsTo: "sup-b1",
                                      vendor: "vendor-b", site: "site-b", team: "team-b1")

    static let roster = Roster([brandManager, managerA, managerB, supervisorA1, supervisorA2, supervisorB1,
                                agentA1, agentA9, agentB1])

    static let openedAt = Timestamp(epochMilliseconds: 1_794_355_200_000, utcOffsetSeconds: 8 * 3_600)
    static let acknowledgedAt = Timestamp(epochMilliseconds: 1_794_355_500_000, utcOffsetSeconds: 8 * 3_600)
    static let issuedAt = Timestamp(epochMilliseconds: 1_794_358_800_000, utcOffsetSeconds: 8 * 3_600)
    static let planDueAt = Timestamp(epochMilliseconds: 1_795_000_000_000, utcOffsetSeconds: 8 * 3_600)

    /// Returns a case of agent-a1 in team-a1 at site-a, open unless `state` is given.
    static func record(state: CaseState = .open, team: String? = "team-a1", site: String? = "site-a",
                       agent: String? = "agent-a1") -> CaseRecord {
        CaseRecord(caseId: "case-1", shop: "shop-1", buyer: "buyer-1", sequence: 1, state: state, severity: .high,
                   agent: agent, conversationId: "conv-1", team: team, site: site, vendor: "vendor-a",
                   openedAt: openedAt, regulatorEscalated: false, followUpStarted: false, responsibilities: [])
    }

    /// Returns a command on case-1 with the arguments its action needs.
    static func command(_ action: CaseAction, actor: String, escalateTo: EscalationTarget = .platform,
                        assignee: String = "sup-a1", cause: CaseCause = .unprofessional) -> CaseCommand {
        var command = CaseCommand(commandId: "cmd-1", caseId: "case-1", shop: "shop-1", buyer: "buyer-1",
                                  action: action, actor: actor, issuedAt: issuedAt)
        switch action {
        case .ack, .resolve, .acceptPlan:
            break
        case .assign:
            command.assignee = assignee
        case .note, .rejectPlan:
            command.note = "已联系顾客"
        case .review:
            command.note = "回复过慢导致投诉"
            command.steps = ["08:01 顾客提到投诉", "08:30 主管确认"]
        case .escalate:
            command.escalateTo = escalateTo
        case .classify:
            command.classification = cause
        case .rectify:
            command.plan = "全员复训服务规范"
            command.dueAt = planDueAt
        }
        return command
    }
}
