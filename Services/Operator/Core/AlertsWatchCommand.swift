import VigilContracts
import VigilKafka
import VigilRuntime

/// `vigil alerts watch`: prints each alert as it arrives, until SIGTERM or SIGINT.
enum AlertsWatchCommand: Subcommand {
    static let name = "alerts watch"
    static let summary = LocalizedText(chinese: "实时打印新到的高危预警，直到按 Ctrl-C",
                                       english: "print alerts as they arrive, until Ctrl-C")
    static let options: [OptionSpec] = [
        OptionSpec("group", environment: "VIGIL_CONSOLE_GROUP", valueName: "GROUP", defaultValue: "vigil-console",
                   help: LocalizedText(chinese: "消费组；同组的多个查看端分担预警",
                                       english: "consumer group; watchers in one group share the alerts")),
        .flag("from-beginning",
              help: LocalizedText(chinese: "消费组尚无位点时从最早的预警开始（默认只看新预警）",
                                  english: "start from the oldest alert when the group has no committed offset (default: new alerts only)")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        var properties = context.configuration.clientProperties
        properties["group.id"] = options.value("group") ?? "vigil-console"
        properties["auto.offset.reset"] = options.flag("from-beginning") ? "earliest" : "latest"
        let consumer = try KafkaConsumer(properties: properties, logger: context.logger)
        try consumer.subscribe([context.catalogue.alerts.name])

        var seen: Set<String> = []
        while !context.shutdown.isRequested {
            let records = try consumer.poll(maxRecords: 500, timeoutMilliseconds: 200)
            var next: [TopicPartition: Int64] = [:]
            for record in records {
                next[record.topicPartition] = record.offset + 1
                do {
                    let alert = try RecordDecoding.decode(Alert.self, from: record.value)
                    guard seen.insert(alert.eventId).inserted else { continue }
                    Console.printLine(line(for: alert, context: context))
                } catch {
                    context.logger.warning("undecodable alert skipped", metadata: [
                        "vigil.offset": String(record.offset), "vigil.error": String(describing: error),
                    ])
                }
            }
            try consumer.commit(next, synchronously: false)
        }
        consumer.close()
        return 0
    }

    static func line(for alert: Alert, context: OperatorContext) -> String {
        let severity: String
        switch alert.severity {
        case .critical: severity = context.text("严重", "CRITICAL")
        case .high: severity = context.text("高", "HIGH")
        case .medium: severity = context.text("中", "MEDIUM")
        case .low: severity = context.text("低", "LOW")
        }
        return "\(context.localTime(alert.raisedAt))  [\(severity)]  \(alert.text.text(in: context.language))"
    }
}
