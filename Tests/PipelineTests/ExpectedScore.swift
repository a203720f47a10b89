import Foundation
import VigilContracts

/// The score one subject should have for one period, computed by the test.
struct ExpectedScore {
    var subjectKind: String
    var subjectId: String
    var period: ScoreCalendar.Period
    var figures: ScoreFigures
    /// For a team in a campaign window.
    var standing: CampaignStanding?
    var scorecard: ExpectedScorecardResult

    /// `<kind>/<id>/<period key>`, as the scores topic keys it.
    var key: String { "\(subjectKind)/\(subjectId)/\(period.key)" }
}
