import Testing
import VigilContracts

@Suite("ScoreFigures")
struct ScoreFiguresTests {
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
        #expect(score.eventId.hasPrefix("score/agent/A-sh-a01/day/2026-11-11/"))
        let campaign = ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: "2026-double11")
        let team = Score(subject: ScoreSubject(kind: .team, id: "T-hz-a"), period: campaign,
                         figures: ScoreFigures(), asOf: Timestamp(epochMilliseconds: 0))
        #expect(team.recordKey == "team/T-hz-a/campaign/2026-double11")
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
