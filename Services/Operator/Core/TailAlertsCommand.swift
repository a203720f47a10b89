import VigilContracts
import VigilRuntime

/// `vigil tail alerts`: one line per alert event for supervisors' screens, until SIGTERM or SIGINT.
enum TailAlertsCommand: Subcommand {
    static let name = "tail alerts"
    static let summary = LocalizedText(
        chinese: "实时显示预警，每条一行，可按班组、级别、类别筛选；--from 从指定时间开始，按 Ctrl-C 结束",
        english: "show alerts as they arrive, one line each, filtered by team, severity or category; "
            + "--from starts at a given time; Ctrl-C stops")

    /// The options of the tail, shared with its alias `vigil alerts watch`.
    static let options: [OptionSpec] = [
        OptionSpec("team", valueName: "TEAM", repeatable: true,
                   help: LocalizedText(chinese: "只显示这些班组的预警（可重复，或用逗号分隔）",
                                       english: "only these teams' alerts (repeatable or comma-separated)")),
        OptionSpec("severity", valueName: "LEVEL",
                   help: LocalizedText(chinese: "最低级别：critical、high、medium、low；high 表示高及以上",
                                       english: "least severity: critical, high, medium or low; high means high and above")),
        OptionSpec("category", valueName: "CATEGORY", repeatable: true,
                   help: LocalizedText(
                       chinese: "只显示这些类别（可重复或用逗号分隔）：regulator、legal、media、complaint、escalation、reply-timeout",
                       english: "only these categories (repeatable or comma-separated): regulator, legal, media, "
                           + "complaint, escalation, reply-timeout")),
        OptionSpec("from", valueName: "TIME",
                   help: LocalizedText(
                       chinese: "从该时间（含）起显示，必须带时区，如 2026-11-11T09:00+08:00；默认只显示新预警",
                       english: "start at this time, which must carry its UTC offset, such as 2026-11-11T09:00+08:00; "
                           + "default: new alerts only")),
        .flag("all", help: LocalizedText(
            chinese: "也显示不通知的事件：重复、关闭和被抑制的预警（带标记）",
            english: "also show events that notify no one: repeats, closings and inhibited alerts (marked)")),
        OptionSpec("zone", valueName: "OFFSET", defaultValue: "+08:00",
                   help: LocalizedText(chinese: "显示时间所用的时区偏移", english: "UTC offset the times are shown in")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let (tail, zone) = try makeTail(options, context: context)
        try follow(tail, zone: zone, context: context)
        return 0
    }

    /// Reads the options, starts a tail and returns it with the display offset in seconds.
    /// With `group`, the tail resumes from and commits to that consumer group.
    static func makeTail(_ options: ParsedOptions, context: OperatorContext, group: String? = nil,
                         fromBeginning: Bool = false) throws -> (AlertTail, Int32) {
        var filter = try AlertFilter(options: options)
        var start: TailStart = fromBeginning ? .beginning : .end
        if let text = options.value("from") {
            guard !fromBeginning else {
                throw UsageError("--from and --from-beginning cannot be combined: choose one")
            }
            let time = try TailStart.parseTime(text)
            start = .time(time)
            filter.notBefore = time
        }
        let zoneText = options.value("zone") ?? "+08:00"
        guard let zone = TimestampFormat.parseUTCOffset(zoneText) else {
            throw UsageError("invalid value \"\(zoneText)\" for --zone: expected an offset such as +08:00 or Z")
        }
        let tail = try AlertTail(topic: context.catalogue.alerts, start: start, filter: filter, group: group,
                                 properties: context.configuration.clientProperties, logger: context.logger)
        return (tail, zone)
    }

    /// Prints each event the tail returns until shutdown is requested.
    static func follow(_ tail: AlertTail, zone: Int32, context: OperatorContext) throws {
        while !context.shutdown.isRequested {
            for alert in try tail.poll(timeoutMilliseconds: 200) {
                Console.printLine(AlertLine.format(alert, language: context.language, utcOffsetSeconds: zone))
            }
        }
        tail.close()
    }
}
