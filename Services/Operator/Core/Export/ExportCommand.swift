import Foundation
import VigilContracts
import VigilRuntime

/// `vigil export TOPIC`: the records of one topic between two times, as NDJSON for audits.
enum ExportCommand: Subcommand {
    static let name = "export"
    static let positionalHelp = "TOPIC"
    static let summary = LocalizedText(
        chinese: "把一个主题在 [--from, --to) 时间内的记录导出为 NDJSON（每条一行），供审计使用；"
            + "TOPIC 为完整主题名或目录中的基本名，如 alerts",
        english: "export a topic's records with timestamps in [--from, --to) as NDJSON, one per line, for audits; "
            + "TOPIC is a full topic name or a catalogue base name such as alerts")

    static let options: [OptionSpec] = [
        OptionSpec("from", valueName: "TIME",
                   help: LocalizedText(
                       chinese: "导出该时间（含）及之后的记录，必须带时区，如 2026-11-11T09:00+08:00",
                       english: "first time exported (inclusive), which must carry its UTC offset, "
                           + "such as 2026-11-11T09:00+08:00")),
        OptionSpec("to", valueName: "TIME",
                   help: LocalizedText(
                       chinese: "导出到该时间之前为止（不含），必须带时区，如 2026-11-11T18:00+08:00",
                       english: "time the export stops before (exclusive), which must carry its UTC offset, "
                           + "such as 2026-11-11T18:00+08:00")),
        OptionSpec("key", valueName: "KEY",
                   help: LocalizedText(chinese: "只导出记录键等于 KEY 的记录",
                                       english: "only records whose key equals KEY")),
        OptionSpec("output", valueName: "FILE",
                   help: LocalizedText(chinese: "写入该文件（覆盖），默认写到标准输出",
                                       english: "file to write (replaced if it exists); default: standard output")),
        .flag("include-watermarks", help: LocalizedText(
            chinese: "也导出水位记录（默认不导出）",
            english: "also export watermark records (left out by default)")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let request = try ExportRequest(options, catalogue: context.catalogue)
        let output = try LineOutput(path: request.output)
        let export = TopicExport(request: request, properties: context.configuration.clientProperties,
                                 logger: context.logger)

        let summary = try export.run { record, timestamp in
            try output.write(ExportLine.format(record, timestampMilliseconds: timestamp))
        }
        try output.close()

        ServiceMain.printError(context.text(
            "从 \(summary.partitions) 个分区导出了 \(summary.records) 条记录",
            "exported \(summary.records) records from \(summary.partitions) partitions"))
        return 0
    }
}
