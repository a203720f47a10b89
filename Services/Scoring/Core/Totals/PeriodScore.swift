import VigilContracts
import VigilScoring

/// Computes the score of one subject in one period from the facts that count there.
enum PeriodScore {
    /// Returns the figures, the scorecard result and, for a team in a campaign
    /// window, the campaign standing. `facts` are the subject's counting facts
    /// whose time is in `bounds`. `asOf` is the latest fact time, or the
    /// period's start when no fact counts, written in the scorecard's zone.
    static func score(of subject: ScoreSubject, in period: ScorePeriod, bounds: Range<Int64>,
                      facts: [ScoringFact], scorecard: Scorecard) -> Score {
        let figures = ScoreMeasures.figures(of: subject, facts: facts, scorecard: scorecard)

        var standing: CampaignStanding?
        if subject.kind == .team, period.kind == .campaign,
           let id = period.campaign, let campaign = scorecard.campaign(id: id) {
            standing = CampaignStandings.standing(team: subject.id, campaign: campaign, facts: facts,
                                                  scorecard: scorecard)
        }

        let latest = facts.map(\.time.epochMilliseconds).max() ?? bounds.lowerBound
        return Score(subject: subject, period: period, figures: figures, scorecard: scorecard.evaluate(figures),
                     campaign: standing,
                     asOf: Timestamp(epochMilliseconds: latest, utcOffsetSeconds: scorecard.zoneOffsetSeconds))
    }
}
