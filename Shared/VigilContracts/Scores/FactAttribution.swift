/// The people, groups and shop a fact counts for, from the input and the
/// roster at the time the facts stage handled it.
public struct FactAttribution: Codable, Sendable, Hashable {
    /// The shop of the thread; every fact has one.
    public var shop: String
    /// The agent's site from the roster, else the input's site.
    public var site: String?
    /// The agent's vendor from the roster.
    public var vendor: String?
    /// The agent's team from the roster.
    public var team: String?
    /// The agent the fact counts against; nil until known.
    public var agent: String?

    public init(shop: String, site: String?, vendor: String?, team: String?, agent: String?) {
        self.shop = shop
        self.site = site
        self.vendor = vendor
        self.team = team
        self.agent = agent
    }

    /// The subjects the fact counts for, in subject-kind order, without the unknown ones.
    public var subjects: [ScoreSubject] {
        [(ScoreSubjectKind.agent, agent), (.team, team), (.vendor, vendor), (.site, site), (.shop, shop)]
            .compactMap { kind, id in id.map { ScoreSubject(kind: kind, id: $0) } }
    }
}
