import Testing
import VigilContracts
@testable import VigilScoring

@Suite("Scorecard evaluation")
struct ScorecardEvaluationTests {
    typealias Fixtures = ScoringFixtures

    /// Lower is better: 30 s earns all 20 points, 180 s none.
    static let firstResponse = ScorecardItem(id: "first-response", name: Fixtures.name("1"),
                                             measure: .firstResponseMedianSeconds, weight: 20, full: 30, zero: 180)
    /// Higher is better: 30 % earns all 10 points, 0 % none.
    static let conversion = ScorecardItem(id: "conversion", name: Fixtures.name("2"), measure: .conversionRate,
                                          weight: 10, full: 0.3, zero: 0)
    static let rectification = ScorecardItem(id: "rectification", name: Fixtures.name("3"),
                                             measure: .rectificationOnTimeShare, weight: 30, full: 1, zero: 0.5)
    static let regulator = CriticalItem(id: "regulator", name: Fixtures.name("4"),
                                        measure: .regulatorHumanCauseCases, maximum: 0)
    static let complaints = CriticalItem(id: "complaints", name: Fixtures.name("5"),
                                         measure: .regulatorComplaints, maximum: 1)

    static let scorecard = Fixtures.scorecard(items: [firstResponse, conversion, rectification],
                                              critical: [regulator, complaints])

    static func figures(firstResponse: Double?, converted: Int = 0, conversations: Int = 10,
                        rectificationsDue: Int = 0, onTime: Int = 0, humanCause: Int = 0,
                        regulatorComplaints: Int = 0) -> ScoreFigures {
        ScoreFigures(conversations: conversations, firstResponseMedianSeconds: firstResponse,
                     regulatorComplaints: regulatorComplaints, regulatorHumanCauseCases: humanCause,
                     rectificationsDue: rectificationsDue, rectificationsOnTime: onTime,
                     convertedConversations: converted)
    }

    static func item(_ result: ScorecardResult, _ id: String) throws -> ScoreItemResult {
        try #require(result.items.first { $0.id == id })
    }

    @Test("lower-is-better item scores between zero and full")
    func lowerIsBetter() throws {
        let card = Fixtures.scorecard(items: [Self.firstResponse])
        // 60 s is 120/150 of the way from 180 to 30: 16 points.
        let result = card.evaluate(Self.figures(firstResponse: 60))
        #expect(try Self.item(result, "first-response").points == 16)
        #expect(result.total == 80)
    }

    @Test("higher-is-better item scores between zero and full")
    func higherIsBetter() throws {
        let card = Fixtures.scorecard(items: [Self.conversion])
        // 1 of 10 converted: 0.1 of 0.3, a third of 10 points.
        let result = card.evaluate(Self.figures(firstResponse: nil, converted: 1))
        #expect(try Self.item(result, "conversion").points == 3.33)
        #expect(result.total == 33.33)
    }

    @Test("values beyond full or zero are clamped")
    func clamping() throws {
        let card = Fixtures.scorecard(items: [Self.firstResponse, Self.conversion])
        let best = card.evaluate(Self.figures(firstResponse: 5, converted: 9))
        #expect(try Self.item(best, "first-response").points == 20)
        #expect(try Self.item(best, "conversion").points == 10)
        #expect(best.total == 100)

        let worst = card.evaluate(Self.figures(firstResponse: 600, converted: 0))
        #expect(try Self.item(worst, "first-response").points == 0)
        #expect(try Self.item(worst, "conversion").points == 0)
        #expect(worst.total == 0)
    }

    @Test("items without a value leave the denominator")
    func notApplicableRenormalised() throws {
        // No rectification is due, so only 20 + 10 weight applies: (20 + 5) / 30.
        let result = Self.scorecard.evaluate(Self.figures(firstResponse: 30, converted: 3, conversations: 20))
        let rectification = try Self.item(result, "rectification")
        #expect(rectification.value == nil)
        #expect(rectification.points == nil)
        #expect(rectification.contribution == nil)
        #expect(try Self.item(result, "conversion").points == 5)
        #expect(result.total == 83.33)
        let firstResponse = try #require(try Self.item(result, "first-response").contribution)
        let conversion = try #require(try Self.item(result, "conversion").contribution)
        #expect(abs(firstResponse - 100 * 20.0 / 30) <= 0.01)
        #expect(abs(conversion - 100 * 5.0 / 30) <= 0.01)
        #expect(abs(firstResponse + conversion - 83.33) < 0.000_001)
    }

    @Test("nothing applicable gives no total")
    func nothingApplicable() {
        let result = Self.scorecard.evaluate(Self.figures(firstResponse: nil, conversations: 0))
        #expect(result.total == nil)
        #expect(result.items.allSatisfy { $0.contribution == nil })
        #expect(result.zeroedBy.isEmpty)
    }

    @Test("contributions add up to the total")
    func contributionsSum() {
        // Three shares of 22.222… round to 22.22 each, 66.66 together, but the total is 66.67.
        let card = Fixtures.scorecard(items: [
            ScorecardItem(id: "a", name: Fixtures.name("a"), measure: .conversionRate, weight: 1, full: 0.3, zero: 0),
            ScorecardItem(id: "b", name: Fixtures.name("b"), measure: .conversionRate, weight: 1, full: 0.3, zero: 0),
            ScorecardItem(id: "c", name: Fixtures.name("c"), measure: .conversionRate, weight: 1, full: 0.3, zero: 0),
        ])
        for converted in 0...4 {
            let result = card.evaluate(Self.figures(firstResponse: nil, converted: converted, conversations: 10))
            let sum = result.items.compactMap(\.contribution).reduce(0, +)
            let total = result.total ?? -1
            #expect(abs(sum - total) < 0.000_001, "converted \(converted): \(sum) vs \(total)")
        }
        let twoThirds = card.evaluate(Self.figures(firstResponse: nil, converted: 2, conversations: 10))
        #expect(twoThirds.total == 66.67)
        #expect(twoThirds.items.compactMap(\.contribution).allSatisfy { abs($0 - 200.0 / 9) <= 0.01 })
    }

    @Test("total is 100 × points over weights, rounded")
    func totalFormula() throws {
        let figures = Self.figures(firstResponse: 47, converted: 2, conversations: 7, rectificationsDue: 3, onTime: 2)
        let result = Self.scorecard.evaluate(figures)
        let points = [
            20 * (180.0 - 47) / 150,
            10 * (2.0 / 7) / 0.3,
            30 * ((2.0 / 3) - 0.5) / 0.5,
        ]
        let expected = (100 * points.reduce(0, +) / 60 * 100).rounded() / 100
        #expect(result.total == expected)
        for (item, value) in zip(result.items, points) {
            #expect(item.points == (value * 100).rounded() / 100, "\(item.id)")
        }
        #expect(result.version == "test-1")
    }

    @Test("critical failure zeroes the total")
    func criticalZeroes() throws {
        let result = Self.scorecard.evaluate(Self.figures(firstResponse: 30, converted: 3, humanCause: 1))
        #expect(result.total == 0)
        #expect(result.zeroedBy == ["regulator"])
        #expect(result.items.compactMap(\.contribution).allSatisfy { $0 == 0 })
        #expect(try Self.item(result, "first-response").points == 20, "points still show what the items earned")
        let critical = try #require(result.critical.first)
        #expect(critical.failed)
        #expect(critical.value == 1)
        #expect(critical.maximum == 0)
    }

    @Test("critical maximum is inclusive")
    func criticalAtMaximum() {
        let atMaximum = Self.scorecard.evaluate(Self.figures(firstResponse: 30, regulatorComplaints: 1))
        #expect(atMaximum.zeroedBy.isEmpty)
        #expect(atMaximum.total == 66.67)

        let above = Self.scorecard.evaluate(Self.figures(firstResponse: 30, humanCause: 2, regulatorComplaints: 2))
        #expect(above.zeroedBy == ["regulator", "complaints"])
        #expect(above.critical.map(\.failed) == [true, true])
    }

    @Test("critical failure zeroes even without applicable items")
    func criticalWithoutItems() {
        let result = Self.scorecard.evaluate(Self.figures(firstResponse: nil, conversations: 0, humanCause: 1))
        #expect(result.total == 0)
        #expect(result.zeroedBy == ["regulator"])
    }

    @Test("documented example with the built-in scorecard")
    func documentedExample() throws {
        // The worked example in docs/SCORING.md.
        let figures = ScoreFigures(conversations: 50, firstResponseMedianSeconds: 45, rounds: 100,
                                   responseP90Seconds: 240, repliesWithinLimit: 93, alerts: 2,
                                   convertedConversations: 10)
        let result = Scorecard.builtIn.evaluate(figures)
        let expected: [(id: String, points: Double?, contribution: Double?)] = [
            ("first-response", 18, 22.5), ("response-p90", 6.67, 8.33), ("replies-within-limit", 14.44, 18.06),
            ("alerts-per-100", 16, 20), ("conversion", 5, 6.25), ("rectification-on-time", nil, nil),
        ]
        #expect(result.items.map(\.id) == expected.map(\.id))
        for (item, want) in zip(result.items, expected) {
            #expect(item.points == want.points, "\(item.id)")
            #expect(item.contribution == want.contribution, "\(item.id)")
        }
        #expect(result.total == 75.14)
        #expect(result.zeroedBy.isEmpty)
    }
}
