import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilScoring
import VigilStore
@testable import Scoring

@Suite("ScoreTotalsProcessor")
struct ScoreTotalsProcessorTests {
    private typealias F = TotalsFixtures
    private let agentDay = "agent/A-hz-a01/day/2026-11-11"

    // MARK: - Revisions

    @Test("higher revision replaces, older ignored")
    func revisionOrder() throws {
        let harness = try TotalsHarness()

        let first = try harness.batch([try F.conversation("c-1", revision: 2, at: "2026-11-11T09:00:00+08:00",
                                                          waits: [20, 40])])
        #expect(first.byKey[agentDay]?.figures.rounds == 2)

        let stale = try harness.batch([try F.conversation("c-1", revision: 1, at: "2026-11-11T09:00:00+08:00",
                                                          waits: [20])])
        #expect(stale.isEmpty, "an older revision changes nothing")

        let redelivered = try harness.batch([try F.conversation("c-1", revision: 2, at: "2026-11-11T09:00:00+08:00",
                                                                waits: [20, 40])])
        #expect(redelivered.isEmpty, "a redelivered revision changes nothing")

        let newer = try harness.batch([try F.conversation("c-1", revision: 3, at: "2026-11-11T09:00:00+08:00",
                                                          waits: [20, 40, 60])])
        let day = try #require(newer.byKey[agentDay])
        #expect(day.figures.rounds == 3)
        #expect(day.figures.conversations == 1)
        #expect(day.figures.responseMedianSeconds == 40)

        let stored = try harness.store.database.scalar("SELECT revision FROM subject_facts WHERE fact_id = ?",
                                                       ["conversation/\(F.shop)/c-1"])
        #expect(stored.int == 3)
    }

    @Test("same content at a new revision not republished")
    func unchangedScoreSkipped() throws {
        let harness = try TotalsHarness()
        try harness.batch([try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")])

        let scores = try harness.batch([try F.conversation("c-1", revision: 2, at: "2026-11-11T09:00:00+08:00")])

        #expect(scores.isEmpty)
    }

    // MARK: - Retractions and moves

    @Test("retraction removes fact from totals")
    func retractionRemoves() throws {
        let harness = try TotalsHarness()
        let both = try harness.batch([
            try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00"),
            try F.conversation("c-2", at: "2026-11-11T11:30:00+08:00"),
        ])
        #expect(both.byKey[agentDay]?.figures.conversations == 2)

        let scores = try harness.batch([
            try F.conversation("c-2", revision: 2, at: "2026-11-11T11:30:00+08:00", retracted: true),
        ])

        let byKey = scores.byKey
        for period in ["day/2026-11-11", "week/2026-11-09", "month/2026-11-01", "campaign/2026-double11"] {
            #expect(byKey["agent/A-hz-a01/\(period)"]?.figures.conversations == 1, "\(period)")
        }
        #expect(byKey[agentDay]?.asOf == (try F.time("2026-11-11T09:00:00+08:00")), "asOf is the latest fact left")
    }

    @Test("last fact retracted leaves empty period")
    func retractionEmptiesPeriod() throws {
        let harness = try TotalsHarness()
        try harness.batch([try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")])

        let scores = try harness.batch([
            try F.conversation("c-1", revision: 2, at: "2026-11-11T09:00:00+08:00", retracted: true),
        ])

        let day = try #require(scores.byKey[agentDay])
        #expect(day.figures == ScoreFigures())
        #expect(day.asOf == (try F.time("2026-11-11T00:00:00+08:00")), "asOf of an empty period is its start")
        #expect(day.asOf.utcOffsetSeconds == 8 * 3600)
        #expect(day.scorecard?.total == nil)
    }

    @Test("retraction of unknown fact publishes nothing")
    func retractionOfUnknownFact() throws {
        let harness = try TotalsHarness()

        let scores = try harness.batch([
            try F.conversation("c-9", revision: 4, at: "2026-11-11T09:00:00+08:00", retracted: true),
        ])

        #expect(scores.isEmpty)
        let late = try harness.batch([try F.conversation("c-9", revision: 3, at: "2026-11-11T09:00:00+08:00")])
        #expect(late.isEmpty, "the retraction's revision keeps the older revision out")
    }

    @Test("fact moving between days updates both")
    func factMovesBetweenDays() throws {
        let harness = try TotalsHarness()
        try harness.batch([try F.conversation("c-1", at: "2026-11-10T23:50:00+08:00")])

        let scores = try harness.batch([try F.conversation("c-1", revision: 2, at: "2026-11-11T00:10:00+08:00")])

        let byKey = scores.byKey
        #expect(byKey["agent/A-hz-a01/day/2026-11-10"]?.figures.conversations == 0)
        #expect(byKey[agentDay]?.figures.conversations == 1)
        let week = try #require(byKey["agent/A-hz-a01/week/2026-11-09"], "the week's asOf moved")
        #expect(week.figures.conversations == 1)
        #expect(week.asOf == (try F.time("2026-11-11T00:10:00+08:00")))
    }

    // MARK: - Periods

    @Test("day, week, month and campaign scores")
    func periodsPublished() throws {
        let harness = try TotalsHarness()

        let scores = try harness.batch([try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")])

        #expect(scores.map(\.period.key) == ["day/2026-11-11", "week/2026-11-09", "month/2026-11-01",
                                             "campaign/2026-double11"])
        let campaign = try #require(scores.last)
        #expect(campaign.period.start == "2026-10-31")
        #expect(campaign.period.campaign == "2026-double11")
        #expect(scores.allSatisfy { $0.scorecard?.version == Scorecard.builtIn.version })
    }

    @Test("campaign and month edges in +08:00")
    func periodEdges() throws {
        let cases: [(time: String, periods: [String])] = [
            ("2026-10-31T19:59:59+08:00", ["day/2026-10-31", "week/2026-10-26", "month/2026-10-01"]),
            ("2026-10-31T20:00:00+08:00", ["day/2026-10-31", "week/2026-10-26", "month/2026-10-01",
                                           "campaign/2026-double11"]),
            ("2026-11-11T23:59:59+08:00", ["day/2026-11-11", "week/2026-11-09", "month/2026-11-01",
                                           "campaign/2026-double11"]),
            ("2026-11-11T16:00:00Z", ["day/2026-11-12", "week/2026-11-09", "month/2026-11-01"]),
            ("2026-11-30T16:00:00Z", ["day/2026-12-01", "week/2026-11-30", "month/2026-12-01"]),
        ]
        for (index, entry) in cases.enumerated() {
            let harness = try TotalsHarness()
            let scores = try harness.batch([try F.conversation("c-\(index)", at: entry.time)])
            #expect(scores.map(\.period.key) == entry.periods, "\(entry.time)")
        }
    }

    // MARK: - Campaign standings

    @Test("standing only for team in campaign")
    func standingForTeamCampaign() throws {
        let harness = try TotalsHarness()
        let amounts: [(id: String, agent: String?, amount: Decimal)] = [
            ("o-1", "A-hz-a01", 30_000), ("o-2", "A-hz-a02", 50_000), ("o-3", "A-hz-a01", 30_000),
            ("o-4", nil, 5_000), ("o-5", "A-hz-a03", 1_000), ("o-6", "A-hz-a04", 500),
        ]
        var facts = try amounts.map { try F.order($0.id, at: "2026-11-11T10:00:00+08:00", amount: $0.amount,
                                                  agent: $0.agent) }
        facts.append(try F.order("o-late", at: "2026-11-12T00:00:00+08:00", amount: 90_000, agent: "A-hz-a04"))
        facts.append(try F.order("o-agent", for: F.agent, at: "2026-11-11T10:00:00+08:00", amount: 30_000,
                                 agent: "A-hz-a01"))

        let byKey = try harness.batch(facts).byKey

        let standing = try #require(byKey["team/T-hz-a/campaign/2026-double11"]?.campaign)
        let expectedSales = amounts.map(\.amount).reduce(0, +)
        #expect(standing.teamSales == expectedSales, "the order after the window is left out")
        #expect(standing.target == 100_000)
        #expect(standing.targetMet == (expectedSales >= 100_000))
        #expect(standing.leaderboard.map(\.agent) == ["A-hz-a01", "A-hz-a02", "A-hz-a03", "A-hz-a04"])
        #expect(standing.leaderboard.map(\.rank) == [1, 2, 3, 4])
        #expect(standing.leaderboard.map(\.sales) == [60_000, 50_000, 1_000, 500])
        #expect(standing.leaderboard.map(\.orders) == [2, 1, 1, 1])
        #expect(standing.leaderboard.map(\.rewarded) == [true, true, true, false])

        #expect(byKey["team/T-hz-a/day/2026-11-11"] != nil)
        #expect(byKey["team/T-hz-a/day/2026-11-11"]?.campaign == nil, "no standing outside campaign periods")
        #expect(byKey["team/T-hz-a/month/2026-11-01"]?.campaign == nil)
        #expect(byKey["agent/A-hz-a01/campaign/2026-double11"] != nil)
        #expect(byKey["agent/A-hz-a01/campaign/2026-double11"]?.campaign == nil, "no standing for agents")
    }

    @Test("standing without reward below target")
    func standingBelowTarget() throws {
        let harness = try TotalsHarness()
        let team = ScoreSubject(kind: .team, id: "T-hf-b")

        let byKey = try harness.batch([
            try F.order("o-1", for: team, at: "2026-11-05T10:00:00+08:00", amount: 2_000, agent: "A-hf-b03"),
        ]).byKey

        let standing = try #require(byKey["team/T-hf-b/campaign/2026-double11"]?.campaign)
        #expect(standing.teamSales == 2_000)
        #expect(standing.target == 80_000)
        #expect(!standing.targetMet)
        #expect(standing.leaderboard.map(\.rewarded) == [false])
    }

    // MARK: - Figures

    @Test("figures and asOf follow the facts")
    func figuresFollowFacts() throws {
        let harness = try TotalsHarness()

        let scores = try harness.batch([
            try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00", waits: [20, 700]),
            try F.conversation("c-2", at: "2026-11-11T10:00:00+08:00", waits: [100], unanswered: 1),
            try F.conversation("c-3", at: "2026-11-11T11:00:00+08:00", waits: []),
            try F.alert("al-1", at: "2026-11-11T12:00:00+08:00"),
        ])

        let day = try #require(scores.byKey[agentDay])
        #expect(day.figures.conversations == 3)
        #expect(day.figures.firstResponses == 2)
        #expect(day.figures.firstResponseSecondsTotal == 120)
        #expect(day.figures.rounds == 3)
        #expect(day.figures.responseMedianSeconds == 100)
        #expect(day.figures.responseP90Seconds == 600, "waits are capped at 600 s")
        #expect(day.figures.repliesWithinLimit == 2)
        #expect(day.figures.slowReplies == 1)
        #expect(day.figures.unansweredRounds == 1)
        #expect(day.figures.alerts == 1)
        #expect(day.figures.alertsByCategory == ["complaint": 1])
        #expect(day.asOf == (try F.time("2026-11-11T12:00:00+08:00")))
        #expect(day.scorecard == Scorecard.builtIn.evaluate(day.figures))
    }

    // MARK: - Order

    @Test("output order is deterministic")
    func deterministicOrder() throws {
        let subjects = [
            ScoreSubject(kind: .shop, id: F.shop), ScoreSubject(kind: .agent, id: "A-hz-a02"),
            ScoreSubject(kind: .site, id: "hz"), F.agent, F.team,
        ]
        var facts: [ScoringFact] = []
        for (index, subject) in subjects.enumerated() {
            facts.append(try F.conversation("c-\(index)", for: subject, at: "2026-11-0\(index + 1)T09:00:00+08:00"))
        }

        let forward = try TotalsHarness().batch(facts)
        let backward = try TotalsHarness().batch(facts.reversed())

        #expect(forward == backward)
        let subjectOrder = forward.map(\.subject).reduce(into: [ScoreSubject]()) { order, subject in
            if order.last != subject { order.append(subject) }
        }
        #expect(subjectOrder.map(\.key) == ["agent/A-hz-a01", "agent/A-hz-a02", "team/T-hz-a", "site/hz",
                                            "shop/\(F.shop)"])
        for subject in subjectOrder {
            let kinds = forward.filter { $0.subject == subject }.map(\.period.kind)
            #expect(kinds == [.day, .week, .month, .campaign], "\(subject.key)")
        }
    }

    @Test("days of one subject in date order")
    func daysInDateOrder() throws {
        let harness = try TotalsHarness()

        let scores = try harness.batch([
            try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00"),
            try F.conversation("c-2", at: "2026-11-03T09:00:00+08:00"),
            try F.conversation("c-3", at: "2026-11-07T09:00:00+08:00"),
        ])

        let days = scores.filter { $0.period.kind == .day }.map(\.period.start)
        #expect(days == ["2026-11-03", "2026-11-07", "2026-11-11"])
        let weeks = scores.filter { $0.period.kind == .week }.map(\.period.start)
        #expect(weeks == ["2026-11-02", "2026-11-09"])
    }

    // MARK: - Invalid facts

    @Test("fact under another key rejected")
    func wrongKeyRejected() throws {
        let harness = try TotalsHarness()
        let fact = try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")

        let error = try #require(throws: RecordRejection.self) { try harness.process(fact, key: "agent/other") }

        #expect(error.reason == .invalidField)
        #expect(error.message.contains("agent/A-hz-a01"))
        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("revision below 1 rejected")
    func revisionZeroRejected() throws {
        let harness = try TotalsHarness()
        let fact = try F.conversation("c-1", revision: 0, at: "2026-11-11T09:00:00+08:00")

        let error = try #require(throws: RecordRejection.self) { try harness.process(fact) }

        #expect(error.reason == .invalidField)
        #expect(error.message.contains("revision 0"))
    }

    @Test("fact without its payload rejected")
    func missingPayloadRejected() throws {
        let harness = try TotalsHarness()
        var fact = try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")
        fact.conversation = nil

        let error = try #require(throws: RecordRejection.self) { try harness.process(fact) }

        #expect(error.reason == .invalidField)
        #expect(error.message.contains("conversation payload"))
    }

    @Test("payload of another kind rejected")
    func payloadOfAnotherKindRejected() throws {
        let harness = try TotalsHarness()
        var extra = try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")
        extra.alert = AlertFact(kind: .keyword, category: .complaint)
        var swapped = try F.alert("al-1", at: "2026-11-11T09:00:00+08:00")
        swapped.alert = nil
        swapped.order = OrderFact(orderId: "O-1", amount: 1, currency: "CNY", campaign: nil)

        for (fact, payload) in [(extra, "alert"), (swapped, "order")] {
            let error = try #require(throws: RecordRejection.self, "\(payload)") { try harness.process(fact) }
            #expect(error.reason == .invalidField)
            #expect(error.message.contains("\(payload) payload"), "\(error.message)")
        }
        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("conversation values out of range rejected")
    func conversationValuesRejected() throws {
        let cases: [(waits: [Int], unanswered: Int, expected: String)] = [
            ([20], Int.max - 1, "unansweredRounds"),
            ([20], 2, "unansweredRounds"),
            ([20], -1, "unansweredRounds"),
            ([-5], 0, "responseSeconds"),
            ([20, Int.max], 0, "responseSeconds"),
            (Array(repeating: 20, count: FactCheck.maximumRounds + 1), 0, "responseSeconds"),
        ]
        for (index, entry) in cases.enumerated() {
            let harness = try TotalsHarness()
            let fact = try F.conversation("c-\(index)", at: "2026-11-11T09:00:00+08:00", waits: entry.waits,
                                          unanswered: entry.unanswered)

            let error = try #require(throws: RecordRejection.self, "case \(index)") { try harness.process(fact) }

            #expect(error.reason == .invalidField, "case \(index)")
            #expect(error.message.contains(entry.expected), "case \(index): \(error.message)")
            #expect(try harness.finishBatch().isEmpty, "case \(index)")
        }
    }

    @Test("overflowing unanswered rounds cannot crash")
    func overflowingUnansweredRounds() throws {
        let harness = try TotalsHarness()
        let facts = try (1...2).map {
            try F.conversation("c-\($0)", at: "2026-11-11T09:00:00+08:00", unanswered: Int.max - 1)
        }

        for fact in facts {
            #expect(throws: RecordRejection.self) { try harness.process(fact) }
        }

        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("case and order values out of range rejected")
    func caseAndOrderValuesRejected() throws {
        let harness = try TotalsHarness()
        let caseFact = CaseFact(severity: nil, acknowledgeSeconds: -1, escalated: false, reachedRegulator: false,
                                cause: nil, responsibilities: [], rectification: nil, rectificationOnTime: false)
        let negativeWait = ScoringFact(subject: F.agent, factId: "case/k-1", revision: 1, kind: .case,
                                       time: try F.time("2026-11-11T09:00:00+08:00"),
                                       attribution: F.attribution(), caseFact: caseFact)
        var negativeAmount = try F.order("o-1", for: F.agent, at: "2026-11-11T09:00:00+08:00", amount: -5,
                                         agent: "A-hz-a01")
        var hugeAmount = negativeAmount
        hugeAmount.order?.amount = Decimal(string: "1e30") ?? 0
        var emptyOrderId = negativeAmount
        emptyOrderId.order?.amount = 5
        emptyOrderId.order?.orderId = ""
        var farFuture = try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")
        farFuture.time = Timestamp(epochMilliseconds: 4_200_000_000_000)
        negativeAmount.time = try F.time("2026-11-11T09:00:00+08:00")

        let cases: [(fact: ScoringFact, expected: String, reason: DeadLetterReason)] = [
            (negativeWait, "acknowledgeSeconds", .invalidField), (negativeAmount, "amount", .invalidField),
            (hugeAmount, "amount", .invalidField), (emptyOrderId, "orderId", .invalidField),
            (farFuture, "time", .invalidTime),
        ]
        for (fact, expected, reason) in cases {
            let error = try #require(throws: RecordRejection.self, "\(expected)") { try harness.process(fact) }
            #expect(error.reason == reason, "\(expected)")
            #expect(error.message.contains(expected), "\(expected): \(error.message)")
        }
        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("values at the limits accepted")
    func valuesAtLimitsAccepted() throws {
        let harness = try TotalsHarness()

        let scores = try harness.batch([
            try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00", waits: [0, FactCheck.maximumWaitSeconds],
                               unanswered: 1),
            try F.order("o-1", for: F.agent, at: "2026-11-11T09:00:00+08:00", amount: FactCheck.maximumAmount,
                        agent: "A-hz-a01"),
        ])

        let day = try #require(scores.byKey[agentDay])
        #expect(day.figures.rounds == 2)
        #expect(day.figures.unansweredRounds == 1)
        #expect(day.figures.sales == FactCheck.maximumAmount)
    }

    @Test("invalid JSON rejected")
    func invalidJSONRejected() throws {
        let harness = try TotalsHarness()

        let error = try #require(throws: RecordRejection.self) {
            try harness.process(value: Array("{not json".utf8), key: "agent/A-hz-a01")
        }

        #expect(error.reason == .invalidJSON)
    }

    // MARK: - Restart

    @Test("restart keeps stored facts")
    func restartKeepsFacts() throws {
        let harness = try TotalsHarness()
        try harness.batch([try F.conversation("c-1", at: "2026-11-11T09:00:00+08:00")])
        // A second processor on the same store starts with an empty cache, as after a restart.
        let restarted = ScoreTotalsProcessor(catalogue: harness.catalogue, scorecard: .builtIn)
        let record = try KafkaRecordFixture.record(try F.conversation("c-2", at: "2026-11-11T10:00:00+08:00"),
                                               topic: harness.catalogue.scoringFacts.name)

        try harness.store.database.transaction {
            try restarted.process(record, context: harness.context)
            try restarted.finishBatch(context: harness.context)
        }

        let scores = try harness.store.outbox.pending(limit: 100)
            .map { try EventCoding.decode(Score.self, from: $0.record.value) }
        #expect(scores.byKey[agentDay]?.figures.conversations == 2)
    }
}
