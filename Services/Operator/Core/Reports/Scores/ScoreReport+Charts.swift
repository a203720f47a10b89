import VigilContracts
import VigilHTML
import VigilScoring

extension ScoreReport {
    /// The measures each comparison chart shows side by side, with the value a full bar stands for.
    private static let comparedMeasures: [(measure: ScoreMeasure, scale: Double?)] = [
        (.conversations, nil), (.firstResponseMedianSeconds, nil), (.repliesWithinLimitShare, 1),
        (.alertsPer100Conversations, nil), (.conversionRate, 1), (.sales, nil),
    ]

    /// Draws the charts of the HTML report: vendor and team comparison, daily trend, response times.
    func figures(in language: Language) -> [HTMLFigure] {
        let text = ReportText(language: language, utcOffsetSeconds: scope.utcOffsetSeconds)
        return [comparison(vendors, id: "chart-vendors", title: text.pick("外包商对比", "Vendors compared"), text),
                comparison(teams, id: "chart-teams", title: text.pick("班组对比", "Teams compared"), text),
                trendFigure(text), responseTimeFigure(text)]
    }

    // MARK: - Comparison

    private func comparison(_ rows: [ScoreReportRow], id: String, title: String, _ text: ReportText) -> HTMLFigure {
        guard !rows.isEmpty else {
            return HTMLFigure(id: id, title: title, charts: [],
                              caption: text.pick("本期没有评分。", "No scores for this period."))
        }
        var panels = [SVGBarPanel(
            title: text.pick("总分", "Score"),
            bars: rows.map { .init(label: $0.subject.id, value: $0.total, text: ScoreNumbers.points($0.total)) },
            color: ChartColors.series(0), scaleMaximum: 100).render(id: "\(id)-score")]
        for (index, compared) in Self.comparedMeasures.enumerated() {
            let measure = compared.measure
            let bars = rows.map { row in
                let value = measure.value(in: row.figures)
                return SVGBarPanel.Bar(label: row.subject.id, value: value, text: measure.format(value))
            }
            let label = measure.reportLabel.text(in: text.language)
            panels.append(SVGBarPanel(title: label.prefix(1).uppercased() + label.dropFirst(), bars: bars,
                                      color: ChartColors.series(index + 1), scaleMaximum: compared.scale)
                .render(id: "\(id)-\(measure.rawValue)"))
        }
        return HTMLFigure(id: id, title: title, charts: panels,
                          caption: text.pick("首次响应中位数和每百会话预警的条越短越好；总分、限时内回复占比、转化率和销售额的条越长越好。",
                                             "Shorter bars are better for the first response median and alerts per 100 "
                                                 + "conversations; longer bars are better for the score, replies within the limit, "
                                                 + "conversion and sales."))
    }

    // MARK: - Trend

    /// Draws the daily score lines and conversations per day. A period of one
    /// day has no trend, because one point per line and a single column repeat
    /// the score table. Its figure has a caption and no chart.
    private func trendFigure(_ text: ReportText) -> HTMLFigure {
        let title = text.pick("每日趋势", "Daily trend")
        guard trend.days.count > 1 else {
            return HTMLFigure(id: "chart-trend", title: title, charts: [],
                              caption: text.pick("本期只有一天，没有每日趋势；当天的总分和会话数见下方“评分”一节。",
                                                 "This period is a single day, so there is no daily trend; "
                                                     + "the day's scores and conversations are in the score table below."))
        }
        let labels = trend.days.map { String($0.dropFirst(5)) }
        let scores = SVGLineChart(
            title: text.pick("每日总分（\(text.kindName(kind))）", "Daily score (\(text.kindName(kind)))"),
            xLabels: labels,
            series: trend.series.map { .init(label: $0.subject.id, values: $0.totals) },
            maximum: 100, format: { ScoreNumbers.compact($0) })
        let conversations = SVGColumnChart(
            title: text.pick("每日会话数", "Conversations per day"),
            columns: zip(labels, trend.conversations).map { .init(label: $0, value: Double($1), text: String($1)) },
            color: ChartColors.series(0))
        var caption = text.pick("按各\(text.kindName(kind))的日评分计算。", "From the day scores of each \(text.kindName(kind)).")
        if trend.subjectCount > trend.series.count {
            caption += text.pick("折线图只画会话最多的 \(trend.series.count) 个（共 \(trend.subjectCount) 个）。",
                                 " The line chart shows the \(trend.series.count) with the most conversations, of \(trend.subjectCount).")
        }
        return HTMLFigure(id: "chart-trend", title: title,
                          charts: [scores.render(id: "chart-trend-score"), conversations.render(id: "chart-trend-conversations")],
                          caption: caption)
    }

    // MARK: - Response times

    /// Draws replied rounds per response time bucket. The bucket above the
    /// last bound only fills when the scorecard's cap is above that bound, so
    /// it is drawn only when it has rounds.
    private func responseTimeFigure(_ text: ReportText) -> HTMLFigure {
        let bounds = ScoreFigures.responseBucketBounds
        let answered = responseTimeBuckets.reduce(0, ScoreNumbers.sum)
        let cap = scorecard.responseCapSeconds
        let drawn = responseTimeBuckets.enumerated().filter { index, count in index < bounds.count || count > 0 }
        let columns = drawn.map { index, count in
            let label: String
            if index == 0 {
                label = text.pick("≤\(bounds[0]) 秒", "≤\(bounds[0]) s")
            } else if index < bounds.count {
                label = text.pick("\(bounds[index - 1] + 1)–\(bounds[index]) 秒", "\(bounds[index - 1] + 1)–\(bounds[index]) s")
            } else {
                label = text.pick(">\(bounds[bounds.count - 1]) 秒", ">\(bounds[bounds.count - 1]) s")
            }
            let share = answered > 0 ? Double(count) / Double(answered) : nil
            return SVGColumnChart.Column(label: label, value: Double(count), text: String(count),
                                         note: ReportText.percent(share))
        }
        let chart = SVGColumnChart(title: text.pick("回复用时分布（已回复轮次）", "Response times (answered rounds)"),
                                   columns: columns, color: ChartColors.series(2))
        return HTMLFigure(id: "chart-response-times", title: text.pick("回复用时分布", "Response time distribution"),
                          charts: [chart.render(id: "chart-response-times-columns")],
                          caption: text.pick("共 \(answered) 轮已回复；用时超过封顶值（评分卡 \(scorecard.version) 为 \(cap) 秒）的按封顶值计。",
                                             "\(answered) answered rounds; waits above the cap (\(cap) s in scorecard "
                                                 + "\(scorecard.version)) count at the cap."))
    }

    /// Renders the report as one HTML page with its charts.
    func html(in language: Language) -> String {
        HTMLReportRenderer.render(document(in: language), language: language, figures: figures(in: language))
    }
}
