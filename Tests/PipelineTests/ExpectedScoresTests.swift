import Alerting
import Foundation
import Synchronization
import Testing
import VigilContracts

/// The pipeline's score expectations checked on their own, without a broker:
/// against direct counts of the files, across subject levels, and for the
/// cases the case commands are meant to exercise.
@Suite("Expected scores of the shared data", .enabled(if: SharedData.isAvailable || SharedData.isRequired))
struct ExpectedScoresTests {
    struct Fixture {
        var inputs: ScoringInputs
        var alerts: ExpectedAlerts
        var cases: ExpectedCases
        var scorecard: TestScorecard
        var imported: ExpectedScores
        var reviewed: ExpectedScores
    }

    private static let cache = Mutex<Fixture?>(nil)

    /// Computes the expectations once per test process.
    static func fixture() throws -> Fixture {
        try cache.withLock { cached in
            if let cached {
                return cached
            }
            let fixture = try computeFixture()
            cached = fixture
            return fixture
        }
    }

    private static func computeFixture() throws -> Fixture {
        try SharedData.requireAvailable()
        let inputs = try ScoringInputs.read()
        let alerts = try ExpectedAlerts.read(groupWindowSeconds: AlertPolicy().groupWindowSeconds)
        let cases = try ExpectedCases.read(alerts: alerts)
        let scorecard = try TestScorecard.parse(PipelineScorecard.text(inputs: inputs))
        let script = try CaseScript.make(cases: cases, people: inputs.people)
        return Fixture(
            inputs: inputs, alerts: alerts, cases: cases, scorecard: scorecard,
            imported: ExpectedScores.compute(inputs: inputs, alerts: alerts, cases: CaseScript.untouched(cases: cases),
                                             scorecard: scorecard),
            reviewed: ExpectedScores.compute(inputs: inputs, alerts: alerts, cases: script, scorecard: scorecard))
    }

    /// Sums the figures of one subject kind in one period kind.
    static func sum(_ scores: ExpectedScores, kind: String, period: String) -> ScoreFigures {
        var total = ScoreFigures()
        for score in scores.scores.values where score.subjectKind == kind && score.period.kind == period {
            let figures = score.figures
            total.conversations += figures.conversations
            total.rounds += figures.rounds
            total.unansweredRounds += figures.unansweredRounds
            total.alerts += figures.alerts
            total.replyTimeouts += figures.replyTimeouts
            total.cases += figures.cases
            total.acknowledgedCases += figures.acknowledgedCases
            total.escalations += figures.escalations
            total.complaints += figures.complaints
            total.regulatorComplaints += figures.regulatorComplaints
            total.regulatorHumanCauseCases += figures.regulatorHumanCauseCases
            total.rectificationsDue += figures.rectificationsDue
            total.rectificationsOnTime += figures.rectificationsOnTime
            total.orders += figures.orders
            total.sales += figures.sales
            total.convertedConversations += figures.convertedConversations
        }
        return total
    }

    @Test("shop totals match direct counts of the files")
    func shopTotalsMatchFiles() throws {
        let fixture = try Self.fixture()
        let shops = Self.sum(fixture.reviewed, kind: "shop", period: "month")

        // Amounts read from the raw text, not through JSONDecoder.
        let orderLines = try String(contentsOf: SharedData.file("orders-jd.ndjson"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.isEmpty }
        var sales: Decimal = 0
        for line in orderLines {
            let field = try #require(line.range(of: "\"amount\":"))
            let digits = line[field.upperBound...].prefix { "0123456789.".contains($0) }
            sales += try #require(Decimal(string: String(digits)))
        }
        let conversations = Set(fixture.inputs.messages.map { "\($0.shop)/\($0.conversationId)" })

        #expect(shops.conversations == conversations.count)
        #expect(shops.orders == orderLines.count)
        #expect(shops.sales == sales)
        #expect(shops.complaints == fixture.inputs.complaints.count)
        #expect(shops.regulatorComplaints == fixture.inputs.complaints.filter { $0.channel != .platform }.count)
        #expect(shops.alerts == fixture.alerts.raised)
        #expect(shops.cases == fixture.cases.openings.count)
        #expect(shops.cases == fixture.cases.states.count)
    }

    @Test("every subject level adds up to the shop totals")
    func levelsAddUp() throws {
        let fixture = try Self.fixture()
        for period in ["day", "week", "month", "campaign"] {
            let shops = Self.sum(fixture.reviewed, kind: "shop", period: period)
            for kind in ["agent", "team", "vendor", "site"] {
                #expect(Self.sum(fixture.reviewed, kind: kind, period: period) == shops, "\(kind) per \(period)")
            }
        }
    }

    @Test("expected keys cover every subject and period")
    func keysCoverSubjectsAndPeriods() throws {
        let fixture = try Self.fixture()
        let keys = Set(fixture.reviewed.scores.keys)
        let agents = Set(fixture.inputs.messages.map(\.agent))

        for agent in agents {
            #expect(keys.contains("agent/\(agent)/day/2026-11-11"))
            #expect(keys.contains("agent/\(agent)/week/2026-11-09"))
            #expect(keys.contains("agent/\(agent)/month/2026-11-01"))
        }
        for campaign in fixture.scorecard.campaigns {
            #expect(keys.contains { $0.hasPrefix("team/") && $0.hasSuffix("/campaign/\(campaign.id)") })
        }
        // Complaints filed after the chat day open days of their own.
        let complaintDays = Set(fixture.inputs.complaints.map { $0.filedAt.day(atUTCOffset: 8 * 3600) })
        for day in complaintDays {
            #expect(keys.contains("shop/shop-waimai/day/\(day)"))
        }
    }

    @Test("case script exercises every case measure")
    func caseScriptCoversCaseMeasures() throws {
        let fixture = try Self.fixture()
        let before = Self.sum(fixture.imported, kind: "shop", period: "month")
        let after = Self.sum(fixture.reviewed, kind: "shop", period: "month")

        #expect(before.acknowledgedCases == 0)
        #expect(after.acknowledgedCases > 0)
        #expect(after.escalations == before.escalations + 3)
        #expect(before.regulatorHumanCauseCases == 0)
        #expect(after.regulatorHumanCauseCases == fixture.cases.regulatorThreads.count + 1)
        #expect(after.rectificationsDue == after.regulatorHumanCauseCases)
        #expect(after.rectificationsOnTime == 1)

        let agents = fixture.reviewed.scores.values.filter { $0.subjectKind == "agent" && $0.period.kind == "month" }
        #expect(agents.contains { $0.figures.primaryResponsibilities > 0 })
        #expect(agents.allSatisfy { $0.figures.jointResponsibilities == 0 })
        #expect(agents.contains { $0.figures.acknowledgeMedianSeconds != nil })
        #expect(agents.contains { $0.scorecard.zeroedBy == fixture.scorecard.critical.map(\.id) })
    }

    @Test("test campaign meets one target and misses another")
    func testCampaignTargets() throws {
        let fixture = try Self.fixture()
        let standings = fixture.reviewed.scores.values
            .filter { $0.period.campaign == PipelineScorecard.campaignId }
            .compactMap(\.standing)

        #expect(standings.count == 6)
        #expect(standings.contains { $0.targetMet && $0.teamSales == $0.target })
        #expect(standings.contains { !$0.targetMet && $0.target != nil })
        for standing in standings {
            let rewarded = standing.leaderboard.filter(\.rewarded).count
            let eligible = standing.leaderboard.filter(\.failedCritical.isEmpty).count
            let earned = standing.targetMet ? min(PipelineScorecard.rewardTopN, eligible) : 0
            #expect(rewarded == earned)
            #expect(standing.leaderboard.map(\.sales).reduce(0, +) == standing.teamSales)
        }
    }

    @Test("regulator case disqualifies a seller")
    func disqualifiedSeller() throws {
        let fixture = try Self.fixture()
        let standings = fixture.reviewed.scores.values.compactMap(\.standing)
        let disqualified = standings.flatMap(\.leaderboard).filter { !$0.failedCritical.isEmpty }

        #expect(!disqualified.isEmpty, "the case script makes a regulator case with a human cause in a campaign")
        #expect(disqualified.allSatisfy { !$0.rewarded })
        #expect(disqualified.allSatisfy { $0.failedCritical == fixture.scorecard.critical.map(\.id) })
        let passedOn = standings.contains { standing in
            standing.targetMet && standing.leaderboard.contains { $0.rewarded && $0.rank > standing.rewardTopN }
        }
        #expect(passedOn, "a disqualified seller in the top ranks passes the reward to a lower rank")
        let untouched = fixture.imported.scores.values.compactMap(\.standing).flatMap(\.leaderboard)
        #expect(untouched.allSatisfy { $0.failedCritical.isEmpty }, "imported cases have no cause yet")
    }

    @Test("percentiles follow the definitions")
    func percentiles() {
        #expect(ExpectedScores.median([]) == nil)
        #expect(ExpectedScores.median([7]) == 7)
        #expect(ExpectedScores.median([1, 2, 3, 4]) == 2.5)
        #expect(ExpectedScores.median([1, 2, 4]) == 2)
        #expect(ExpectedScores.ninetiethPercentile([]) == nil)
        #expect(ExpectedScores.ninetiethPercentile(Array(1...10)) == 9)
        #expect(ExpectedScores.ninetiethPercentile(Array(1...11)) == 10)
        #expect(ExpectedScores.ninetiethPercentile([5]) == 5)
    }
}
