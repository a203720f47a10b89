import VigilContracts

/// A score as read from the scores topic, without its event id and `asOf`,
/// so that two runs of the same inputs compare equal.
struct PublishedScore: Equatable {
    var subject: ScoreSubject
    var period: ScorePeriod
    var figures: ScoreFigures
    var scorecard: ScorecardResult?
    var campaign: CampaignStanding?

    init(_ score: Score) {
        subject = score.subject
        period = score.period
        figures = score.figures
        scorecard = score.scorecard
        campaign = score.campaign
    }
}
