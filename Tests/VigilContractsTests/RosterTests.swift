import Testing
import VigilContracts

private func person(_ id: String, _ role: RosterRole, reportsTo: String?, team: String? = nil) -> RosterPerson {
    RosterPerson(id: id, name: "name of \(id)", role: role, reportsTo: reportsTo, vendor: "V-1", site: "sh", team: team)
}

/// Brand manager B-001, manager M-1, supervisor S-1 with agent A-1, and agent
/// A-direct who reports straight to the manager.
private func sampleOrganisation() -> [RosterPerson] {
    [
        person("B-001", .brandManager, reportsTo: nil),
        person("M-1", .manager, reportsTo: "B-001"),
        person("S-1", .supervisor, reportsTo: "M-1", team: "T-1"),
        person("A-1", .agent, reportsTo: "S-1", team: "T-1"),
        person("A-direct", .agent, reportsTo: "M-1"),
        person("A-orphan", .agent, reportsTo: "S-missing"),
    ]
}

@Suite("Roster")
struct RosterTests {
    @Test("finds agent's supervisor")
    func findsSupervisor() {
        let roster = Roster(sampleOrganisation())
        #expect(roster.supervisor(ofAgent: "A-1")?.id == "S-1")
    }

    @Test("supervisor nil for unknown agent")
    func supervisorOfUnknownAgent() {
        let roster = Roster(sampleOrganisation())
        #expect(roster.supervisor(ofAgent: "A-unknown") == nil)
    }

    @Test("supervisor nil for missing superior")
    func supervisorMissingFromRoster() {
        let roster = Roster(sampleOrganisation())
        #expect(roster.supervisor(ofAgent: "A-orphan") == nil)
    }

    @Test("supervisor nil when superior is manager")
    func superiorIsNotSupervisor() {
        let roster = Roster(sampleOrganisation())
        #expect(roster.supervisor(ofAgent: "A-direct") == nil)
    }

    @Test("alert goes to supervisor")
    func recipientIsSupervisor() {
        let roster = Roster(sampleOrganisation())
        #expect(roster.alertRecipient(forAgent: "A-1", site: "sh")?.id == "S-1")
    }

    @Test("alert without supervisor goes to site manager")
    func recipientFallsBackToSiteManager() {
        let roster = Roster(sampleOrganisation())
        #expect(roster.alertRecipient(forAgent: "A-direct", site: "sh")?.id == "M-1")
        #expect(roster.alertRecipient(forAgent: "A-orphan", site: "sh")?.id == "M-1")
        #expect(roster.alertRecipient(forAgent: "A-unknown", site: "sh")?.id == "M-1",
                "an agent missing from the roster is routed by the message's site")
    }

    @Test("alert falls back to brand manager without site manager")
    func recipientFallsBackToBrandManager() {
        let roster = Roster(sampleOrganisation())
        #expect(roster.alertRecipient(forAgent: "A-unknown", site: "hz")?.id == "B-001")
        #expect(roster.alertRecipient(forAgent: "A-direct", site: "hz")?.id == "M-1",
                "a known agent's own site wins over the message's")
    }

    @Test("site manager choice is stable")
    func stableSiteManagerChoice() {
        let roster = Roster(sampleOrganisation() + [person("M-0", .manager, reportsTo: "B-001")])
        #expect(roster.manager(ofSite: "sh")?.id == "M-0")
        #expect(roster.manager(ofSite: "hz") == nil)
    }

    @Test("brand manager choice is stable")
    func stableBrandManagerChoice() {
        let managers = [
            person("B-003", .brandManager, reportsTo: nil),
            person("B-001", .brandManager, reportsTo: nil),
            person("B-002", .brandManager, reportsTo: nil),
        ]
        let orders = [managers, managers.reversed(), [managers[1], managers[0], managers[2]]]
        for order in orders {
            let roster = Roster(order + [person("A-1", .agent, reportsTo: nil)])
            #expect(roster.brandManagers.map(\.id) == ["B-001", "B-002", "B-003"])
            #expect(roster.alertRecipient(forAgent: "A-1", site: "sh")?.id == "B-001")
        }
    }

    @Test("no recipient without managers")
    func noRecipient() {
        let roster = Roster([person("A-1", .agent, reportsTo: "S-missing")])
        #expect(roster.alertRecipient(forAgent: "A-1", site: "sh") == nil)
    }

    @Test("latest record replaces person")
    func latestRecordWins() {
        var roster = Roster(sampleOrganisation())
        let countBefore = roster.count
        roster.apply(person("A-1", .agent, reportsTo: "M-1", team: "T-2"))
        #expect(roster.count == countBefore)
        #expect(roster.person("A-1")?.team == "T-2")
        #expect(roster.supervisor(ofAgent: "A-1") == nil)
        #expect(roster.alertRecipient(forAgent: "A-1", site: "sh")?.id == "M-1")
    }
}
