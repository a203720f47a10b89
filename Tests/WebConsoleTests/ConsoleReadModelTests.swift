import Foundation
import Synchronization
import Testing
import VigilContracts
import VigilTestSupport
import WebConsole

/// The read model's queries over a store the feed filled from the embedded broker.
@Suite("ConsoleReadModel", .serialized)
struct ConsoleReadModelTests {
    typealias Fixtures = ConsoleFixtures

    // MARK: - Vendor scope

    @Test("vendor filters on every query")
    func vendorFilters() throws {
        let harness = try ConsoleFeedHarness()
        let catalogue = harness.catalogue
        try harness.publishRoster()
        try harness.publish([Fixtures.alert("alert/a", agent: "A-a1", site: "hz", buyer: "buyer-a"),
                             Fixtures.alert("alert/b", agent: "A-b1", site: "sh", buyer: "buyer-b")],
                            to: catalogue.alerts)
        var events: [CaseEvent] = []
        for (caseId, vendor) in [("case-a", "V-A"), ("case-b", "V-B")] {
            events.append(Fixtures.opened(caseId, vendor: vendor, at: Fixtures.minute(0), dueAt: Fixtures.minute(30)))
            var plan = Fixtures.caseEvent(caseId, .planSubmitted, vendor: vendor, state: .open, at: Fixtures.minute(9))
            plan.plan = "加强培训"
            plan.rectification = .submitted
            events.append(plan)
        }
        try harness.publish(events, to: catalogue.caseEvents)
        try harness.publish([Fixtures.score(.agent, "A-a1", day: "2026-11-11", total: 90),
                             Fixtures.score(.agent, "A-b1", day: "2026-11-11", total: 80),
                             Fixtures.score(.team, "T-a", day: "2026-11-11", total: 85),
                             Fixtures.score(.team, "T-b", day: "2026-11-11", total: 75)], to: catalogue.scores)
        try harness.runFeed(handling: 15)
        let model = try harness.readModel()

        for (vendor, other) in [("V-A", "V-B"), ("V-B", "V-A")] {
            let alerts = try model.recentAlerts(vendor: vendor, limit: 10)
            #expect(alerts.count == 1)
            #expect(alerts.allSatisfy { $0.vendor == vendor })
            let following = try model.alerts(after: 0, vendor: vendor, limit: 10)
            #expect(following.count == 1)
            #expect(following.allSatisfy { $0.vendor == vendor })

            let open = try model.openCases(vendor: vendor)
            #expect(open.map(\.vendor) == [vendor])
            let plans = try model.rectifications(vendor: vendor)
            #expect(plans.map(\.vendor) == [vendor])

            let agents = try model.league(kind: .agent, periodKind: .day, vendor: vendor).rows
            #expect(agents.count == 1)
            #expect(agents.allSatisfy { $0.vendor == vendor })
            let teams = try model.league(kind: .team, periodKind: .day, vendor: vendor).rows
            #expect(teams.count == 1)
            #expect(teams.allSatisfy { $0.vendor == vendor })
            let trend = try model.dailyTrend(kind: .agent, vendor: vendor, days: 7)
            #expect(trend.count == 1)
            #expect(trend.allSatisfy { $0.vendor == vendor })

            // caseFile returns any case; the page checks the viewer's scope.
            let person = RosterPerson(id: "viewer", name: "查看人", role: .manager, reportsTo: nil, vendor: vendor,
                                      site: nil, team: nil)
            let othersCase = try #require(try model.caseFile(id: other == "V-A" ? "case-a" : "case-b"))
            #expect(othersCase.vendor == other)
            #expect(!ConsoleViewer(person: person).mayView(vendor: othersCase.vendor))
        }

        #expect(try model.recentAlerts(vendor: nil, limit: 10).count == 2)
        #expect(try model.alerts(after: 0, vendor: nil, limit: 10).count == 2)
        #expect(try model.openCases(vendor: nil).count == 2)
        #expect(try model.rectifications(vendor: nil).count == 2)
        #expect(try model.league(kind: .agent, periodKind: .day, vendor: nil).rows.count == 2)
        #expect(try model.dailyTrend(kind: .team, vendor: nil, days: 7).count == 2)

        // A viewer without a vendor filters by the empty string and sees nothing.
        #expect(try model.recentAlerts(vendor: "", limit: 10).isEmpty)
        #expect(try model.alerts(after: 0, vendor: "", limit: 10).isEmpty)
        #expect(try model.openCases(vendor: "").isEmpty)
        #expect(try model.rectifications(vendor: "").isEmpty)
        #expect(try model.league(kind: .agent, periodKind: .day, vendor: "").rows.isEmpty)
        #expect(try model.league(kind: .agent, periodKind: .day, vendor: "").period == nil)
        #expect(try model.dailyTrend(kind: .agent, vendor: "", days: 7).isEmpty)
        #expect(try model.recentAlerts(vendor: "V-C", limit: 10).isEmpty)
    }

    // MARK: - Cases

    @Test("open cases by deadline, resolved ones left out")
    func openCasesOrder() throws {
        let harness = try ConsoleFeedHarness()
        let resolved = Fixtures.caseEvent("case-done", .resolved, vendor: "V-A", state: .resolved,
                                          at: Fixtures.minute(20), text: "已结案")
        // Escalation's answer to a command for a case id it does not know: no vendor, no state.
        var rejectionOfUnknownCase = Fixtures.caseEvent("case-typo", .commandRejected, vendor: nil, state: .open,
                                                        at: Fixtures.minute(3), text: "没有这个案件")
        rejectionOfUnknownCase.state = nil
        try harness.publish([
            Fixtures.opened("case-late", vendor: "V-A", at: Fixtures.minute(0), dueAt: Fixtures.minute(60)),
            Fixtures.opened("case-soon", vendor: "V-A", at: Fixtures.minute(10), dueAt: Fixtures.minute(30)),
            Fixtures.opened("case-none", vendor: "V-A", at: Fixtures.minute(5), dueAt: nil),
            Fixtures.opened("case-done", vendor: "V-A", at: Fixtures.minute(1), dueAt: Fixtures.minute(15)),
            resolved,
            Fixtures.opened("case-other", vendor: "V-B", at: Fixtures.minute(2), dueAt: Fixtures.minute(20)),
            rejectionOfUnknownCase,
        ], to: harness.catalogue.caseEvents)
        try harness.runFeed(handling: 7)
        let model = try harness.readModel()

        #expect(try model.openCases(vendor: "V-A").map(\.caseId) == ["case-soon", "case-late", "case-none"])
        #expect(try model.openCases(vendor: nil).map(\.caseId)
            == ["case-other", "case-soon", "case-late", "case-none"])
        let done = try #require(try model.caseFile(id: "case-done"))
        #expect(done.state == .resolved)
        #expect(done.timeline.map(\.type) == [.opened, .resolved])
        #expect(try model.caseFile(id: "case-unknown") == nil)
    }

    @Test("open cases by the deadline shown")
    func openCasesByShownDeadline() throws {
        let harness = try ConsoleFeedHarness()
        // Missed at minute 10: the page shows the missed deadline, so the
        // case sorts at minute 10, before one still running until minute 60.
        var missed = Fixtures.caseEvent("case-missed", .deadlineMissed, number: 2, vendor: "V-A", state: .open,
                                        at: Fixtures.minute(10), text: "未按时确认")
        missed.deadline = .acknowledge
        missed.dueAt = Fixtures.minute(10)
        missed.chainStep = 1
        try harness.publish([
            Fixtures.opened("case-running", vendor: "V-A", at: Fixtures.minute(0), dueAt: Fixtures.minute(60)),
            Fixtures.opened("case-missed", vendor: "V-A", at: Fixtures.minute(5), dueAt: Fixtures.minute(10)),
            missed,
        ], to: harness.catalogue.caseEvents)
        try harness.runFeed(handling: 3)
        let model = try harness.readModel()

        let files = try model.openCases(vendor: "V-A")
        #expect(files.map(\.caseId) == ["case-missed", "case-running"])
        #expect(files.first?.isOverdue == true)
    }

    @Test("rectifications newest first")
    func rectificationsOrder() throws {
        let harness = try ConsoleFeedHarness()
        var events: [CaseEvent] = []
        for (caseId, opened) in [("case-old", 0), ("case-new", 40)] {
            events.append(Fixtures.opened(caseId, vendor: "V-A", at: Fixtures.minute(opened), dueAt: nil))
            var classified = Fixtures.caseEvent(caseId, .classified, vendor: "V-A", state: .escalatedRegulator,
                                                at: Fixtures.minute(opened + 5))
            classified.rectification = .required
            classified.deadline = .rectification
            classified.dueAt = Fixtures.minute(opened + 3 * 24 * 60)
            events.append(classified)
        }
        events.append(Fixtures.opened("case-plain", vendor: "V-A", at: Fixtures.minute(50), dueAt: nil))
        try harness.publish(events, to: harness.catalogue.caseEvents)
        try harness.runFeed(handling: 5)

        let cases = try harness.readModel().rectifications(vendor: "V-A")
        #expect(cases.map(\.caseId) == ["case-new", "case-old"])
        #expect(cases.allSatisfy { $0.rectification == .required })
    }

    // MARK: - Scores

    @Test("league picks the latest period and orders by total")
    func leagueLatestPeriod() throws {
        let harness = try ConsoleFeedHarness()
        try harness.publishRoster()
        let week = ScorePeriod(kind: .week, start: "2026-11-09")
        try harness.publish([
            Fixtures.score(.agent, "A-a1", day: "2026-11-10", total: 99),
            Fixtures.score(.agent, "S-a", day: "2026-11-10", total: 10),
            Fixtures.score(.agent, "A-a1", day: "2026-11-11", total: 80),
            Fixtures.score(.agent, "S-a", day: "2026-11-11", total: nil),
            Fixtures.score(.agent, "A-b1", day: "2026-11-11", total: 95),
            Fixtures.score(.agent, "A-b1", day: "2026-11-12", total: 70),
            Fixtures.score(.agent, "A-a1", period: week, total: 60),
            // A later record of the same key replaces the earlier one.
            Fixtures.score(.agent, "A-a1", day: "2026-11-10", total: 50),
            // A later day with no total (complaints but no conversations) is passed over.
            Fixtures.score(.agent, "A-b1", day: "2026-11-14", total: nil),
        ], to: harness.catalogue.scores)
        try harness.runFeed(handling: 14)
        let model = try harness.readModel()

        let all = try model.league(kind: .agent, periodKind: .day, vendor: nil)
        #expect(all.period == ScorePeriod(kind: .day, start: "2026-11-12"))
        #expect(all.rows.map(\.score.subject.id) == ["A-b1"])

        let vendorA = try model.league(kind: .agent, periodKind: .day, vendor: "V-A")
        #expect(vendorA.period == ScorePeriod(kind: .day, start: "2026-11-11"),
                "the latest day with a score vendor A may see")
        #expect(vendorA.rows.map(\.score.subject.id) == ["A-a1", "S-a"], "rows without a total come last")
        #expect(vendorA.rows.map(\.name) == ["客服甲一", "主管甲"])

        let weekly = try model.league(kind: .agent, periodKind: .week, vendor: "V-A")
        #expect(weekly.period == week)
        #expect(weekly.rows.map(\.score.scorecard?.total) == [60])

        #expect(try model.league(kind: .agent, periodKind: .month, vendor: nil).period == nil)

        let trend = try model.dailyTrend(kind: .agent, vendor: "V-A", days: 7)
        #expect(trend.map(\.score.period.start) == ["2026-11-10", "2026-11-10", "2026-11-11", "2026-11-11"])
        let replaced = trend.first { $0.score.subject.id == "A-a1" && $0.score.period.start == "2026-11-10" }
        #expect(replaced?.score.scorecard?.total == 50)
    }

    @Test("daily trend covers the last days with scores")
    func dailyTrendDays() throws {
        let harness = try ConsoleFeedHarness()
        try harness.publishRoster()
        let days = ["2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11"]
        try harness.publish(days.map { Fixtures.score(.agent, "A-a1", day: $0, total: 80) }
            + [Fixtures.score(.agent, "A-b1", day: "2026-11-12", total: 70)], to: harness.catalogue.scores)
        try harness.runFeed(handling: 10)
        let model = try harness.readModel()

        #expect(try model.dailyTrend(kind: .agent, vendor: "V-A", days: 2).map(\.score.period.start)
            == ["2026-11-10", "2026-11-11"])
        #expect(try model.dailyTrend(kind: .agent, vendor: nil, days: 2).map(\.score.period.start)
            == ["2026-11-11", "2026-11-12"])
        #expect(try model.dailyTrend(kind: .agent, vendor: "V-A", days: 30).count == 4)
        #expect(try model.dailyTrend(kind: .agent, vendor: "V-A", days: 0).isEmpty)
        #expect(try model.dailyTrend(kind: .team, vendor: nil, days: 7).isEmpty)
    }

    // MARK: - Threads

    @Test("concurrent reads while the feed writes")
    func concurrentReads() throws {
        let harness = try ConsoleFeedHarness()
        try harness.publishRoster()
        let rounds = 5
        let perRound = 40
        var published = 0
        let failures = Mutex<[String]>([])
        try harness.runFeed { feed, model in
            // Publishes while the feed runs, so the reads overlap its writes.
            if published < rounds {
                let alerts = (0..<perRound).map { index in
                    Fixtures.alert("alert/\(published)/\(index)", agent: "A-a1", site: "hz",
                                   buyer: "buyer-\(published)-\(index)")
                }
                try harness.publish(alerts, to: harness.catalogue.alerts)
                published += 1
            }
            DispatchQueue.concurrentPerform(iterations: 4) { index in
                do {
                    let recent = try model.recentAlerts(vendor: index % 2 == 0 ? nil : "V-A", limit: 50)
                    let sequences = recent.map(\.sequence)
                    if sequences != sequences.sorted(by: >) {
                        failures.withLock { $0.append("recent alerts out of order: \(sequences)") }
                    }
                    _ = try model.alerts(after: 0, vendor: "V-A", limit: 20)
                    _ = try model.eventClock()
                } catch {
                    failures.withLock { $0.append(String(describing: error)) }
                }
            }
            return feed.appliedRecords + feed.skippedRecords >= ConsoleFixtures.roster.count + rounds * perRound
        }

        #expect(failures.withLock { $0 }.isEmpty)
        let stored = try harness.readModel().recentAlerts(vendor: "V-A", limit: 1_000)
        #expect(stored.count == rounds * perRound)
        #expect(Set(stored.map(\.sequence)).count == rounds * perRound)
    }
}
