import Testing
import VigilContracts
@testable import Escalation

/// The case a permission row is checked on.
enum CaseScope: String, Sendable {
    /// team-a1 at site-a.
    case teamA1
    /// No team and no site: the agent is not on the roster.
    case unscoped

    var record: CaseRecord {
        switch self {
        case .teamA1: CaseFixtures.record()
        case .unscoped: CaseFixtures.record(team: nil, site: nil, agent: "agent-x")
        }
    }
}

struct PermissionRow: Sendable, CustomTestStringConvertible {
    var actor: String
    var scope: CaseScope
    var action: CaseAction
    /// nil when the actor may take the action.
    var expected: CaseRejection.Code?

    var testDescription: String {
        "\(actor) \(action.rawValue) on \(scope.rawValue) → \(expected?.rawValue ?? "allowed")"
    }
}

/// Returns one row per action for `actor`: allowed for `allowed`, else rejected with `otherwise`.
private func rows(_ actor: String, on scope: CaseScope, allowed: Set<CaseAction>,
                  otherwise: CaseRejection.Code) -> [PermissionRow] {
    CaseAction.allCases.map { action in
        PermissionRow(actor: actor, scope: scope, action: action,
                      expected: allowed.contains(action) ? nil : otherwise)
    }
}

private let handling: Set<CaseAction> = [.ack, .assign, .note, .resolve, .escalate]
private let none: Set<CaseAction> = []

@Suite("CasePermissions")
struct CasePermissionsTests {
    /// Every roster role, in and out of the case's team or site, against every action.
    static let permissions: [PermissionRow] =
        // Unknown people and agents are rejected first, even the case's own agent.
        rows("ghost", on: .teamA1, allowed: none, otherwise: .actorUnknown)
        + rows("agent-a1", on: .teamA1, allowed: none, otherwise: .actorIsAgent)
        + rows("agent-b1", on: .teamA1, allowed: none, otherwise: .actorIsAgent)
        // Then scope: supervisors act on their own team, managers on their own site.
        + rows("sup-a2", on: .teamA1, allowed: none, otherwise: .actorOutsideTeam)
        + rows("sup-b1", on: .teamA1, allowed: none, otherwise: .actorOutsideTeam)
        + rows("sup-a1", on: .unscoped, allowed: none, otherwise: .actorOutsideTeam)
        + rows("mgr-b", on: .teamA1, allowed: none, otherwise: .actorOutsideSite)
        + rows("mgr-a", on: .unscoped, allowed: none, otherwise: .actorOutsideSite)
        // Then the actions of each role in scope.
        + rows("sup-a1", on: .teamA1, allowed: handling, otherwise: .roleNotAllowed)
        + rows("mgr-a", on: .teamA1, allowed: handling.union([.classify, .review, .rectify]),
               otherwise: .roleNotAllowed)
        + rows("bm-1", on: .teamA1, allowed: handling.union([.classify, .review, .acceptPlan, .rejectPlan]),
               otherwise: .roleNotAllowed)
        + rows("bm-1", on: .unscoped, allowed: handling.union([.classify, .review, .acceptPlan, .rejectPlan]),
               otherwise: .roleNotAllowed)

    @Test("permission table", arguments: permissions)
    func permission(_ row: PermissionRow) {
        let rejection = CasePermissions.check(actor: row.actor, action: row.action, on: row.scope.record,
                                              roster: CaseFixtures.roster)

        #expect(rejection?.code == row.expected)
    }

    @Test("table covers every permission rejection")
    func tableCoversEveryRejection() {
        let codes = Set(Self.permissions.compactMap(\.expected))

        #expect(codes == [.actorUnknown, .actorIsAgent, .actorOutsideTeam, .actorOutsideSite, .roleNotAllowed])
    }

    /// The machine applies the same rules, so a rejected actor's command never reaches the state checks.
    @Test("machine rejects what permissions reject", arguments: permissions.filter { $0.expected != nil })
    func machineRejects(_ row: PermissionRow) {
        let machine = CaseMachine(rectificationDays: 7)

        let decision = machine.decide(CaseFixtures.command(row.action, actor: row.actor), on: row.scope.record,
                                      roster: CaseFixtures.roster)

        guard case .reject(let rejection) = decision else {
            Issue.record("expected a rejection, got \(decision)")
            return
        }
        #expect(rejection.code == row.expected)
    }

    // MARK: - Scope

    @Test("scope by role and match", arguments: [
        ("agent-a1", CaseScope.teamA1, false),
        ("sup-a1", .teamA1, true),
        ("sup-a2", .teamA1, false),
        ("sup-b1", .teamA1, false),
        ("sup-a1", .unscoped, false),
        ("mgr-a", .teamA1, true),
        ("mgr-b", .teamA1, false),
        ("mgr-a", .unscoped, false),
        ("bm-1", .teamA1, true),
        ("bm-1", .unscoped, true),
    ])
    func scope(_ personId: String, _ scope: CaseScope, _ inScope: Bool) throws {
        let person = try #require(CaseFixtures.roster.person(personId))

        #expect(CasePermissions.canAct(person, on: scope.record) == inScope)
    }

    @Test("supervisor without team is out of scope")
    func supervisorWithoutTeam() {
        let teamless = RosterPerson(id: "sup-x", name: "无组主管", role: .supervisor, reportsTo: "mgr-a",
                                    vendor: "vendor-a", site: "site-a", team: nil)

        #expect(CasePermissions.canAct(teamless, on: CaseScope.unscoped.record) == false)
    }

    // MARK: - Assignees

    @Test("assignee rules", arguments: [
        ("sup-a1", CaseRejection.Code?.none),
        ("mgr-a", nil),
        ("bm-1", nil),
        ("ghost", .assigneeUnknown),
        ("agent-a1", .assigneeIsAgent),
        ("sup-a2", .assigneeOutOfScope),
        ("sup-b1", .assigneeOutOfScope),
        ("mgr-b", .assigneeOutOfScope),
    ])
    func assignee(_ assignee: String, _ expected: CaseRejection.Code?) {
        let machine = CaseMachine(rectificationDays: 7)
        let command = CaseFixtures.command(.assign, actor: "mgr-a", assignee: assignee)

        let decision = machine.decide(command, on: CaseFixtures.record(), roster: CaseFixtures.roster)

        switch decision {
        case .apply(let record, let type):
            #expect(expected == nil)
            #expect(type == .assigned)
            #expect(record.assignee == assignee)
        case .reject(let rejection):
            #expect(rejection.code == expected)
        }
    }

    // MARK: - Texts

    @Test("rejection texts name people by roster")
    func textsNamePeople() throws {
        let rejection = try #require(CasePermissions.check(actor: "sup-b1", action: .ack, on: CaseFixtures.record(),
                                                           roster: CaseFixtures.roster))

        #expect(rejection.text.chinese == "成都B1组主管（sup-b1）不是本案件所在组（team-a1）的主管，不能处理本案件。")
        #expect(rejection.text.english
            == "成都B1组主管 (sup-b1) does not supervise the case's team (team-a1) and cannot act on the case.")
    }

    @Test("role rejection names allowed roles")
    func roleRejectionNamesAllowedRoles() throws {
        let rejection = try #require(CasePermissions.check(actor: "bm-1", action: .rectify, on: CaseFixtures.record(),
                                                           roster: CaseFixtures.roster))

        #expect(rejection.text.chinese == "周洁（bm-1）是品牌经理，不能提交整改方案；只有本案件站点的经理可以。")
        #expect(rejection.text.english == "周洁 (bm-1) is a brand manager and cannot submit a rectification plan; "
            + "only the manager of the case's site may.")
    }
}
