import VigilContracts

/// The people's names the score report shows next to subject ids: an agent's
/// own name, a team's supervisor and a site's manager. Vendors and shops have
/// no person on the roster, so they show their id alone.
struct ScoreSubjectNames: Sendable {
    private var agents: [String: String] = [:]
    private var supervisors: [String: String] = [:]
    private var managers: [String: String] = [:]

    /// Reads roster records in topic order; the latest record for an id wins.
    /// A team or site with several supervisors or managers shows the lowest id's name.
    init(people: [RosterPerson]) {
        var latest: [String: RosterPerson] = [:]
        for person in people {
            latest[person.id] = person
        }
        for person in latest.values.sorted(by: { $0.id > $1.id }) {
            switch person.role {
            case .agent:
                agents[person.id] = person.name
            case .supervisor:
                if let team = person.team {
                    supervisors[team] = person.name
                }
            case .manager:
                if let site = person.site {
                    managers[site] = person.name
                }
            case .brandManager:
                break
            }
        }
    }

    /// Returns the name shown for `subject`, nil when the roster has none.
    func name(of subject: ScoreSubject) -> String? {
        switch subject.kind {
        case .agent: agents[subject.id]
        case .team: supervisors[subject.id]
        case .site: managers[subject.id]
        case .vendor, .shop: nil
        }
    }

    /// Returns the header of the name column for subjects of `kind`, or nil for kinds without names.
    static func header(for kind: ScoreSubjectKind) -> LocalizedText? {
        switch kind {
        case .agent: LocalizedText(chinese: "姓名", english: "name")
        case .team: LocalizedText(chinese: "主管", english: "supervisor")
        case .site: LocalizedText(chinese: "项目经理", english: "manager")
        case .vendor, .shop: nil
        }
    }
}
