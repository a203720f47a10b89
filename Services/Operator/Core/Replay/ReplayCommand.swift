import Alerting
import Escalation
import Foundation
import Scoring
import VigilContracts
import VigilKafka
import VigilRuntime

/// `vigil replay SERVICE`: runs a service again over its input topics, in
/// isolation, and compares its output with the live output in a time range.
enum ReplayCommand: Subcommand {
    static let name = "replay"
    static let positionalHelp = "SERVICE"
    static let summary = LocalizedText(
        chinese: "重放一个服务（alerting、escalation、scoring 或 scoring-totals）：从头读取它的输入主题，"
            + "在独立的消费组和存储中重新计算，不发布任何记录，再把事件时间在 [--from, --to) 内的输出与线上输出比对；"
            + "alerting 加 --rules 即为规则回测。退出码：全部一致为 0，有差异为 1，用法错误为 2，"
            + "运行失败（连不上 broker、读取停滞、存储出错）为 3",
        english: "replay a service (alerting, escalation, scoring or scoring-totals): read its input topics "
            + "from the beginning in its own consumer group and store, publish nothing, and compare its output "
            + "with the live output for event times in [--from, --to); alerting with --rules is a rule backtest. "
            + "Exits 0 when everything matches, 1 when anything differs, 2 on usage errors and 3 when the "
            + "replay fails (broker unreachable, input stalled, store errors)")

    static let options: [OptionSpec] = [
        OptionSpec("from", valueName: "TIME",
                   help: LocalizedText(
                       chinese: "比对该事件时间（含）及之后的输出，必须带时区，如 2026-11-11T00:00+08:00；"
                           + "输入仍从头读取",
                       english: "first event time compared (inclusive), which must carry its UTC offset, such as "
                           + "2026-11-11T00:00+08:00; the input is still read from the beginning")),
        OptionSpec("to", valueName: "TIME",
                   help: LocalizedText(
                       chinese: "比对到该事件时间之前为止（不含），必须带时区，如 2026-11-12T00:00+08:00",
                       english: "event time the comparison stops before (exclusive), which must carry its UTC "
                           + "offset, such as 2026-11-12T00:00+08:00")),
        OptionSpec(AlertingSetup.rulesOption.name, valueName: "FILE",
                   help: LocalizedText(
                       chinese: "仅 alerting：候选规则文件，整个重放都使用它，忽略规则主题上的发布版本（规则回测）",
                       english: "alerting only: the candidate rules file, used for the whole replay while "
                           + "releases on the rules topic are ignored (rule backtest)")),
        OptionSpec(ReplyLimits.option.name, valueName: "FILE",
                   help: LocalizedText(chinese: "仅 alerting：线上服务使用的回复时限文件",
                                       english: "alerting only: the reply-limits file the live service runs with")),
        OptionSpec(CasePolicy.option.name, valueName: "FILE",
                   help: LocalizedText(chinese: "仅 escalation：线上服务使用的案件策略文件",
                                       english: "escalation only: the case policy file the live service runs with")),
        OptionSpec(ScoringStages.scorecardOption.name, valueName: "FILE",
                   help: LocalizedText(chinese: "仅 scoring 和 scoring-totals：线上服务使用的评分卡文件",
                                       english: "scoring and scoring-totals only: the scorecard file the live "
                                           + "service runs with")),
        OptionSpec("format", valueName: "text|json", defaultValue: "text",
                   help: LocalizedText(chinese: "报告格式：text（文本）或 json（完整、键名固定）",
                                       english: "report format: text, or json (complete, with fixed keys)")),
        OptionSpec("output", valueName: "FILE",
                   help: LocalizedText(chinese: "把报告写入该文件（覆盖），默认写到标准输出",
                                       english: "file to write the report to (replaced if it exists); "
                                           + "default: standard output")),
        OptionSpec("keep-store", valueName: "DIR",
                   help: LocalizedText(
                       chinese: "把重放的存储文件放在该目录并保留，供检查；默认使用临时目录，结束后删除",
                       english: "folder to put the replay store in and keep, for inspection; default: a temporary "
                           + "folder that is deleted at the end")),
    ]

    /// The exit status when the output matches.
    static let cleanStatus: Int32 = 0
    /// The exit status when the output differs.
    static let differsStatus: Int32 = 1
    /// The exit status when the replay failed (broker unreachable, capture
    /// stalled, store or report errors): distinct from "differs", so CI can tell them apart.
    static let failedStatus: Int32 = 3

    /// Runs the replay and returns 0 (clean), 1 (differs) or 3 (failed,
    /// with the error printed). Usage errors are thrown, for status 2.
    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let request = try ReplayRequest(options)
        do {
            return try compare(request, options: options, context: context)
        } catch let error as UsageError {
            throw error
        } catch let error as KafkaError {
            ServiceMain.printError("vigil \(name): \(error)\n"
                + "Is a broker running at \(context.configuration.bootstrapServers)? Start one with `vigil broker` "
                + "and set VIGIL_BOOTSTRAP_SERVERS (or --bootstrap-servers) to the address it prints.")
            return failedStatus
        } catch {
            ServiceMain.printError("vigil \(name): \(error)")
            return failedStatus
        }
    }

    private static func compare(_ request: ReplayRequest, options: ParsedOptions,
                                context: OperatorContext) throws -> Int32 {
        let window = ReplayWindow(from: request.from, to: request.to, catalogue: context.catalogue)

        let replay = try ReplayCapture(request: request, context: context).run(options: options, window: window)
        let live = try LiveOutputs(reader: context.scanner, window: window)
            .read(outputTopics: replay.outputTopics, sourceTopics: replay.sourceTopics,
                  serviceName: request.target.serviceName)

        let comparison = ReplayDiff.compare(live: live.records, replay: replay.selection.records)
        let backtest = request.isBacktest ? AlertBacktest(comparison: comparison) : nil
        let header = ReplayHeader(
            service: request.target.rawValue, from: request.from, to: request.to,
            liveRulesVersion: request.target == .alerting ? liveRulesVersion(live.records) : nil,
            candidateRulesVersion: replay.rulesVersion, liveWatermarks: live.watermarks,
            replayWatermarks: replay.selection.watermarks, inputRecords: replay.inputRecords,
            inputWatermarks: replay.inputWatermarks, lateInputRecords: replay.lateInputRecords)

        let report = switch request.format {
        case .text: ReplayReport.text(comparison, backtest: backtest, header: header, language: context.language)
        case .json: ReplayReport.json(comparison, backtest: backtest, header: header)
        }
        try write(report, to: request.output)
        return comparison.isClean ? cleanStatus : differsStatus
    }

    /// Returns the rules versions of the live alerts in the range, joined by
    /// ", " when several were in force, or nil when the range has no alert.
    private static func liveRulesVersion(_ records: [ReplayRecord]) -> String? {
        var versions: [String] = []
        for record in records {
            guard let alert = try? EventCoding.decodeEvent(Alert.self, from: record.value),
                  !versions.contains(alert.ruleVersion)
            else { continue }
            versions.append(alert.ruleVersion)
        }
        return versions.isEmpty ? nil : versions.sorted().joined(separator: ", ")
    }

    private static func write(_ report: String, to path: String?) throws {
        guard let path else {
            print(report, terminator: "")
            return
        }
        do {
            try Data(report.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ReportOutputError(path: path, error: error)
        }
    }
}
