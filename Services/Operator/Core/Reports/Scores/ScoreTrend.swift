import VigilContracts

/// The daily trend of a score report, from the day scores of its subjects.
struct ScoreTrend: Sendable, Equatable {
    /// How many subjects the chart draws as lines before it gets unreadable.
    static let maximumSeries = 8

    /// One subject's scorecard total per day of the trend, nil on days without a score or a total.
    struct Series: Sendable, Equatable {
        var subject: ScoreSubject
        var name: String?
        var totals: [Double?]
    }

    /// The days of the period in order, "2026-11-11".
    var days: [String]
    /// The subjects with the most conversations in the period, at most ``maximumSeries``, ranked by conversations.
    var series: [Series]
    /// How many subjects the report has, so a chart can note when it draws only some.
    var subjectCount: Int
    /// Conversations per day, summed over all the report's subjects.
    var conversations: [Int]

    /// Builds the trend of `rows` from the day scores among `scores`.
    init(days: [String], rows: [ScoreReportRow], scores: [Score]) {
        let subjects = Set(rows.map(\.subject))
        var daily: [ScoreSubject: [String: Score]] = [:]
        for score in scores where score.period.kind == .day && subjects.contains(score.subject) {
            daily[score.subject, default: [:]][score.period.start] = score
        }
        self.days = days
        subjectCount = rows.count
        conversations = days.map { day in
            rows.reduce(0) { ScoreNumbers.sum($0, daily[$1.subject]?[day]?.figures.conversations ?? 0) }
        }
        let busiest = rows.sorted {
            ($0.figures.conversations, $1.subject.id) > ($1.figures.conversations, $0.subject.id)
        }.prefix(Self.maximumSeries)
        series = busiest.map { row in
            Series(subject: row.subject, name: row.name,
                   totals: days.map { daily[row.subject]?[$0]?.scorecard?.total })
        }
    }
}
