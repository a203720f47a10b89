import VigilContracts
import VigilHTML

/// The trend charts (`GET /trends?kind=…`): each subject's daily scorecard
/// total and the conversations per day, as inline SVG.
enum TrendsPage {
    /// The number of lines the score chart draws before it gets unreadable.
    static let maximumSeries = 8

    static func content(kind: ScoreSubjectKind, rows: [ConsoleScoreRow], days: Int, text: ConsoleText) -> String {
        var parts = ["<h1>\(ConsoleSection.trends.title(text))</h1>", tabs(kind: kind, text: text)]
        let dates = Set(rows.map(\.score.period.start)).sorted()
        guard !dates.isEmpty else {
            parts.append("<p class=\"empty\">\(text.pick("最近 \(days) 天没有日评分。", "No day scores in the last \(days) days."))</p>")
            return parts.joined(separator: "\n")
        }

        var bySubject: [ScoreSubject: [String: ConsoleScoreRow]] = [:]
        var names: [ScoreSubject: String] = [:]
        for row in rows {
            bySubject[row.score.subject, default: [:]][row.score.period.start] = row
            names[row.score.subject] = row.name
        }
        let busiest = bySubject.keys.sorted { left, right in
            let leftTotal = conversations(bySubject[left])
            let rightTotal = conversations(bySubject[right])
            return (leftTotal, right.id) > (rightTotal, left.id)
        }.prefix(maximumSeries)

        let labels = dates.map { String($0.dropFirst(5)) }
        let series = busiest.map { subject in
            SVGLineChart.Series(label: text.plain(names[subject] ?? subject.id),
                                values: dates.map { bySubject[subject]?[$0]?.score.scorecard?.total })
        }
        let kindName = ScoreText.kindName(kind, text)
        let scores = SVGLineChart(title: text.pick("每日评分卡总分（\(kindName)）", "Daily scorecard total (\(kindName))"),
                                  xLabels: labels, series: series, maximum: 100, format: { ScoreText.compact($0) })
        let perDay = dates.map { date in
            bySubject.values.reduce(0) { $0 + ($1[date]?.score.figures.conversations ?? 0) }
        }
        let volume = SVGColumnChart(title: text.pick("每日会话数", "Conversations per day"),
                                    columns: zip(labels, perDay).map { .init(label: $0, value: Double($1), text: String($1)) },
                                    color: ChartColors.series(0))

        parts.append("<figure class=\"chart\" id=\"trend-scores\">\(scores.render(id: "chart-trend-scores"))</figure>")
        parts.append("<figure class=\"chart\" id=\"trend-conversations\">\(volume.render(id: "chart-trend-conversations"))</figure>")
        var caption = text.pick("最近 \(days) 天中有评分的日子。", "The days with scores among the last \(days) days.")
        if bySubject.count > busiest.count {
            caption += text.pick("折线图只画会话最多的 \(busiest.count) 个（共 \(bySubject.count) 个）。",
                                 " The line chart shows the \(busiest.count) with the most conversations, of \(bySubject.count).")
        }
        parts.append("<p class=\"hint\">\(text.html(caption))</p>")
        return parts.joined(separator: "\n")
    }

    private static func conversations(_ days: [String: ConsoleScoreRow]?) -> Int {
        days?.values.reduce(0) { $0 + $1.score.figures.conversations } ?? 0
    }

    private static func tabs(kind: ScoreSubjectKind, text: ConsoleText) -> String {
        let links = ScoreText.kinds.map { option in
            let current = option == kind ? " aria-current=\"page\"" : ""
            return "<a href=\"/trends?kind=\(option.rawValue)\"\(current)>\(text.attribute(ScoreText.kindName(option, text)))</a>"
        }
        return "<nav class=\"tabs\">\(links.joined())</nav>"
    }
}
