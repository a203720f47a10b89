import VigilContracts

/// The rule backtest part of a text replay report.
struct ReplayBacktestText {
    var backtest: AlertBacktest
    var header: ReplayHeader
    var language: Language

    func lines() -> [String] {
        let live = header.liveRulesVersion ?? "-"
        let candidate = header.candidateRulesVersion ?? "-"
        var lines = [
            "",
            pick("规则回测：候选规则 \(candidate) 对比线上规则 \(live)",
                 "Rule backtest: candidate rules \(candidate) against live rules \(live)"),
            pick("新增预警 \(backtest.added.count)，消失预警 \(backtest.dropped.count)，"
                    + "变化预警 \(backtest.changed.count)，未变预警 \(backtest.unchanged)"
                    + "（只有规则版本和通知文本不同的预警算未变）",
                 "\(backtest.added.count) added, \(backtest.dropped.count) dropped, "
                    + "\(backtest.changed.count) changed, \(backtest.unchanged) unchanged alerts "
                    + "(alerts that differ only in rules version and notification text count as unchanged)"),
        ]
        lines += section(backtest.added, chinese: ("新增预警", "只有候选规则产生"),
                         english: ("Added alerts", "raised only by the candidate rules"))
        lines += section(backtest.dropped, chinese: ("消失预警", "只有线上规则产生"),
                         english: ("Dropped alerts", "raised only by the live rules"))
        lines += section(backtest.changed, chinese: ("变化预警", "两边都有但事件不同，字段按“线上 → 候选”列出"),
                         english: ("Changed alerts", "raised by both with different events, fields as live → candidate"))
        if !backtest.unreadableEventIds.isEmpty {
            lines.append("")
            lines.append(pick("无法读取为预警的记录（未计入回测）：", "Records not readable as alerts (left out of the backtest): ")
                + backtest.unreadableEventIds.joined(separator: ", "))
        }
        return lines
    }

    // MARK: - Alerts

    /// Lists `alerts` under a title made of a name, the count and an explanation.
    private func section(_ alerts: [BacktestAlert], chinese: (name: String, explanation: String),
                         english: (name: String, explanation: String)) -> [String] {
        guard !alerts.isEmpty else { return [] }

        let title = pick("\(chinese.name)（\(alerts.count)）：\(chinese.explanation)",
                         "\(english.name) (\(alerts.count)): \(english.explanation)")
        var lines = ["", title]
        for alert in alerts.prefix(ReplayReport.listLimit) {
            lines.append("  " + alertLine(alert))
            for change in alert.changes {
                lines += changeLines(change)
            }
        }
        if alerts.count > ReplayReport.listLimit {
            let more = alerts.count - ReplayReport.listLimit
            lines.append("  " + pick("… 还有 \(more) 条", "… \(more) more"))
        }
        return lines
    }

    private func alertLine(_ alert: BacktestAlert) -> String {
        let separator = pick("、", ", ")
        let terms = alert.matchedTerms.isEmpty ? "-" : alert.matchedTerms.joined(separator: separator)
        let rules = alert.ruleIds.isEmpty ? "-" : alert.ruleIds.joined(separator: separator)
        return [
            alert.alertId,
            pick("会话 ", "thread ") + alert.thread,
            alert.category.label.text(in: language),
            pick("严重度 ", "severity ") + alert.severity.label.text(in: language),
            pick("首次预警 ", "raised ") + TimeOption.format(alert.raisedAt, zone: ReplayTextReport.zone),
            pick("命中词：", "terms: ") + terms,
            pick("规则：", "rules: ") + rules,
        ].joined(separator: "  ")
    }

    private func changeLines(_ change: BacktestEventChange) -> [String] {
        switch change.kind {
        case .added:
            return ["    " + pick("新增事件 ", "added event ") + change.eventId]
        case .dropped:
            return ["    " + pick("消失事件 ", "dropped event ") + change.eventId]
        case .changed:
            let absent = pick("（无）", "(absent)")
            return ["    " + pick("变化事件 ", "changed event ") + change.eventId]
                + change.fields.map { "      \($0.path): \($0.live ?? absent) → \($0.replay ?? absent)" }
        }
    }

    private func pick(_ chinese: String, _ english: String) -> String {
        language == .chinese ? chinese : english
    }
}
