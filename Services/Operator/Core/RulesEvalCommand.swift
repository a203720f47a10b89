import Alerting
import Foundation
import VigilContracts
import VigilRuntime

/// `vigil rules eval`: measures a rules file on the shared chat data (see
/// ``DetectionEvaluation``) and prints the tables. It is an engineer tool, so
/// its output is English regardless of `--lang`.
enum RulesEvalCommand: Subcommand {
    static let name = "rules eval"
    static let summary = LocalizedText(
        chinese: "在标注的真实对话上评估规则文件：各类别的精确率和召回率，以及京东对话上的误报率",
        english: "measure a rules file on the labelled chats: precision and recall per category, false alerts on the JD chats")
    static let connectsToCluster = false
    static let options: [OptionSpec] = [
        OptionSpec("rules", valueName: "FILE", defaultValue: "rules/default.json",
                   help: LocalizedText(chinese: "规则文件", english: "the rules file")),
        OptionSpec("data", valueName: "DIR", defaultValue: "../shared/data",
                   help: LocalizedText(chinese: "数据目录（chats-waimai、labels-waimai、chats-jd）",
                                       english: "the data folder (chats-waimai, labels-waimai, chats-jd)")),
        OptionSpec("markdown", valueName: "FILE",
                   help: LocalizedText(chinese: "把 Markdown 表格写入该文件（docs/EVALUATION.md 的标记之间，或整个文件）",
                                       english: "write the Markdown tables to FILE (between the markers of docs/EVALUATION.md, or the whole file)")),
        OptionSpec("json", valueName: "FILE",
                   help: LocalizedText(chinese: "把完整结果（含全部示例）写成 JSON", english: "write the full result, every example included, as JSON")),
        .flag("verbose", help: LocalizedText(chinese: "列出误判、标注外和客服消息的预警以及京东预警，供人工复核",
                                             english: "list mismatches, alerts outside the labels, agent alerts and JD alerts for review")),
    ]

    /// The markers in a Markdown file between which `--markdown` replaces the tables.
    static let beginMarker = "<!-- rules-eval:begin -->"
    static let endMarker = "<!-- rules-eval:end -->"

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let rulesPath = options.value("rules") ?? "rules/default.json"
        let folder = URL(fileURLWithPath: options.value("data") ?? "../shared/data")

        guard let data = FileManager.default.contents(atPath: rulesPath) else {
            throw UsageError("cannot read the rules file \(rulesPath)")
        }
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetParser.parse(bytes: Array(data))
        } catch {
            ServiceMain.printError(error.errors.map { "\(rulesPath):\($0.line):\($0.column): \($0.message)" }
                .joined(separator: "\n"))
            return 1
        }
        let evaluation = try DetectionEvaluation.run(
            ruleSet: try CompiledRuleSet(ruleSet, normalizer: try TextNormalizer()), folder: folder)

        print(evaluation.text(verbose: options.flag("verbose")))
        if let path = options.value("markdown") {
            try writeMarkdown(evaluation.markdown(), to: path)
        }
        if let path = options.value("json") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(evaluation).write(to: URL(fileURLWithPath: path))
        }
        return evaluation.unmetTargets.isEmpty ? 0 : 1
    }

    /// Replaces the text between the markers of an existing file, or writes the whole file.
    static func writeMarkdown(_ tables: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        if let existing = try? String(contentsOf: url, encoding: .utf8),
           let begin = existing.range(of: beginMarker), let end = existing.range(of: endMarker),
           begin.upperBound <= end.lowerBound {
            let updated = existing[..<begin.upperBound] + "\n" + tables + existing[end.lowerBound...]
            try Data(updated.utf8).write(to: url)
        } else {
            try Data(tables.utf8).write(to: url)
        }
    }
}
