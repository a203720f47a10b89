import Foundation
import Testing
import VigilContracts
@testable import VigilScoring

@Suite("Score measures")
struct ScoreMeasuresTests {
    typealias Fixtures = ScoringFixtures

    static let scorecard = Fixtures.scorecard(items: [])

    /// Conversations whose waits cover both sides of the cap, the reply limit and several buckets.
    static let conversations = [
        Fixtures.conversation("c1", waits: [5, 700, 200], converting: "O-1"),
        Fixtures.conversation("c2", waits: [40], unanswered: 1),
        Fixtures.conversation("c3", waits: [], unanswered: 1),
        Fixtures.conversation("c4", waits: [10, 180, 181]),
    ]

    @Test("conversation and reply figures")
    func conversationFigures() {
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: Self.conversations, scorecard: Self.scorecard)
        #expect(figures.conversations == 4)
        #expect(figures.firstResponses == 3)
        #expect(figures.firstResponseSecondsTotal == 5 + 40 + 10)
        #expect(figures.firstResponseMedianSeconds == 10)
        #expect(figures.firstResponseP90Seconds == 40)
        #expect(figures.rounds == 7)
        // Capped waits sorted: 5, 10, 40, 180, 181, 200, 600.
        #expect(figures.responseMedianSeconds == 180)
        #expect(figures.responseP90Seconds == 600)
        #expect(figures.repliesWithinLimit == 4)
        #expect(figures.slowReplies == 3)
        #expect(figures.unansweredRounds == 2)
        #expect(figures.responseTimeBuckets == [2, 0, 1, 0, 1, 2, 1, 0])
        #expect(figures.convertedConversations == 1)
        #expect(figures.conversionRate == 0.25)
        #expect(figures.repliesWithinLimitShare == 4.0 / 7.0)
        #expect(figures.firstResponseSecondsMean == 55.0 / 3.0)
    }

    @Test("cap follows the scorecard")
    func capFromScorecard() {
        let scorecard = Fixtures.scorecard(items: [], responseCapSeconds: 650)
        let facts = [Fixtures.conversation("c1", waits: [700, 640]), Fixtures.conversation("c2", waits: [660])]
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: facts, scorecard: scorecard)
        #expect(figures.firstResponseSecondsTotal == 650 + 650)
        #expect(figures.responseMedianSeconds == 650)
        // 640 is under the cap of 650 but above the last bound, 600.
        #expect(figures.responseTimeBuckets == [0, 0, 0, 0, 0, 0, 0, 3])
        #expect(figures.slowReplies == 3)
    }

    @Test("bucket bounds are inclusive")
    func bucketBounds() {
        let waits = ScoreFigures.responseBucketBounds + ScoreFigures.responseBucketBounds.map { $0 + 1 }
        let scorecard = Fixtures.scorecard(items: [], responseCapSeconds: 10_000)
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: [Fixtures.conversation("c", waits: waits)],
                                            scorecard: scorecard)
        // Each bound lands in its own bucket and bound + 1 in the next one.
        #expect(figures.responseTimeBuckets == [1, 2, 2, 2, 2, 2, 2, 1])
    }

    @Test("alert figures")
    func alertFigures() {
        let facts = [
            Fixtures.alert("a1", kind: .keyword, category: .regulator),
            Fixtures.alert("a2", kind: .keyword, category: .regulator),
            Fixtures.alert("a3", kind: .keyword, category: .legal),
            Fixtures.alert("a4", kind: .replyTimeout, category: .replyTimeout),
            Fixtures.conversation("c1", waits: [5]),
            Fixtures.conversation("c2", waits: [5]),
        ]
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: facts, scorecard: Self.scorecard)
        #expect(figures.alerts == 3)
        #expect(figures.alertsByCategory == ["regulator": 2, "legal": 1])
        #expect(figures.replyTimeouts == 1)
        #expect(figures.alertsPer100Conversations == 150)
    }

    static func cases(subject: ScoreSubject) -> [ScoringFact] {
        [
            Fixtures.caseFact("k1", acknowledgeSeconds: 100, escalated: true, reachedRegulator: true,
                              cause: .slowResponse, responsibilities: [("A-1", .primary), ("S-1", .joint)],
                              rectification: .accepted, onTime: true, subject: subject),
            Fixtures.caseFact("k2", acknowledgeSeconds: 300, reachedRegulator: true, cause: .product,
                              responsibilities: [("A-2", .primary)], rectification: .overdue, subject: subject),
            Fixtures.caseFact("k3", acknowledgeSeconds: nil, escalated: true, subject: subject),
            Fixtures.caseFact("k4", acknowledgeSeconds: 5_000, reachedRegulator: false, cause: .unprofessional,
                              subject: subject),
        ]
    }

    @Test("case figures for an agent")
    func caseFiguresAgent() {
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: Self.cases(subject: Fixtures.agent),
                                            scorecard: Self.scorecard)
        #expect(figures.cases == 4)
        #expect(figures.acknowledgedCases == 3)
        // Acknowledgement waits are not capped: 100, 300, 5000.
        #expect(figures.acknowledgeMedianSeconds == 300)
        #expect(figures.escalations == 2)
        #expect(figures.regulatorHumanCauseCases == 1)
        #expect(figures.primaryResponsibilities == 1)
        #expect(figures.jointResponsibilities == 0)
        #expect(figures.rectificationsDue == 2)
        #expect(figures.rectificationsOnTime == 1)
        #expect(figures.rectificationOnTimeShare == 0.5)
    }

    @Test("case responsibilities for a group")
    func caseFiguresGroup() {
        let figures = ScoreMeasures.figures(of: Fixtures.team, facts: Self.cases(subject: Fixtures.team),
                                            scorecard: Self.scorecard)
        #expect(figures.primaryResponsibilities == 2)
        #expect(figures.jointResponsibilities == 1)
    }

    @Test("complaint figures")
    func complaintFigures() {
        let facts = [
            Fixtures.complaint("p1", channel: .platform),
            Fixtures.complaint("p2", channel: .hotline12315),
            Fixtures.complaint("p3", channel: .consumerAssociation),
        ]
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: facts, scorecard: Self.scorecard)
        #expect(figures.complaints == 3)
        #expect(figures.regulatorComplaints == 2)
    }

    @Test("order figures")
    func orderFigures() throws {
        let facts = [
            Fixtures.order("O-1", amount: try #require(Decimal(string: "100.10")), subject: Fixtures.agent),
            Fixtures.order("O-2", amount: try #require(Decimal(string: "200.25")), subject: Fixtures.agent),
        ]
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: facts, scorecard: Self.scorecard)
        #expect(figures.orders == 2)
        #expect(figures.sales == Decimal(string: "300.35"))
        #expect(figures.currency == "CNY")
    }

    @Test("out-of-range unanswered rounds count once")
    func unansweredRoundsClamped() {
        let facts = [
            Fixtures.conversation("c1", waits: [], unanswered: Int.max - 1),
            Fixtures.conversation("c2", waits: [], unanswered: Int.max - 1),
            Fixtures.conversation("c3", waits: [20], unanswered: -3),
        ]

        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: facts, scorecard: Self.scorecard)

        #expect(figures.unansweredRounds == 2)
        #expect(figures.conversations == 3)
    }

    @Test("latest revision counts and retractions drop facts")
    func revisionsAndRetractions() {
        let facts = [
            Fixtures.conversation("c1", waits: [300], revision: 1),
            Fixtures.conversation("c1", waits: [20], revision: 3),
            Fixtures.conversation("c1", waits: [900], revision: 2),
            Fixtures.conversation("c2", waits: [5], revision: 1),
            Fixtures.conversation("c2", waits: [], revision: 2, retracted: true),
        ]
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: facts, scorecard: Self.scorecard)
        #expect(figures.conversations == 1)
        #expect(figures.firstResponseSecondsTotal == 20)
    }

    @Test("no facts give empty figures")
    func noFacts() {
        let figures = ScoreMeasures.figures(of: Fixtures.agent, facts: [], scorecard: Self.scorecard)
        #expect(figures == ScoreFigures())
        #expect(figures.firstResponseMedianSeconds == nil)
        #expect(figures.conversionRate == nil)
    }

    @Test("every measure reads its own figure")
    func measureValues() {
        // Distinct values per field, so a measure that reads the wrong field fails.
        let figures = ScoreFigures(
            conversations: 40, firstResponses: 4, firstResponseSecondsTotal: 100, firstResponseMedianSeconds: 11,
            firstResponseP90Seconds: 12, rounds: 8, responseMedianSeconds: 13, responseP90Seconds: 14,
            repliesWithinLimit: 6, slowReplies: 2, unansweredRounds: 3, alerts: 5, replyTimeouts: 7, cases: 9,
            acknowledgedCases: 8, acknowledgeMedianSeconds: 15, escalations: 16, complaints: 17,
            regulatorComplaints: 18, regulatorHumanCauseCases: 19, primaryResponsibilities: 20,
            jointResponsibilities: 21, rectificationsDue: 4, rectificationsOnTime: 1, orders: 22,
            sales: Decimal(string: "123.5") ?? 0, convertedConversations: 10)
        let expected: [ScoreMeasure: Double] = [
            .conversations: 40, .firstResponseMedianSeconds: 11, .firstResponseP90Seconds: 12,
            .firstResponseSecondsMean: 25, .responseMedianSeconds: 13, .responseP90Seconds: 14,
            .repliesWithinLimitShare: 0.75, .slowReplies: 2, .unansweredRounds: 3, .alerts: 5,
            .alertsPer100Conversations: 12.5, .replyTimeouts: 7, .cases: 9, .acknowledgeMedianSeconds: 15,
            .escalations: 16, .complaints: 17, .regulatorComplaints: 18, .regulatorHumanCauseCases: 19,
            .primaryResponsibilities: 20, .jointResponsibilities: 21, .rectificationOnTimeShare: 0.25, .orders: 22,
            .sales: 123.5, .conversionRate: 0.25,
        ]
        #expect(Set(expected.keys) == Set(ScoreMeasure.allCases))
        for measure in ScoreMeasure.allCases {
            #expect(measure.value(in: figures) == expected[measure], "\(measure.rawValue)")
        }
    }

    @Test("measures without data have no value")
    func measuresWithoutData() {
        let empty = ScoreFigures()
        let withoutValue = ScoreMeasure.allCases.filter { $0.value(in: empty) == nil }
        #expect(Set(withoutValue) == [.firstResponseMedianSeconds, .firstResponseP90Seconds, .firstResponseSecondsMean,
                                      .responseMedianSeconds, .responseP90Seconds, .repliesWithinLimitShare,
                                      .alertsPer100Conversations, .acknowledgeMedianSeconds,
                                      .rectificationOnTimeShare, .conversionRate])
    }
}
