import VigilContracts
import VigilRuntime

/// `vigil case show CASE`: one case's header, timeline, accountability and rejected commands.
enum CaseShowCommand: Subcommand {
    static let name = "case show"
    static let summary = LocalizedText(
        chinese: "查看一个案件：状态、下一期限、时间线、问责情况和被拒绝的命令",
        english: "show one case: state, next deadline, timeline, accountability and rejected commands")
    static let positionalHelp = "CASE"
    static let options: [OptionSpec] = [
        OptionSpec("zone", valueName: "OFFSET", defaultValue: "+08:00",
                   help: LocalizedText(chinese: "显示时间所用的时区偏移", english: "UTC offset the times are shown in")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        guard let caseId = options.positionals.first else {
            throw UsageError("missing case id: name one, such as case-3f2a9c01 (see vigil case list)")
        }
        guard options.positionals.count == 1 else {
            throw UsageError("expected one case id, found \(options.positionals.count) arguments")
        }
        let zone = try TimeOption.parseZone(options.value("zone"))
        let snapshot = try context.readCases()
        guard let file = snapshot.file(caseId) else {
            ServiceMain.printError(context.unknownCaseMessage(caseId))
            return 1
        }
        print(render(file, now: snapshot.latestEventTime, zone: zone, language: context.language)
            .joined(separator: "\n"))
        return 0
    }

    /// Renders the lines of the case, with deadlines measured at `now` (the case topic's latest event time).
    static func render(_ file: CaseFile, now: Timestamp?, zone: Int32, language: Language) -> [String] {
        header(file, now: now, zone: zone, language: language)
            + timeline(file, zone: zone, language: language)
            + accountability(file, zone: zone, language: language)
            + rejections(file, zone: zone, language: language)
    }

    /// Formats one timeline entry: time at `zone`, text, and the actor.
    static func entryLine(_ event: CaseEvent, zone: Int32, language: Language) -> String {
        let actor = event.actor.map { language == .chinese ? "（\($0)）" : " (\($0))" } ?? ""
        return "\(TimeOption.format(event.occurredAt, zone: zone))  \(event.text.text(in: language))\(actor)"
    }

    // MARK: - Sections

    private static func header(_ file: CaseFile, now: Timestamp?, zone: Int32, language: Language) -> [String] {
        let chinese = language == .chinese
        func field(_ zh: String, _ en: String, _ value: String) -> String {
            chinese ? "\(zh)：\(value)" : "\(en): \(value)"
        }
        let scope = [file.team, file.site, file.vendor].map { $0 ?? "-" }.joined(separator: " / ")
        let acknowledged = file.acknowledgedAt.map { time in
            let who = file.acknowledgedBy ?? "-"
            return chinese ? "\(who)，\(TimeOption.format(time, zone: zone))" : "\(who) at \(TimeOption.format(time, zone: zone))"
        } ?? (chinese ? "未确认" : "not yet")
        return [
            field("案件", "Case", file.caseId),
            field("会话", "Thread", file.thread.recordKey),
            field("客服", "Agent", file.agent ?? "-"),
            field("班组 / 站点 / 外包商", "Team / site / vendor", scope),
            field("状态", "State", CaseNames.state(file.state).text(in: language)),
            field("级别", "Severity", file.severity.map { $0.label.text(in: language) } ?? "-"),
            field("立案时间", "Opened", TimeOption.format(file.openedAt, zone: zone)),
            field("确认", "Acknowledged", acknowledged),
            field("指派给", "Assignee", file.assignee ?? "-"),
            field("下一期限", "Next deadline",
                  CaseDeadlineStatus(file, now: now).describe(zone: zone, language: language)),
        ]
    }

    private static func timeline(_ file: CaseFile, zone: Int32, language: Language) -> [String] {
        let offset = Timestamp(epochMilliseconds: 0, utcOffsetSeconds: zone).iso8601.dropFirst(19)
        let title = language == .chinese ? "时间线（时区 \(offset)）：" : "Timeline (UTC offset \(offset)):"
        let entries = file.timeline.filter { $0.type != .commandRejected }
        return ["", title] + entries.map { "  " + entryLine($0, zone: zone, language: language) }
    }

    private static func accountability(_ file: CaseFile, zone: Int32, language: Language) -> [String] {
        guard file.reachedRegulator || file.cause != nil || file.review != nil || file.rectification != nil else {
            return []
        }
        let chinese = language == .chinese
        var lines = ["", chinese ? "问责：" : "Accountability:"]
        let cause = file.cause.map { $0.label.text(in: language) } ?? (chinese ? "待判定" : "not classified yet")
        lines.append(chinese ? "  原因：\(cause)" : "  Cause: \(cause)")
        for person in file.responsibilities {
            let role = person.role.label.text(in: language)
            let level = person.level.label.text(in: language)
            let heading = chinese ? level : level.prefix(1).uppercased() + level.dropFirst()
            lines.append(chinese
                ? "  \(level)：\(person.name)（\(person.personId)，\(role)）"
                : "  \(heading): \(person.name) (\(person.personId), \(role))")
        }
        if let review = file.review {
            lines.append(chinese ? "  复盘：\(review.summary)" : "  Review: \(review.summary)")
            for (index, step) in review.steps.enumerated() {
                lines.append("    \(index + 1). \(step)")
            }
            for action in review.trainingActions {
                lines.append(chinese ? "    培训：\(action)" : "    Training: \(action)")
            }
        } else if file.reachedRegulator {
            lines.append(chinese ? "  复盘：待提交" : "  Review: not recorded yet")
        }
        if let status = file.rectification {
            var text = status.label.text(in: language)
            if let due = file.rectificationDueAt {
                let time = TimeOption.format(due, zone: zone)
                text += chinese ? "，截止 \(time)" : ", due \(time)"
            }
            lines.append(chinese ? "  整改：\(text)" : "  Rectification: \(text)")
        }
        if let plan = file.plan {
            lines.append(chinese ? "  整改方案：\(plan)" : "  Plan: \(plan)")
        }
        return lines
    }

    private static func rejections(_ file: CaseFile, zone: Int32, language: Language) -> [String] {
        guard !file.rejections.isEmpty else { return [] }
        let title = language == .chinese ? "被拒绝的命令：" : "Rejected commands:"
        return ["", title] + file.rejections.map { event in
            let time = TimeOption.format(event.occurredAt, zone: zone)
            let action = event.action?.rawValue ?? "-"
            let actor = event.actor ?? "-"
            let reason = event.text.text(in: language)
            return language == .chinese
                ? "  \(time)  \(action)（\(actor)，命令 \(event.commandId ?? "-")）：\(reason)"
                : "  \(time)  \(action) by \(actor) (command \(event.commandId ?? "-")): \(reason)"
        }
    }
}
