import VigilContracts
import VigilHTML
import VigilScoring

extension ScoreReport {
    // MARK: - Explanation

    /// Explains one row's total item by item: the measure's value, the values
    /// that earn full and zero points, the points, the weight and the
    /// contribution, then the critical items.
    ///
    /// The full and zero values come from the report's scorecard, so they are
    /// shown only when that scorecard computed the score (same version) and
    /// lists the item with the same measure and weight.
    func explanationSection(_ row: ScoreReportRow, _ text: ReportText) -> ReportSection {
        let who = row.name.map { "\(row.subject.id) \($0)" } ?? row.subject.id
        let title = text.pick("评分明细：\(who)，总分 \(ScoreNumbers.points(row.total))",
                              "Score explained: \(who), score \(ScoreNumbers.points(row.total))")
        let id = "explain-" + HTMLText.identifier(row.subject.id)
        guard let result = row.score.scorecard else {
            return ReportSection(title: title, headers: [], rows: [],
                                 notes: [text.pick("该评分没有评分卡结果。", "This score has no scorecard result.")], id: id)
        }

        let sameVersion = result.version == scorecard.version
        var table = result.items.map { item in
            itemRow(item, definition: scorecard.items.first { $0.id == item.id }, sameVersion: sameVersion,
                    figures: row.figures, text)
        }
        let applicable = result.items.filter { $0.points != nil }
        table.append([text.pick("合计", "total"), "", "", "", "",
                      ScoreNumbers.points(applicable.compactMap(\.points).reduce(0, +)),
                      ScoreNumbers.weight(applicable.map(\.weight).reduce(0, +)), ScoreNumbers.points(result.total)])

        var notes = [text.pick("得分 = 权重 × (指标值 − 零分值) ÷ (满分值 − 零分值)，限定在 0 与权重之间。",
                               "points = weight × (value − zero at) ÷ (full at − zero at), kept between 0 and the weight.")]
        if !sameVersion {
            notes.append(text.pick("本评分按评分卡 \(result.version) 计算，报告读取的是评分卡 \(scorecard.version)，因此不显示满分值和零分值。",
                                   "This score was computed with scorecard \(result.version) and the report reads "
                                       + "\(scorecard.version), so the full and zero values are not shown."))
        }
        if applicable.count < result.items.count {
            notes.append(text.pick("“不适用”的项目本期没有数据，其权重不计入总分的分母。",
                                   "Items marked n/a have no value this period; their weight leaves the denominator."))
        }
        notes += criticalNotes(result, text)
        return ReportSection(
            title: title,
            headers: text.pick(["项目", "指标", "指标值", "满分值", "零分值", "得分", "权重", "贡献"],
                               ["item", "measure", "value", "full at", "zero at", "points", "weight", "contribution"]),
            rows: table, rightAligned: [2, 3, 4, 5, 6, 7], notes: notes, id: id)
    }

    /// Returns one item's line of the explanation. `definition` is the report
    /// scorecard's item of the same id. It names the item and, when
    /// `sameVersion`, gives the full and zero values.
    private func itemRow(_ item: ScoreItemResult, definition: ScorecardItem?, sameVersion: Bool, figures: ScoreFigures,
                         _ text: ReportText) -> [String] {
        let measure = ScoreMeasure(rawValue: item.measure)
        func format(_ value: Double?) -> String {
            measure?.format(value) ?? ScoreNumbers.plain(value)
        }

        let name = definition?.name.text(in: text.language) ?? item.id
        let value = item.value == nil ? (measure?.format(in: figures, text) ?? "-") : format(item.value)
        let thresholds = definition.flatMap { definition in
            sameVersion && definition.measure.rawValue == item.measure && definition.weight == item.weight ? definition : nil
        }
        return [name, measure?.reportLabel.text(in: text.language) ?? item.measure, value,
                thresholds.map { format($0.full) } ?? "-", thresholds.map { format($0.zero) } ?? "-",
                item.points != nil ? ScoreNumbers.points(item.points) : text.pick("不适用", "n/a"),
                ScoreNumbers.weight(item.weight), ScoreNumbers.points(item.contribution)]
    }

    /// Returns one line per critical item and, when any failed, a line stating that it zeroed the total.
    private func criticalNotes(_ result: ScorecardResult, _ text: ReportText) -> [String] {
        var notes: [String] = []
        for critical in result.critical {
            let measure = ScoreMeasure(rawValue: critical.measure)
            let name = scorecard.criticalItems.first { $0.id == critical.id }?.name.text(in: text.language)
                ?? measure?.reportLabel.text(in: text.language) ?? critical.measure
            let value = measure?.format(critical.value) ?? ScoreNumbers.plain(critical.value)
            let maximum = measure?.format(critical.maximum) ?? ScoreNumbers.plain(critical.maximum)
            notes.append(text.pick(
                "一票否决项 \(critical.id)（\(name)）：\(value)，上限 \(maximum)，\(critical.failed ? "未通过" : "通过")。",
                "Critical item \(critical.id) (\(name)): \(value), maximum \(maximum), \(critical.failed ? "failed" : "passed")."))
        }
        guard !result.zeroedBy.isEmpty else { return notes }

        let applicable = result.items.filter { $0.points != nil }
        let items = result.zeroedBy.map { id in
            scorecard.criticalItems.first { $0.id == id }?.name.text(in: text.language) ?? id
        }.joined(separator: text.pick("、", ", "))
        let points = ScoreNumbers.points(applicable.compactMap(\.points).reduce(0, +))
        let weights = ScoreNumbers.weight(applicable.map(\.weight).reduce(0, +))
        notes.append(text.pick("一票否决项“\(items)”未通过，总分清零为 0（各项得分合计 \(points)，权重合计 \(weights)）。",
                               "Critical item \(items) failed, which sets the score to 0 "
                                   + "(the items' points add up to \(points) of a weight of \(weights))."))
        return notes
    }
}
