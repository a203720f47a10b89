import VigilContracts
import VigilHTML
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
        if let line = versionLine(text) {
            lines.append(line)
        }
        if let asOf {
            let zone = "UTC" + ReportText.offsetText(scope.utcOffsetSeconds)
            lines.append(text.pick("数据截至：\(text.time(asOf))（\(zone)）", "Inputs up to: \(text.time(asOf)) (\(zone))"))
        }
        return lines
    }

    private func warnings(_ text: ReportText) -> [String] {
        var lines: [String] = []
        if undecodable > 0 {
            lines.append(text.pick("评分主题上有 \(undecodable) 条记录无法读取（可能是旧版本的评分），已跳过。",
                                   "\(undecodable) records on the scores topic could not be read (older score versions?) and were skipped."))
        }
        if let line = otherScorecardWarning(text) {
            lines.append(line)
        }
        if let line = quietPeriodWarning(text) {
            lines.append(line)
        }
        return lines
    }

    /// Says that the period has no rows, or rows without conversations, and
    /// names the latest period with conversations when that is another one.
    private func quietPeriodWarning(_ text: ReportText) -> String? {
        var line: String
        if rows.isEmpty {
            line = text.pick("本期没有\(text.kindName(kind))的评分。", "No \(text.kindName(kind)) scores for this period.")
        } else if rows.allSatisfy({ $0.figures.conversations == 0 }) {
            line = text.pick("本期的评分没有会话，只有预警、案件、投诉或订单。",
                             "The scores of this period count no conversations, only alerts, cases, complaints or orders.")
        } else {
            return nil
        }
        if let latest = latestPeriodWithScores, latest.key != scope.period.key {
            let hint = text.periodHint(latest)
            line += latestPeriodHasConversations
                ? text.pick("评分主题上最近有会话的一期为 \(hint)", " The latest period with conversations is \(hint)")
                : text.pick("评分主题上最近有评分的一期为 \(hint)", " The latest period with scores is \(hint)")
            if latest.kind != .campaign {
                let zone = ReportText.offsetText(scope.utcOffsetSeconds)
                line += text.pick("，可用 --at \(latest.start)T12:00\(zone) 查看", "; see it with --at \(latest.start)T12:00\(zone)")
                // `vigil scores` shows days and takes --day instead of --at.
                line += latest.kind == .day
                    ? text.pick("（vigil scores 用 --day \(latest.start)）。", " (vigil scores: --day \(latest.start)).")
                    : text.pick("。", ".")
            } else {
                line += text.pick("。", ".")
            }
        }
        return line
    }

    // MARK: - Score table

    /// The columns of the score table after the subject and its name.
    private static let measureColumns: [ScoreMeasure] = [
        .conversations, .firstResponseMedianSeconds, .firstResponseP90Seconds, .responseMedianSeconds,
        .responseP90Seconds, .repliesWithinLimitShare, .slowReplies, .alertsPer100Conversations, .replyTimeouts,
        .cases, .acknowledgeMedianSeconds, .escalations, .regulatorComplaints,
    ]

    private func scoreSection(_ text: ReportText) -> ReportSection {
        let nameHeader = ScoreSubjectNames.header(for: kind)
        let showsVersion = hasMixedVersions
        var headers = [text.kindName(kind)] + (nameHeader.map { [$0.text(in: text.language)] } ?? [])
        headers.append(text.pick("总分", "score"))
        if showsVersion {
            headers.append(text.pick("评分卡版本", "scorecard version"))
        }
        headers += Self.measureColumns.map { $0.reportLabel.text(in: text.language) }
        headers += [text.pick("主要/连带责任", "primary/joint responsibility"),
                    text.pick("按时整改/需整改", "rectified on time/due")]
        headers += [ScoreMeasure.orders, .sales, .conversionRate].map { $0.reportLabel.text(in: text.language) }

        let table = rows.map { row in
            let figures = row.figures
            var cells = [row.subject.id] + (nameHeader == nil ? [] : [row.name ?? "-"])
            cells.append(ScoreNumbers.points(row.total))
            if showsVersion {
                cells.append(row.score.scorecard?.version ?? "-")
            }
            cells += Self.measureColumns.map { $0.format(in: figures, text) }
            cells += ["\(figures.primaryResponsibilities)/\(figures.jointResponsibilities)",
                      "\(figures.rectificationsOnTime)/\(figures.rectificationsDue)"]
            cells += [String(figures.orders), ScoreNumbers.money(figures.sales),
                      ReportText.percent(figures.conversionRate)]
            return cells
        }
        let first = nameHeader == nil ? 1 : 2
        var rightAligned = Set(first..<headers.count)
        if showsVersion {
            rightAligned.remove(first + 1)
        }
        return ReportSection(title: text.pick("评分", "Scores"), headers: headers, rows: table,
                             rightAligned: rightAligned, notes: rows.isEmpty ? [] : legend(text), id: "scores")
    }

    /// Returns the lines under the score table that tell apart the measures
    /// readers confuse: slow replies, reply-timeout alerts, escalations and the acknowledge median.
    private func legend(_ text: ReportText) -> [String] {
        let limit = scorecard.replyLimitSeconds
        return [
            text.pick("慢回复：回复用时超过评分卡回复时限（\(limit) 秒，评分卡 \(scorecard.version) 的 replyLimitSeconds）的已回复轮次，由考核服务按会话计算。",
                      "Slow replies: answered rounds whose reply came after the scorecard's reply limit "
                          + "(\(limit) s, replyLimitSeconds of scorecard \(scorecard.version)), counted by vigil-scoring from the conversations."),
            text.pick("回复超时预警：预警服务（vigil-alerting）按店铺回复时限发出的回复不及时预警。该时限与评分卡的回复时限分开设置，所以两个数可以不同。",
                      "Reply-timeout alerts: the reply-timeout alerts vigil-alerting raised with its own per-shop reply limit, "
                          + "which is set apart from the scorecard's, so the two counts can differ."),
            text.pick("升级：关联了投诉，或被升级到平台或监管部门的案件。",
                      "Escalations: cases with a linked complaint or an escalation to the platform or a regulator."),
            text.pick("确认用时中位数：从立案到第一次确认，单位为分钟；“未确认”表示有案件但一个都还没有确认。",
                      "Acknowledge median: from a case's opening to its first acknowledgement, in minutes; "
                          + "\"none acknowledged\" means the period has cases and none of them is acknowledged yet."),
        ]
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
