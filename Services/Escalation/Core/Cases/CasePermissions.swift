import VigilContracts

/// The permission rules for acting on a case and for being assigned one.
///
/// The rules are checked in order and the first failure wins: the actor must
/// be on the roster, must not be an agent, must be in the case's scope
/// (``canAct(_:on:)``), and must hold a role the action allows.
enum CasePermissions {
    /// Returns why `actor` may not take `action` on the case, or nil when they may.
    static func check(actor: String, action: CaseAction, on record: CaseRecord, roster: Roster) -> CaseRejection? {
        guard let person = roster.person(actor) else {
            return .actorUnknown(actor)
        }

        switch person.role {
        case .agent:
            return .actorIsAgent(person)
        case .supervisor where !canAct(person, on: record):
            return .actorOutsideTeam(person, caseTeam: record.team)
        case .manager where !canAct(person, on: record):
            return .actorOutsideSite(person, caseSite: record.site)
        default:
            break
        }

        return allowedRoles(for: action).contains(person.role) ? nil : .roleNotAllowed(person, action: action)
    }

    /// True when the case is in `person`'s scope: a supervisor's own team, a
    /// manager's own site, or any case for the brand manager. A case without a
    /// team (or site) is in no supervisor's (or manager's) scope, and agents
    /// have no scope.
    static func canAct(_ person: RosterPerson, on record: CaseRecord) -> Bool {
        switch person.role {
        case .agent:
            false
        case .supervisor:
            person.team != nil && person.team == record.team
        case .manager:
            person.site != nil && person.site == record.site
        case .brandManager:
            true
        }
    }

    /// Returns the roles that may take `action` on a case in their scope.
    /// Supervisors may not classify or review, because that judges their own
    /// responsibility. The site's manager submits the rectification plan and
    /// the brand manager decides on it.
    static func allowedRoles(for action: CaseAction) -> Set<RosterRole> {
        switch action {
        case .ack, .assign, .note, .resolve, .escalate:
            [.supervisor, .manager, .brandManager]
        case .classify, .review:
            [.manager, .brandManager]
        case .rectify:
            [.manager]
        case .acceptPlan, .rejectPlan:
            [.brandManager]
        }
    }
}
