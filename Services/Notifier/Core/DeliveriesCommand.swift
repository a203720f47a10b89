import Foundation
import VigilContracts
import VigilRuntime
import VigilStore

/// `vigil-notify deliveries`: lists delivery records from a notifier store, newest first.
enum DeliveriesCommand {
    static let summary = LocalizedText(chinese: "列出机器人推送记录（最新的在前）",
                                       english: "list robot delivery records, newest first")

    static let options: [OptionSpec] = [
        OptionSpec("store", environment: "VIGIL_STORE", valueName: "PATH", defaultValue: "vigil-notify.sqlite",
                   help: LocalizedText(chinese: "vigil-notify 的 SQLite 文件", english: "vigil-notify's SQLite file")),
        OptionSpec("status", valueName: "STATUS",
                   help: LocalizedText(chinese: "只列出该状态：pending（待发送）、sent（已送达）、failed（失败）",
                                       english: "list only this status: pending, sent or failed")),
        OptionSpec("limit", valueName: "N", defaultValue: "50",
                   help: LocalizedText(chinese: "最多列出的条数", english: "maximum number of deliveries listed")),
        .flag("attempts", help: LocalizedText(chinese: "同时列出每次尝试", english: "also list every attempt")),
    ]

    /// Prints the listing and returns the exit status: 0, or 2 on a usage error, 1 when the store cannot be read.
    static func run(arguments: [String], environment: [String: String], print: (String) -> Void) -> Int32 {
        let language = ProcessEnvironment.language(environment)
        let parser = CommandLineOptions(options)
        let parsed: ParsedOptions
        let status: DeliveryStatus?
        let limit: Int
        do {
            parsed = try parser.parse(arguments, environment: environment)
            if let text = parsed.value("status") {
                guard let value = DeliveryStatus(rawValue: text) else {
                    throw UsageError("invalid value \"\(text)\" for --status: expected pending, sent or failed")
                }
                status = value
            } else {
                status = nil
            }
            limit = try parsed.integer("limit") ?? 50
            guard limit > 0 else { throw UsageError("invalid value for --limit: expected a positive whole number") }
            guard parsed.positionals.isEmpty else {
                throw UsageError("unexpected argument \"\(parsed.positionals[0])\"")
            }
        } catch {
            ServiceMain.printError("vigil-notify deliveries: \(error)\nRun vigil-notify deliveries --help for the options.")
            return 2
        }
        if parsed.helpRequested {
            print("vigil-notify deliveries: \(summary.text(in: language))\n\n\(parser.help(in: language))")
            return 0
        }

        let path = parsed.value("store") ?? "vigil-notify.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            ServiceMain.printError("vigil-notify deliveries: store \(path) not found; pass the notifier's --store")
            return 1
        }
        do {
            let log = DeliveryLog(database: try Database(path: path))
            let records = try log.deliveries(status: status, limit: limit)
            if records.isEmpty {
                print(language == .chinese ? "没有推送记录。" : "No deliveries.")
            }
            for record in records {
                print(describe(record, language: language))
                if parsed.flag("attempts") {
                    for attempt in try log.attempts(alertEventId: record.alertEventId, routeId: record.routeId) {
                        print("    " + describe(attempt))
                    }
                }
            }
            return 0
        } catch {
            ServiceMain.printError("vigil-notify deliveries: cannot read \(path): \(error)")
            return 1
        }
    }

    static func describe(_ record: DeliveryRecord, language: Language) -> String {
        let chinese = language == .chinese
        var lines = [
            "\(record.createdAt.iso8601)  \(record.status.rawValue)  "
                + (chinese ? "尝试 \(record.attempts) 次" : "\(record.attempts) attempts")
                + "  \(record.kind)  \(record.target)",
            "    " + (chinese ? "路由" : "route") + " \(record.routeId)  " + (chinese ? "预警" : "alert")
                + " \(record.alertEventId)  \(record.severity)",
        ]
        if let finished = record.finishedAt {
            lines.append("    " + (chinese ? "结束于" : "finished") + " \(finished.iso8601)")
        }
        if let error = record.lastError {
            lines.append("    " + (chinese ? "最近错误" : "last error") + ": \(error)")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ attempt: DeliveryAttempt) -> String {
        var parts = ["#\(attempt.number)", attempt.attemptedAt.iso8601, "\(attempt.durationMilliseconds) ms",
                     attempt.outcome]
        if let status = attempt.httpStatus {
            parts.append("HTTP \(status)")
        }
        if let errcode = attempt.errcode {
            parts.append("errcode \(errcode)")
        }
        if let error = attempt.error {
            parts.append(error)
        }
        return parts.joined(separator: "  ")
    }
}
