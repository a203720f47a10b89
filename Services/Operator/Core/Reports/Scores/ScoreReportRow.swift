import VigilContracts

/// One subject's line of a score report: who it is and its current score for the period.
struct ScoreReportRow: Sendable, Equatable {
    var subject: ScoreSubject
    /// The person's name from the roster (the supervisor for a team, the manager for a site).
    var name: String?
    var score: Score

    var figures: ScoreFigures { score.figures }
    var total: Double? { score.scorecard?.total }

    /// Orders rows best first: highest total, rows without a total last, then by subject id.
    static func ranked(_ rows: [ScoreReportRow]) -> [ScoreReportRow] {
        rows.sorted { left, right in
            switch (left.total, right.total) {
            case let (l?, r?) where l != r: l > r
            case (.some, nil): true
            case (nil, .some): false
            default: left.subject.id < right.subject.id
            }
        }
    }
}
