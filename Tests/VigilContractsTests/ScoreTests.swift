import Testing
import VigilContracts

@Suite("ScoreFigures")
struct ScoreFiguresTests {
    @Test("addition sums every field")
    func additionSumsFields() {
        let monday = ScoreFigures(conversations: 10, firstResponses: 8, firstResponseSecondsTotal: 240,
                                  alerts: 2, cases: 1, complaints: 0)
        let tuesday = ScoreFigures(conversations: 5, firstResponses: 4, firstResponseSecondsTotal: 100,
                                   alerts: 1, cases: 0, complaints: 3)
        let total = monday + tuesday
        #expect(total.conversations == 15)
        #expect(total.firstResponses == 12)
        #expect(total.firstResponseSecondsTotal == 340)
        #expect(total.alerts == 3)
        #expect(total.cases == 1)
        #expect(total.complaints == 3)
    }

    @Test("zero figures are identity")
    func zeroIsIdentity() {
        let figures = ScoreFigures(conversations: 3, firstResponses: 2, firstResponseSecondsTotal: 50,
                                   alerts: 1, cases: 1, complaints: 1)
        #expect(figures + ScoreFigures() == figures)
        #expect(ScoreFigures() + figures == figures)
    }

    @Test("mean divides total by responses")
    func meanResponseTime() {
        let figures = ScoreFigures(firstResponses: 4, firstResponseSecondsTotal: 90)
        #expect(figures.firstResponseSecondsMean == 22.5)
    }

    @Test("mean nil without responses")
    func meanWithoutResponses() {
        let figures = ScoreFigures(conversations: 2, firstResponses: 0, firstResponseSecondsTotal: 0)
        #expect(figures.firstResponseSecondsMean == nil)
    }
}

@Suite("Score")
struct ScoreTests {
    @Test("record key names subject and period")
    func recordKey() {
        let score = SampleEvents.score()
        #expect(score.recordKey == "agent/A-sh-a01/day/2026-11-11")
        // The suffix is FNV-1a 64 of the six figures in declaration order, joined by 0x1F.
        #expect(score.eventId == "score/agent/A-sh-a01/day/2026-11-11/9fdc25564d6350f0")
    }

    @Test("event id follows figures")
    func eventIdFollowsFigures() {
        let subject = ScoreSubject(kind: .agent, id: "A-sh-a01")
        let period = ScorePeriod(kind: .day, start: "2026-11-11")
        let asOf = Timestamp(epochMilliseconds: 0)
        let first = Score(subject: subject, period: period, figures: ScoreFigures(conversations: 1), asOf: asOf)
        let same = Score(subject: subject, period: period, figures: ScoreFigures(conversations: 1), asOf: asOf)
        let changed = Score(subject: subject, period: period, figures: ScoreFigures(conversations: 2), asOf: asOf)
        #expect(first.eventId == same.eventId)
        #expect(first.eventId != changed.eventId)
        #expect(first.recordKey == changed.recordKey)
    }
}
