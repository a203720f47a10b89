import VigilContracts
import VigilRuntime

/// `vigil report escalations`: cases, acknowledgements, escalations by
/// channel and accountability for a day, week or month, against the period before.
enum ReportEscalationsCommand: Subcommand {
    static let name = "report escalations"
    static let summary = LocalizedText(chinese: "升级与问责报告：按日、周或月统计立案、按时确认、升级渠道、监管案件责任和整改，并与上期对比",
                                       english: "escalation report for a day, week or month: cases, timely acknowledgement, "
                                           + "escalation channels, regulator cases with responsibility and rectification, against the previous period")
    static let options: [OptionSpec] = [
        OptionSpec("period", valueName: "day|week|month",
                   help: LocalizedText(chinese: "统计周期（必填）：自然日、ISO 周（周一开始）或自然月",
                                       english: "the period (required): calendar day, ISO week starting Monday, or calendar month")),
        OptionSpec("at", valueName: "TIME",
                   help: LocalizedText(chinese: "报告包含该时间的周期，须带时区偏移，如 2026-11-11T09:00+08:00；默认取案件主题上最晚的事件时间",
                                       english: "report the period containing this time, with its UTC offset, such as 2026-11-11T09:00+08:00; "
                                           + "default: the latest event time on the case topic")),
        OptionSpec("vendor", valueName: "VENDOR",
                   help: LocalizedText(chinese: "只统计该外包商的案件", english: "count only the cases of this vendor")),
        OptionSpec("format", valueName: "table|csv|markdown|html", defaultValue: "table",
                   help: LocalizedText(chinese: "输出格式：table（终端表格）、csv、markdown 或 html（独立的网页文件）",
                                       english: "output format: table (terminal), csv, markdown or html (a self-contained page)")),
        OptionSpec("zone", valueName: "±HH:MM", defaultValue: "+08:00",
                   help: LocalizedText(chinese: "划分日、周、月所用的时区偏移", english: "the UTC offset that days, weeks and months are counted in")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        print(try report(options, context: context), terminator: "")
        return 0
    }

    /// Reads the case topic and returns the rendered report.
    static func report(_ options: ParsedOptions, context: OperatorContext) throws -> String {
        let request = try Request(options)
        let events = try context.scanner.events(CaseEvent.self, of: context.catalogue.caseEvents).events
        guard let at = request.at ?? events.map(\.occurredAt).max() else {
            throw UsageError("no events found on the case topic: give --at TIME to report an empty period")
        }
        let period = ReportPeriod.containing(at, kind: request.kind, utcOffsetSeconds: request.utcOffsetSeconds)
        let report = EscalationReport(events: events, period: period, vendor: request.vendor)
        return request.format.render(report.document(in: context.language), language: context.language)
    }

    // MARK: - Options

    /// The command's options, checked.
    struct Request {
        var kind: ReportPeriod.Kind
        var at: Timestamp?
        var vendor: String?
        var format: ReportFormat
        var utcOffsetSeconds: Int32

        init(_ options: ParsedOptions) throws {
            guard let periodText = options.value("period") else {
                throw UsageError("missing --period: expected day, week or month")
            }
            guard let kind = ReportPeriod.Kind(rawValue: periodText) else {
                throw UsageError("invalid value \"\(periodText)\" for --period: expected day, week or month")
            }
            let formatText = options.value("format") ?? "table"
            guard let format = ReportFormat(rawValue: formatText) else {
                throw UsageError("invalid value \"\(formatText)\" for --format: expected table, csv, markdown or html")
            }
            let zoneText = options.value("zone") ?? "+08:00"
            guard let offset = TimestampFormat.parseUTCOffset(zoneText) else {
                throw UsageError("invalid value \"\(zoneText)\" for --zone: expected a UTC offset such as +08:00")
            }
            self.kind = kind
            self.at = try options.value("at").map { try TimeOption.parse($0, option: "at") }
            self.vendor = options.value("vendor")
            self.format = format
            self.utcOffsetSeconds = offset
        }
    }
}
