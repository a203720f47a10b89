import VigilContracts

/// The people a case climbs through when its deadlines pass: the agent's
/// supervisor, the manager of the case's site, then the first brand manager.
/// Missing people are skipped and a person is listed once.
enum CaseChain {
    /// Returns the chain of a case under the current roster. Entry 0 follows
    /// the case up, and entry k is notified when a deadline is missed for the k-th time.
    static func of(_ record: CaseRecord, roster: Roster) -> [AlertRecipient] {
        let candidates = [
            record.agent.flatMap { roster.supervisor(ofAgent: $0) },
            record.site.flatMap { roster.manager(ofSite: $0) },
            roster.brandManagers.first,
        ]
        var chain: [AlertRecipient] = []
        for person in candidates.compactMap({ $0 }) where !chain.contains(where: { $0.personId == person.id }) {
            chain.append(AlertRecipient(personId: person.id, name: person.name, role: person.role))
        }
        return chain
    }
}
