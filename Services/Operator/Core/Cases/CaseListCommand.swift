import VigilContracts
import VigilRuntime

/// `vigil case list`: the cases on the case topic, filtered by state, team, vendor or lateness.
enum CaseListCommand: Subcommand {
    static let name = "case list"
    static let summary = LocalizedText(
        chinese: "列出案件（按立案时间）：状态、级别、预警数、投诉和下一期限，可按状态、班组、外包商或超时筛选",
        english: "list cases by opening time with state, severity, alerts, complaints and next deadline; "
            + "filter by state, team, vendor or overdue")
    static let options: [OptionSpec] = [
        OptionSpec("state", valueName: "STATE", repeatable: true, help: LocalizedText(
            chinese: "只列这些状态（可重复或用逗号分隔）：open、acknowledged、following_up、escalated_platform、"
                + "escalated_regulator、resolved",
            english: "only these states (repeatable or comma-separated): open, acknowledged, following_up, "
                + "escalated_platform, escalated_regulator, resolved")),
        OptionSpec("team", valueName: "TEAM", repeatable: true, help: LocalizedText(
            chinese: "只列这些班组的案件（可重复或用逗号分隔）", english: "only these teams' cases (repeatable or comma-separated)")),
        OptionSpec("vendor", valueName: "VENDOR", repeatable: true, help: LocalizedText(
            chinese: "只列这些外包商的案件（可重复或用逗号分隔）",
            english: "only these vendors' cases (repeatable or comma-separated)")),
        .flag("overdue", help: LocalizedText(
            chinese: "只列已超时的案件（以案件主题上最新的事件时间为准，不看本机时钟）",
            english: "only overdue cases, measured at the case topic's latest event time, not this computer's clock")),
        OptionSpec("zone", valueName: "OFFSET", defaultValue: "+08:00",
                   help: LocalizedText(chinese: "显示时间所用的时区偏移", english: "UTC offset the times are shown in")),
    ]

    /// The filter a command line requests.
    struct Filter {
        var states: Set<CaseState> = []
        var teams: Set<String> = []
        var vendors: Set<String> = []
        var overdueOnly = false

        init(options: ParsedOptions) throws {
            for text in Self.split(options.values("state")) {
                guard let state = CaseState(rawValue: String(text.map { $0 == "-" ? "_" : $0 })) else {
                    let names = CaseState.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError("invalid value \"\(text)\" for --state: expected one of \(names)")
                }
                states.insert(state)
            }
            teams = Set(Self.split(options.values("team")))
            vendors = Set(Self.split(options.values("vendor")))
            overdueOnly = options.flag("overdue")
        }

        func admits(_ file: CaseFile, status: CaseDeadlineStatus) -> Bool {
            if !states.isEmpty, !(file.state.map(states.contains) ?? false) { return false }
            if !teams.isEmpty, !(file.team.map(teams.contains) ?? false) { return false }
            if !vendors.isEmpty, !(file.vendor.map(vendors.contains) ?? false) { return false }
            return !overdueOnly || status.isOverdue
        }

        private static func split(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
        }
    }

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        if let extra = options.positionals.first {
            throw UsageError("unexpected argument \"\(extra)\"")
        }
        let filter = try Filter(options: options)
        let zone = try TimeOption.parseZone(options.value("zone"))
        print(render(try context.readCases(), filter: filter, zone: zone, language: context.language)
            .joined(separator: "\n"))
        return 0
    }

    /// Renders the table and the totals line.
    static func render(_ snapshot: CaseSnapshot, filter: Filter, zone: Int32, language: Language) -> [String] {
        let chinese = language == .chinese
        var table = TextTable(
            headers: chinese
                ? ["案件号", "店铺/顾客", "客服", "班组", "状态", "级别", "立案时间", "预警数", "投诉", "下一期限"]
                : ["case", "shop/buyer", "agent", "team", "state", "severity", "opened", "alerts", "complaints",
                   "next deadline"],
            rightAligned: [7])
        var shown = 0
        var overdue = 0
        for file in snapshot.files {
            let status = CaseDeadlineStatus(file, now: snapshot.latestEventTime)
            guard filter.admits(file, status: status) else { continue }
            shown += 1
            overdue += status.isOverdue ? 1 : 0
            let complaints = file.complaints.map { $0.label.text(in: language) }.joined(separator: ",")
            table.append([
                file.caseId, file.thread.recordKey, file.agent ?? "-", file.team ?? "-",
                CaseNames.state(file.state).text(in: language), file.severity?.label.text(in: language) ?? "-",
                String(TimeOption.format(file.openedAt, zone: zone).prefix(16)), String(file.alerts),
                complaints.isEmpty ? "-" : complaints, status.cell(zone: zone, language: language),
            ])
        }
        let totals = chinese
            ? "共 \(shown) 个案件，其中 \(overdue) 个超时"
            : "\(shown) \(shown == 1 ? "case" : "cases"), \(overdue) overdue"
        return [table.render(), totals]
    }
}
