/// The organisation as of the roster records applied so far: who reports to whom.
public struct Roster: Sendable, Equatable {
    private var people: [String: RosterPerson] = [:]

    public init(_ people: [RosterPerson] = []) {
        for person in people {
            apply(person)
        }
    }

    /// Adds or replaces a person; the latest record for an id wins, as on the compacted topic.
    public mutating func apply(_ person: RosterPerson) {
        people[person.id] = person
    }

    /// Removes a person, as a tombstone (a record with no value) on the compacted topic does.
    public mutating func remove(_ id: String) {
        people[id] = nil
    }

    /// The number of people.
    public var count: Int { people.count }

    /// Returns the person with this id.
    public func person(_ id: String) -> RosterPerson? {
        people[id]
    }

    /// Returns the supervisor an agent reports to, or nil when either is missing from the roster.
    public func supervisor(ofAgent agentId: String) -> RosterPerson? {
        guard let agent = people[agentId], let boss = agent.reportsTo.flatMap({ people[$0] }),
              boss.role == .supervisor
        else { return nil }
        return boss
    }

    /// The brand managers, ordered by id so the choice among several is stable.
    public var brandManagers: [RosterPerson] {
        people.values.filter { $0.role == .brandManager }.sorted { $0.id < $1.id }
    }

    /// Returns the manager of a site, the lowest id first when several are listed.
    public func manager(ofSite site: String) -> RosterPerson? {
        people.values.filter { $0.role == .manager && $0.site == site }.min { $0.id < $1.id }
    }

    /// The person who must follow up an alert on an agent's conversation at
    /// `site`: the agent's supervisor; else the manager of the agent's site (or
    /// of `site` when the roster does not know the agent); else the brand
    /// manager, so no alert goes unaddressed while the roster has any of them.
    public func alertRecipient(forAgent agentId: String, site: String) -> RosterPerson? {
        if let supervisor = supervisor(ofAgent: agentId) {
            return supervisor
        }
        let agentSite = people[agentId]?.site ?? site
        return manager(ofSite: agentSite) ?? brandManagers.first
    }
}
