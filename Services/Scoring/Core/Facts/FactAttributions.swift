import VigilContracts

/// The attribution of facts to agents, teams, vendors, sites and shops, from the input and the roster.
enum FactAttributions {
    /// Returns the attribution of a fact handled by `agent` at `shop`.
    ///
    /// The team, vendor and site come from the agent's roster person, and
    /// those the roster lacks from the input (`site`, `team`, `vendor`). Empty
    /// ids count as unknown, so they give no subject.
    static func attribution(shop: String, agent: String?, site: String? = nil, team: String? = nil,
                            vendor: String? = nil, roster: Roster) -> FactAttribution {
        let agent = known(agent)
        let person = agent.flatMap { roster.person($0) }
        return FactAttribution(
            shop: shop,
            site: known(person?.site) ?? known(site),
            vendor: known(person?.vendor) ?? known(vendor),
            team: known(person?.team) ?? known(team),
            agent: agent)
    }

    private static func known(_ id: String?) -> String? {
        guard let id, !id.isEmpty else { return nil }
        return id
    }
}
