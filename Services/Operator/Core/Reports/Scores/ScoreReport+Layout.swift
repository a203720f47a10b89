import VigilContracts
import VigilScoring

extension ScoreReport {
    /// Lays the report out in `language`: the score table, a section per
    /// subject that explains its total, and for teams in a campaign the leaderboards.
    func document(in language: Language) -> ReportDocument {
        let text = ReportText(language: language, utcOffsetSeconds: scope.utcOffsetSeconds)
        var sections = [scoreSection(text)]
        sections += rows.map { explanationSection($0, text) }
        sections += standings.map { leaderboardSection($0.row, $0.standing, text) }
        return ReportDocument(title: title(text), subtitle: subtitle(text), warnings: warnings(text), sections: sections,
                              emptyText: text.pick("（无）", "(none)"))
    }

    func title(_ text: ReportText) -> String {
        text.pick("客服考核评分报告：\(text.periodName(scope))", "Score report: \(text.periodName(scope))")
    }

    private func subtitle(_ text: ReportText) -> [String] {
        var lines = [text.pick("统计维度：\(text.kindName(kind))，共 \(rows.count) 个",
                               "By \(text.kindName(kind)): \(rows.count) in all")]
        let versions = Set(rows.compactMap(\.score.scorecard?.version)).sorted()
        if !versions.isEmpty {
            lines.append(text.pick("评分表版本：\(versions.joined(separator: "、"))",
                                   "Scorecard version: \(versions.joined(separator: ", "))"))
        }
        if let asOf {
            lines.append(text.pick("数据截至：\(text.time(asOf))（UTC+08:00）", "Inputs up to: \(text.time(asOf)) (UTC+08:00)"))
        }
        return lines
    }

    private func warnings(_ text: ReportText) -> [String] {
        var lines: [String] = []
        if undecodable > 0 {
            lines.append(text.pick("评分主题上有 \(undecodable) 条记录无法读取（可能是旧版本的评分），已跳过。",
                                   "\(undecodable) records on the scores topic could not be read (older score versions?) and were skipped."))
        }
        let others = Set(rows.compactMap(\.score.scorecard?.version)).subtracting([scorecard.version]).sorted()
        if !others.isEmpty {
            lines.append(text.pick(
                "评分记录按评分表 \(others.joined(separator: "、")) 计算，项目名称取自评分表 \(scorecard.version)；名称不符的项目只显示编号。",
                "The scores were computed with scorecard \(others.joined(separator: ", ")); item names come from scorecard "
                    + "\(scorecard.version), and items it does not list show their ids."))
        }
        if rows.isEmpty {
            var line = text.pick("本期没有\(text.kindName(kind))的评分。", "No \(text.kindName(kind)) scores for this period.")
            if let latest = latestPeriodWithScores, latest.key != scope.period.key {
                line += text.pick("评分主题上最近一期为 \(text.periodHint(latest))", " The latest period with scores is \(text.periodHint(latest))")
                if latest.kind != .campaign {
                    line += text.pick("，可用 --at \(latest.start)T12:00+08:00 查看。", "; see it with --at \(latest.start)T12:00+08:00.")
                } else {
                    line += text.pick("。", ".")
                }
            }
            lines.append(line)
        }
        return lines
    }

    // MARK: - Score table

    /// The columns of the score table after the subject and its name.
    private static let measureColumns: [ScoreReportMeasure] = [
        .conversations, .firstResponseMedianSeconds, .firstResponseP90Seconds, .responseMedianSeconds,
        .responseP90Seconds, .repliesWithinLimitShare, .slowReplies, .alertsPer100Conversations, .replyTimeouts,
        .cases, .acknowledgeMedianSeconds, .escalations, .regulatorComplaints,
    ]

    private func scoreSection(_ text: ReportText) -> ReportSection {
        let nameHeader = ScoreSubjectNames.header(for: kind)
        var headers = [text.kindName(kind)] + (nameHeader.map { [$0.text(in: text.language)] } ?? [])
        headers.append(text.pick("总分", "score"))
        headers += Self.measureColumns.map { $0.label.text(in: text.language) }
        headers += [text.pick("主要/连带责任", "primary/joint responsibility"),
                    text.pick("按时整改/需整改", "rectified on time/due")]
        headers += [ScoreReportMeasure.orders, .sales, .conversionRate].map { $0.label.text(in: text.language) }

        let table = rows.map { row in
            let figures = row.figures
            var cells = [row.subject.id] + (nameHeader == nil ? [] : [row.name ?? "-"])
            cells.append(ScoreNumbers.points(row.total))
            cells += Self.measureColumns.map { $0.format($0.value(in: figures)) }
            cells += ["\(figures.primaryResponsibilities)/\(figures.jointResponsibilities)",
                      "\(figures.rectificationsOnTime)/\(figures.rectificationsDue)"]
            cells += [String(figures.orders), ScoreNumbers.money(figures.sales),
                      ReportText.percent(figures.conversionRate)]
            return cells
        }
        let first = nameHeader == nil ? 1 : 2
        return ReportSection(title: text.pick("评分", "Scores"), headers: headers, rows: table,
                             rightAligned: Set(first..<headers.count), id: "scores")
    }

    // MARK: - Explanation

    private func explanationSection(_ row: ScoreReportRow, _ text: ReportText) -> ReportSection {
        let who = row.name.map { "\(row.subject.id) \($0)" } ?? row.subject.id
        let title = text.pick("评分明细：\(who)，总分 \(ScoreNumbers.points(row.total))",
                              "Score explained: \(who), score \(ScoreNumbers.points(row.total))")
        let id = "explain-" + HTMLText.identifier(row.subject.id)
        guard let result = row.score.scorecard else {
            return ReportSection(title: title, headers: [], rows: [],
                                 notes: [text.pick("该评分没有评分表结果。", "This score has no scorecard result.")], id: id)
        }

        var table = result.items.map { item in
            let measure = ScoreReportMeasure(rawValue: item.measure)
            let applicable = item.points != nil
            let name = scorecard.items.first { $0.id == item.id }?.name.text(in: text.language) ?? item.id
            return [name, measure?.label.text(in: text.language) ?? item.measure,
                    measure?.format(item.value) ?? ScoreNumbers.plain(item.value),
                    applicable ? ScoreNumbers.points(item.points) : text.pick("不适用", "n/a"),
                    ScoreNumbers.weight(item.weight), ScoreNumbers.points(item.contribution)]
        }
        let applicable = result.items.filter { $0.points != nil }
        table.append([text.pick("合计", "total"), "", "",
                      ScoreNumbers.points(applicable.compactMap(\.points).reduce(0, +)),
                      ScoreNumbers.weight(applicable.map(\.weight).reduce(0, +)), ScoreNumbers.points(result.total)])

        var notes: [String] = []
        if applicable.count < result.items.count {
            notes.append(text.pick("“不适用”的项目本期没有数据，其权重不计入总分的分母。",
                                   "Items marked n/a have no value this period; their weight leaves the denominator."))
        }
        for critical in result.critical {
            let measure = ScoreReportMeasure(rawValue: critical.measure)
            let name = scorecard.criticalItems.first { $0.id == critical.id }?.name.text(in: text.language)
                ?? measure?.label.text(in: text.language) ?? critical.measure
            let value = measure?.format(critical.value) ?? ScoreNumbers.plain(critical.value)
            let maximum = measure?.format(critical.maximum) ?? ScoreNumbers.plain(critical.maximum)
            notes.append(text.pick(
                "关键项 \(critical.id)（\(name)）：\(value)，上限 \(maximum)，\(critical.failed ? "未通过" : "通过")。",
                "Critical item \(critical.id) (\(name)): \(value), maximum \(maximum), \(critical.failed ? "failed" : "passed")."))
        }
        if !result.zeroedBy.isEmpty {
            let items = result.zeroedBy.map { id in
                scorecard.criticalItems.first { $0.id == id }?.name.text(in: text.language) ?? id
            }.joined(separator: text.pick("、", ", "))
            let points = ScoreNumbers.points(applicable.compactMap(\.points).reduce(0, +))
            let weights = ScoreNumbers.weight(applicable.map(\.weight).reduce(0, +))
            notes.append(text.pick("关键项“\(items)”未通过，总分清零为 0（各项得分合计 \(points)，权重合计 \(weights)）。",
                                   "Critical item \(items) failed, which sets the score to 0 "
                                       + "(the items' points add up to \(points) of a weight of \(weights))."))
        }
        return ReportSection(
            title: title,
            headers: text.pick(["项目", "指标", "指标值", "得分", "权重", "贡献"],
                               ["item", "measure", "value", "points", "weight", "contribution"]),
            rows: table, rightAligned: [2, 3, 4, 5], notes: notes, id: id)
    }

    // MARK: - Leaderboard

    private func leaderboardSection(_ row: ScoreReportRow, _ standing: CampaignStanding, _ text: ReportText) -> ReportSection {
        let who = row.name.map { text.pick("\(row.subject.id)（\($0)）", "\(row.subject.id) (\($0))") } ?? row.subject.id
        let table = standing.leaderboard.map { entry in
            [String(entry.rank), entry.agent, names.name(of: ScoreSubject(kind: .agent, id: entry.agent)) ?? "-",
             String(entry.orders), ScoreNumbers.money(entry.sales), rewardCell(entry, text)]
        }
        let sales = ScoreNumbers.money(standing.teamSales)
        let note: String
        if let target = standing.target {
            let met = standing.targetMet ? text.pick("已达成", "met") : text.pick("未达成", "not met")
            note = text.pick(
                "班组销售额 \(sales) 元，目标 \(ScoreNumbers.money(target)) 元，\(met)；"
                    + "达成目标的班组奖励未被一票否决的前 \(standing.rewardTopN) 名。",
                "Team sales \(sales) CNY against a target of \(ScoreNumbers.money(target)) CNY: \(met). "
                    + "A team that meets its target rewards the top \(standing.rewardTopN) of its sellers "
                    + "that failed no critical item.")
        } else {
            note = text.pick("班组销售额 \(sales) 元；未设目标，不发奖励。", "Team sales \(sales) CNY; no target is set, so nobody is rewarded.")
        }
        return ReportSection(
            title: text.pick("大促排行榜：\(who)", "Campaign leaderboard: \(who)"),
            headers: text.pick(["名次", "客服", "姓名", "订单", "销售额（元）", "奖励"],
                               ["rank", "agent", "name", "orders", "sales (CNY)", "rewarded"]),
            rows: table, rightAligned: [0, 3, 4], notes: [note], id: "leaderboard-" + HTMLText.identifier(row.subject.id))
    }

    /// Returns the reward cell, which names the failed critical items of a
    /// disqualified seller, with the report scorecard's names where it lists them.
    private func rewardCell(_ entry: LeaderboardEntry, _ text: ReportText) -> String {
        guard !entry.rewarded, !entry.failedCritical.isEmpty else { return text.yesNo(entry.rewarded) }

        let items = entry.failedCritical.map { id in
            scorecard.criticalItems.first { $0.id == id }?.name.text(in: text.language) ?? id
        }
        return text.pick("否（一票否决：\(items.joined(separator: "、"))）",
                         "no (critical item failed: \(items.joined(separator: ", ")))")
    }
}
