import VigilContracts

/// The text form of a replay report, which ``ReplayReport/text(_:backtest:header:language:)`` returns.
struct ReplayTextReport {
    var comparison: ReplayComparison
    var backtest: AlertBacktest?
    var header: ReplayHeader
    var language: Language

    /// The UTC offset of the times shown, +08:00 as in Vigil's other reports.
    static let zone: Int32 = 8 * 3600

    /// Renders the report. A backtest comes before the record lists because
    /// it is the answer a backtest asks for, and the lists then leave out the
    /// records that differ only in the rules version.
    func render() -> String {
        var lines = headerLines()
        lines.append("")
        lines.append(summaryTable())
        lines.append("")
        lines.append(comparison.isClean
            ? pick("结论：回放输出与线上输出一致。", "Result: the replay's output matches the live output.")
            : pick("结论：回放输出与线上输出不一致。", "Result: the replay's output differs from the live output."))

        if let backtest {
            lines += ReplayBacktestText(backtest: backtest, header: header, language: language).lines()
        }
        for outcome in [ReplayOutcome.missing, .extra, .different] {
            lines += recordSection(outcome)
        }
        lines += conflictSection()
        lines += orderSection()
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Header

    private func headerLines() -> [String] {
        let range = "\(time(header.from)) – \(time(header.to))"
        var lines = [
            pick("回放比对：\(header.service)", "Replay comparison: \(header.service)"),
            pick("事件时间范围：\(range)（UTC+08:00，含起点不含终点）",
                 "Event time range: \(range) (UTC+08:00, start included, end excluded)"),
        ]
        if header.liveRulesVersion != nil || header.candidateRulesVersion != nil {
            let live = header.liveRulesVersion ?? "-"
            let candidate = header.candidateRulesVersion ?? "-"
            lines.append(pick("规则版本：线上 \(live)，回放 \(candidate)",
                              "Rules version: live \(live), replay \(candidate)"))
        }
        lines.append(pick("回放读取的输入记录（不含水位记录）：", "Input records the replay read (watermarks excluded): ")
            + perTopic(header.inputRecords))
        lines.append(pick("回放读取的输入水位记录：", "Input watermark records the replay read: ")
            + perTopic(header.inputWatermarks))
        lines.append(pick("输出水位记录（不参与比对）：线上 \(header.liveWatermarks)，回放 \(header.replayWatermarks)",
                          "Output watermark records (not compared): live \(header.liveWatermarks), "
                              + "replay \(header.replayWatermarks)"))
        lines += lateLines()
        return lines
    }

    /// Lists the late input records. No service's output depends on where they
    /// fall against other input topics: escalation releases them, and case
    /// commands, by watermark rounds, a position in their log.
    private func lateLines() -> [String] {
        let late = header.lateInputRecords.filter { $0.value > 0 }
        guard !late.isEmpty else {
            return [pick("迟到输入记录：无", "Late input records: none")]
        }
        return [
            pick("迟到输入记录（时间早于所在分区此前已读到的水位）：",
                 "Late input records (time below a watermark read earlier on their partition): ") + perTopic(late),
        ]
    }

    /// Formats counts per topic as "topic count" pairs in topic order, or "-" when there are none.
    private func perTopic(_ counts: [String: Int]) -> String {
        let pairs = counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }
        return pairs.isEmpty ? "-" : pairs.joined(separator: pick("，", ", "))
    }

    private func summaryTable() -> String {
        var table = TextTable(headers: [pick("主题", "Topic")] + ReplayOutcome.allCases.map(outcomeName),
                              rightAligned: [1, 2, 3, 4])
        let counts = comparison.counts
        for topic in counts {
            table.append([topic.topic] + ReplayOutcome.allCases.map { String(topic[$0]) })
        }
        if counts.count != 1 {
            table.append([pick("合计", "Total")] + ReplayOutcome.allCases.map { outcome in
                String(counts.reduce(0) { $0 + $1[outcome] })
            })
        }
        return table.render()
    }

    // MARK: - Lists

    /// Lists the records of `outcome`. In a backtest, differing records whose
    /// only difference is the rules version are counted on one line instead.
    private func recordSection(_ outcome: ReplayOutcome) -> [String] {
        var records = comparison.records(outcome)
        var versionOnly = 0
        if outcome == .different, backtest != nil {
            let listed = records.filter { !Self.differsOnlyInRulesVersion($0) }
            versionOnly = records.count - listed.count
            records = listed
        }
        guard !records.isEmpty || versionOnly > 0 else { return [] }

        var lines = [""]
        if !records.isEmpty {
            lines.append(sectionTitle(outcome, count: records.count))
            for record in records.prefix(ReplayReport.listLimit) {
                lines.append("  " + recordLine(record))
                for field in record.fields {
                    lines.append("    " + fieldLine(field))
                }
            }
            lines += moreLine(records.count)
        }
        if versionOnly > 0 {
            lines.append(pick("\(versionOnly) 条记录只有规则版本不同（未列出，见 JSON 报告）",
                              versionOnly == 1
                                  ? "1 record differs only in the rules version (not listed, see the JSON report)"
                                  : "\(versionOnly) records differ only in the rules version "
                                      + "(not listed, see the JSON report)"))
        }
        return lines
    }

    /// True when `record` differs in `ruleVersion` and otherwise at most in
    /// `text`, the notification text that follows the version.
    static func differsOnlyInRulesVersion(_ record: ReplayRecordComparison) -> Bool {
        record.outcome == .different
            && record.fields.contains { $0.path == "ruleVersion" }
            && record.fields.allSatisfy { AlertBacktest.isIgnored($0.path) }
    }

    private func recordLine(_ record: ReplayRecordComparison) -> String {
        var parts = [record.topic, record.id]
        if let shown = record.replay ?? record.live {
            parts.append(pick("键 ", "key ") + (shown.key ?? "-"))
            parts.append(pick("事件时间 ", "event time ") + time(shown.timestamp))
        }
        return parts.joined(separator: "  ")
    }

    private func conflictSection() -> [String] {
        guard !comparison.conflicts.isEmpty else { return [] }

        var lines = ["", pick("同一事件 ID 有多个不同取值（重复发布的内容应完全相同）",
                              "Event ids published with different values (a republished event must be identical)")
            + count(comparison.conflicts.count)]
        for conflict in comparison.conflicts.prefix(ReplayReport.listLimit) {
            let side = conflict.side == .live ? pick("线上", "live") : pick("回放", "replay")
            lines.append("  " + pick("\(side)  \(conflict.topic)  \(conflict.eventId)：\(conflict.values.count) 个不同取值",
                                     "\(side)  \(conflict.topic)  \(conflict.eventId): \(conflict.values.count) values"))
        }
        lines += moreLine(comparison.conflicts.count)
        return lines
    }

    private func orderSection() -> [String] {
        guard !comparison.orderDifferences.isEmpty else { return [] }

        var lines = ["", pick("同一记录键下事件顺序不同", "Keys whose events come in a different order")
            + count(comparison.orderDifferences.count)]
        for difference in comparison.orderDifferences.prefix(ReplayReport.listLimit) {
            lines.append("  \(difference.topic)  " + pick("键 ", "key ") + (difference.key ?? "-"))
            lines.append("    " + pick("线上：", "live:   ") + difference.live.joined(separator: ", "))
            lines.append("    " + pick("回放：", "replay: ") + difference.replay.joined(separator: ", "))
        }
        lines += moreLine(comparison.orderDifferences.count)
        return lines
    }

    // MARK: - Words

    private func outcomeName(_ outcome: ReplayOutcome) -> String {
        switch outcome {
        case .matched: pick("一致", "matched")
        case .missing: pick("缺失", "missing")
        case .extra: pick("多出", "extra")
        case .different: pick("不同", "different")
        }
    }

    /// Builds a section title such as "缺失（3）：线上有、回放没有的记录" or "Missing (3): records only the live topic has".
    private func sectionTitle(_ outcome: ReplayOutcome, count total: Int) -> String {
        let explanation = switch outcome {
        case .matched: pick("两边相同的记录", "records equal on both sides")
        case .missing: pick("线上有、回放没有的记录", "records only the live topic has")
        case .extra: pick("回放有、线上没有的记录", "records only the replay produced")
        case .different: pick("两边都有但内容不同的记录，字段按“线上 → 回放”列出",
                              "records on both sides with different contents, fields as live → replay")
        }
        return pick("\(outcomeName(outcome))（\(total)）：\(explanation)",
                    "\(outcomeName(outcome).capitalized) (\(total)): \(explanation)")
    }

    func fieldLine(_ field: ReplayFieldDifference) -> String {
        let absent = pick("（无）", "(absent)")
        return "\(field.path): \(field.live ?? absent) → \(field.replay ?? absent)"
    }

    func moreLine(_ total: Int) -> [String] {
        total > ReplayReport.listLimit
            ? ["  " + pick("… 还有 \(total - ReplayReport.listLimit) 条", "… \(total - ReplayReport.listLimit) more")]
            : []
    }

    func time(_ instant: Timestamp) -> String {
        TimeOption.format(instant, zone: Self.zone)
    }

    func count(_ number: Int) -> String {
        pick("（\(number)）", " (\(number))")
    }

    func pick(_ chinese: String, _ english: String) -> String {
        language == .chinese ? chinese : english
    }
}
