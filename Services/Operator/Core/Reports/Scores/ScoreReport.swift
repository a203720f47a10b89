import VigilContracts
import VigilScoring

/// The score report of one period for one kind of subject: a row per
/// subject, the vendor and team comparison, the daily trend and the
/// distribution of response times, from the scores topic alone.
struct ScoreReport: Sendable {
    var scope: ScoreReportScope
    /// The kind of subject the rows are about (`--by`).
    var kind: ScoreSubjectKind
    /// Every subject of the kind with a score for the period, best total first.
    var rows: [ScoreReportRow]
    /// The vendors' scores for the period, for the comparison chart.
    var vendors: [ScoreReportRow]
    /// The teams' scores for the period, for the comparison chart.
    var teams: [ScoreReportRow]
    var trend: ScoreTrend
    /// The rows' replied rounds by capped wait, summed, bucketed as
    /// `ScoreFigures.responseTimeBuckets` is.
    var responseTimeBuckets: [Int]
    /// Records on the scores topic that are not version 2 scores.
    var undecodable: Int
    /// When the period has no rows, or rows without conversations: the latest
    /// period of the same length whose scores for the kind count conversations
    /// (or, when none does, have any score), which the report suggests.
    var latestPeriodWithScores: ScorePeriod?
    /// True when ``latestPeriodWithScores`` has conversations, false when it only has scores.
    var latestPeriodHasConversations = false
    /// The latest fact time among the rows' scores (`Score.asOf`): the time of
    /// the newest conversation, alert, case, complaint or order they count.
    var asOf: Timestamp?
    /// The roster names of the subjects and of the agents on leaderboards.
    var names: ScoreSubjectNames
    /// The scorecard that names the items and campaigns; its version may
    /// differ from the one the scores were computed with.
    var scorecard: Scorecard

    init(snapshot: ScoreTopicSnapshot, scope: ScoreReportScope, kind: ScoreSubjectKind, names: ScoreSubjectNames,
         scorecard: Scorecard) {
        let key = scope.period.key
        func rows(of kind: ScoreSubjectKind) -> [ScoreReportRow] {
            ScoreReportRow.ranked(snapshot.scores.filter { $0.subject.kind == kind && $0.period.key == key }.map {
                ScoreReportRow(subject: $0.subject, name: names.name(of: $0.subject), score: $0)
            })
        }

        self.scope = scope
        self.kind = kind
        self.names = names
        self.scorecard = scorecard
        self.rows = rows(of: kind)
        vendors = rows(of: .vendor)
        teams = rows(of: .team)
        trend = ScoreTrend(days: scope.days, rows: self.rows, scores: snapshot.scores)
        responseTimeBuckets = Self.sum(self.rows.map(\.figures.responseTimeBuckets))
        undecodable = snapshot.undecodable
        asOf = self.rows.map(\.score.asOf).max()
        let quiet = self.rows.allSatisfy { $0.figures.conversations == 0 }
        if quiet, let latest = Self.latestPeriod(of: kind, like: scope.period.kind, in: snapshot.scores) {
            latestPeriodWithScores = latest.period
            latestPeriodHasConversations = latest.hasConversations
        }
    }

    /// Returns the latest period of kind `period` with conversations in a
    /// score of subjects of `kind`, or, when no such score counts any, the
    /// latest period with a score at all. A day with only a complaint has a
    /// score but would show an empty-looking report, so it is not preferred.
    static func latestPeriod(of kind: ScoreSubjectKind, like period: ScorePeriodKind,
                             in scores: [Score]) -> (period: ScorePeriod, hasConversations: Bool)? {
        let sameLength = scores.filter { $0.subject.kind == kind && $0.period.kind == period }
        let busy = sameLength.filter { $0.figures.conversations > 0 }
        let latest = (busy.isEmpty ? sameLength : busy)
            .max { ($0.period.start, $0.period.key) < ($1.period.start, $1.period.key) }?.period
        return latest.map { (period: $0, hasConversations: !busy.isEmpty) }
    }

    /// Adds bucket counts position by position, stopping at Int.max instead of
    /// overflowing. A score from a build with other bounds may have another
    /// count; the result is as long as the longest.
    static func sum(_ buckets: [[Int]]) -> [Int] {
        var total = Array(repeating: 0, count: ScoreFigures.responseBucketBounds.count + 1)
        for counts in buckets {
            for (index, count) in counts.enumerated() {
                if index < total.count {
                    total[index] = ScoreNumbers.sum(total[index], count)
                } else {
                    total.append(count)
                }
            }
        }
        return total
    }

    /// The team standings of a campaign report by team, in row order.
    var standings: [(row: ScoreReportRow, standing: CampaignStanding)] {
        guard kind == .team, scope.period.kind == .campaign else { return [] }
        return rows.compactMap { row in row.score.campaign.map { (row, $0) } }
    }
}
