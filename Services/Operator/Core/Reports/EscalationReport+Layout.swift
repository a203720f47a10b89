import VigilContracts

extension EscalationReport {
    /// Lays the report out in `language`, with times at the period's offset.
    func document(in language: Language) -> ReportDocument {
        let text = ReportText(language: language, utcOffsetSeconds: period.utcOffsetSeconds)
        return ReportDocument(
            title: text.pick("升级与问责报告：\(text.periodName(period))", "Escalation and accountability report: \(text.periodName(period))"),
            subtitle: [
                text.pick("外包商：\(vendor ?? "全部")", "Vendor: \(vendor ?? "all")"),
                text.pick("对比上期：\(text.periodName(previousPeriod))", "Compared with: \(text.periodName(previousPeriod))"),
            ],
            warnings: regulatorGrowthWarning ? [growthWarning(text)] : [],
            sections: [summarySection(text), channelSection(text), regulatorSection(text), rectificationSection(text)],
            emptyText: text.pick("（无）", "(none)"))
    }

    private func growthWarning(_ text: ReportText) -> String {
        let now = current.regulatorEscalations
        let before = previous.regulatorEscalations
        if before == 0 {
            return text.pick("警告：本期升级到监管 \(now) 起，上期没有，请核查相关外包商与班组。",
                             "Warning: \(now) regulator escalations this period and none in the previous one; "
                                 + "check the vendors and teams involved.")
        }
        return text.pick("警告：本期升级到监管 \(now) 起，上期 \(before) 起，增长一半或以上，请核查相关外包商与班组。",
                         "Warning: \(now) regulator escalations this period against \(before) in the previous one, "
                             + "a rise of half or more; check the vendors and teams involved.")
    }

    // MARK: - Sections

    private func summarySection(_ text: ReportText) -> ReportSection {
        func counts(_ chinese: String, _ english: String, _ value: (EscalationFigures) -> Int) -> [String] {
            [text.pick(chinese, english), String(value(current)), String(value(previous)),
             ReportText.change(value(current) - value(previous))]
        }
        let rows = [
            counts("新立案件", "cases opened", \.opened),
            counts("重开案件", "cases reopened", \.reopened),
            counts("按时确认", "acknowledged in time", \.acknowledgedInTime),
            [text.pick("按时确认率", "acknowledged in time (share)"), ReportText.percent(current.acknowledgedInTimeShare),
             ReportText.percent(previous.acknowledgedInTimeShare), "-"],
            counts("超时确认", "acknowledged late", \.acknowledgedLate),
            counts("尚未确认", "not acknowledged yet", \.unacknowledged),
            [text.pick("确认用时中位数（分钟）", "median time to acknowledge (minutes)"),
             ReportText.decimal(current.medianAcknowledgeMinutes), ReportText.decimal(previous.medianAcknowledgeMinutes), "-"],
            counts("升级到平台", "escalations to the platform", \.platformEscalations),
            counts("升级到监管", "escalations to a regulator", \.regulatorEscalations),
        ]
        return ReportSection(title: text.pick("概览", "Summary"),
                             headers: text.pick(["指标", "本期", "上期", "变化"], ["figure", "this period", "previous", "change"]),
                             rows: rows, rightAligned: [1, 2, 3])
    }

    private func channelSection(_ text: ReportText) -> ReportSection {
        let rows = EscalationChannel.allCases.map { channel in
            [channel.title.text(in: text.language), String(current.count(channel)), String(previous.count(channel)),
             ReportText.change(current.count(channel) - previous.count(channel))]
        }
        return ReportSection(title: text.pick("升级渠道", "Escalations by channel"),
                             headers: text.pick(["渠道", "本期", "上期", "变化"], ["channel", "this period", "previous", "change"]),
                             rows: rows, rightAligned: [1, 2, 3])
    }

    private func regulatorSection(_ text: ReportText) -> ReportSection {
        let rows = regulatorCases.map { row in
            [row.caseId, row.vendor ?? "-", row.site ?? "-", row.team ?? "-", row.agent ?? "-",
             row.channels.map { $0.title.text(in: text.language) }.joined(separator: text.pick("、", ", ")),
             text.cause(row.cause), text.people(row.primary), text.people(row.joint),
             row.reviewed ? text.pick("已复盘", "done") : text.pick("未复盘", "not done"),
             text.rectification(row.rectification, cause: row.cause),
             row.rectificationDueAt.map(text.time) ?? "-"]
        }
        return ReportSection(
            title: text.pick("监管案件责任", "Regulator cases and responsibility"),
            headers: text.pick(["案件号", "外包商", "站点", "班组", "客服", "渠道", "原因", "主要责任", "连带责任", "复盘", "整改", "整改期限"],
                               ["case", "vendor", "site", "team", "agent", "channel", "cause", "primary", "joint",
                                "review", "rectification", "plan due"]),
            rows: rows)
    }

    private func rectificationSection(_ text: ReportText) -> ReportSection {
        let rows = RectificationStatus.allCases.map { status in
            [text.rectification(status, cause: nil), String(rectifications[status] ?? 0)]
        }
        return ReportSection(title: text.pick("监管案件整改状态", "Rectification of the regulator cases"),
                             headers: text.pick(["状态", "案件数"], ["status", "cases"]), rows: rows, rightAligned: [1])
    }
}
