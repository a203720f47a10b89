import VigilContracts
import VigilScoring

extension ScoreReport {
    /// Writes the report as one CSV table (RFC 4180, UTF-8): a header row,
    /// then one row per subject with every figure, the scorecard total and
    /// each item's value, points, weight and contribution.
    ///
    /// Numbers have no thousands separators. Shares and rates are fractions
    /// from 0 to 1. An empty field is a value the period does not have.
    func csv(in language: Language) -> String {
        let text = ReportText(language: language, utcOffsetSeconds: scope.utcOffsetSeconds)
        let itemIds = Self.ordered(rows.flatMap { $0.score.scorecard?.items.map(\.id) ?? [] })
        let criticalIds = Self.ordered(rows.flatMap { $0.score.scorecard?.critical.map(\.id) ?? [] })
        let categories = Self.categories(rows.flatMap { $0.figures.alertsByCategory.keys })
        let hasStandings = !standings.isEmpty
        let columns = Self.figureColumns(text)

        var headers = [text.kindName(kind), text.pick("名称", "name"), text.pick("周期", "period"),
                       text.pick("数据截至", "inputs up to"), text.pick("评分卡版本", "scorecard version"),
                       text.pick("总分", "score"), text.pick("清零的一票否决项", "zeroed by")]
        headers += columns.map(\.header)
        headers += categories.map { category in
            let name = RiskCategory(rawValue: category)?.label.text(in: language) ?? category
            return text.pick("预警：\(name)", "alerts: \(name)")
        }
        for id in itemIds {
            headers += text.pick(["\(id) 指标值", "\(id) 得分", "\(id) 权重", "\(id) 贡献"],
                                 ["\(id) value", "\(id) points", "\(id) weight", "\(id) contribution"])
        }
        for id in criticalIds {
            headers += text.pick(["\(id) 指标值", "\(id) 未通过"], ["\(id) value", "\(id) failed"])
        }
        if hasStandings {
            headers += text.pick(["班组销售额", "销售目标", "达成目标"], ["team sales", "sales target", "target met"])
        }

        var lines = [CSVReportRenderer.line(headers)]
        for row in rows {
            let result = row.score.scorecard
            let asOf = Timestamp(epochMilliseconds: row.score.asOf.epochMilliseconds, utcOffsetSeconds: scope.utcOffsetSeconds)
            var cells = [row.subject.id, row.name ?? "", row.score.period.key, asOf.iso8601,
                         result?.version ?? "", ScoreNumbers.plain(result?.total),
                         result?.zeroedBy.joined(separator: ";") ?? ""]
            cells += columns.map { $0.value(row.figures) }
            cells += categories.map { String(row.figures.alertsByCategory[$0] ?? 0) }
            for id in itemIds {
                let item = result?.items.first { $0.id == id }
                cells += [ScoreNumbers.plain(item?.value), ScoreNumbers.plain(item?.points),
                          ScoreNumbers.plain(item?.weight), ScoreNumbers.plain(item?.contribution)]
            }
            for id in criticalIds {
                let critical = result?.critical.first { $0.id == id }
                cells += [ScoreNumbers.plain(critical?.value), critical.map { $0.failed ? "1" : "0" } ?? ""]
            }
            if hasStandings {
                let standing = row.score.campaign
                cells += [standing.map { ScoreNumbers.money($0.teamSales, grouped: false) } ?? "",
                          standing?.target.map { ScoreNumbers.money($0, grouped: false) } ?? "",
                          standing.map { $0.targetMet ? "1" : "0" } ?? ""]
            }
            lines.append(CSVReportRenderer.line(cells))
        }
        return lines.joined()
    }

    /// Orders alert category ids as ``RiskCategory`` lists them, most severe
    /// first, and ids it does not know after them by id, each once.
    private static func categories(_ ids: [String]) -> [String] {
        Set(ids).sorted { left, right in
            let known = RiskCategory.allCases.map(\.rawValue)
            let leftIndex = known.firstIndex(of: left) ?? known.count
            let rightIndex = known.firstIndex(of: right) ?? known.count
            return (leftIndex, left) < (rightIndex, right)
        }
    }

    /// Keeps the first occurrence of each id, in order.
    private static func ordered(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// One figure column of the CSV.
    private struct FigureColumn {
        var header: String
        var value: (ScoreFigures) -> String
    }

    private static func figureColumns(_ text: ReportText) -> [FigureColumn] {
        func measure(_ measure: ScoreMeasure) -> FigureColumn {
            FigureColumn(header: measure.csvLabel.text(in: text.language)) { ScoreNumbers.plain(measure.value(in: $0)) }
        }
        func count(_ chinese: String, _ english: String, _ value: @escaping @Sendable (ScoreFigures) -> Int) -> FigureColumn {
            FigureColumn(header: text.pick(chinese, english)) { String(value($0)) }
        }
        var bucketColumns: [FigureColumn] = []
        let bounds = ScoreFigures.responseBucketBounds
        for index in 0...bounds.count {
            let header = index == bounds.count
                ? text.pick("响应 >\(bounds[index - 1]) 秒", "responses >\(bounds[index - 1]) s")
                : text.pick("响应 ≤\(bounds[index]) 秒", "responses ≤\(bounds[index]) s")
            bucketColumns.append(FigureColumn(header: header) {
                String(index < $0.responseTimeBuckets.count ? $0.responseTimeBuckets[index] : 0)
            })
        }

        return [measure(.conversations),
                count("有首次响应的会话", "first responses", \.firstResponses),
                FigureColumn(header: text.pick("首次响应合计（秒）", "first response total (s)")) { String($0.firstResponseSecondsTotal) },
                measure(.firstResponseSecondsMean), measure(.firstResponseMedianSeconds), measure(.firstResponseP90Seconds),
                count("已回复轮次", "answered rounds", \.rounds),
                measure(.responseMedianSeconds), measure(.responseP90Seconds),
                count("限时内回复", "replies within limit", \.repliesWithinLimit),
                measure(.repliesWithinLimitShare), measure(.slowReplies), measure(.unansweredRounds)]
            + bucketColumns
            + [measure(.alerts), measure(.alertsPer100Conversations), measure(.replyTimeouts), measure(.cases),
               count("已确认案件", "acknowledged cases", \.acknowledgedCases), measure(.acknowledgeMedianSeconds),
               measure(.escalations), measure(.complaints), measure(.regulatorComplaints),
               measure(.regulatorHumanCauseCases), measure(.primaryResponsibilities), measure(.jointResponsibilities),
               count("需整改案件", "rectifications due", \.rectificationsDue),
               count("按时整改案件", "rectifications on time (count)", \.rectificationsOnTime),
               measure(.rectificationOnTimeShare), measure(.orders),
               FigureColumn(header: ScoreMeasure.sales.reportLabel.text(in: text.language)) {
                   ScoreNumbers.money($0.sales, grouped: false)
               },
               FigureColumn(header: text.pick("币种", "currency")) { $0.currency },
               count("成交会话", "converted conversations", \.convertedConversations),
               measure(.conversionRate)]
    }
}
