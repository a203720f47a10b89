import Alerting
import Foundation
import VigilContracts
import VigilRuntime

/// `vigil rules check FILE`: validates a keyword rules file and lists every error with its position.
enum RulesCheckCommand: Subcommand {
    static let name = "rules check"
    static let summary = LocalizedText(
        chinese: "检查关键词规则文件（JSON）；有错误时逐条列出“文件:行:列: 说明”，退出码为 1",
        english: "validate a keyword rules file (JSON); lists each error as FILE:LINE:COLUMN: message and exits 1")
    static let positionalHelp = "FILE"
    static let options: [OptionSpec] = []
    static let connectsToCluster = false

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        try FileCheck.run(options, context: context, fileKind: "rules", example: "rules/default.json", check: check)
    }

    /// Checks one file and returns the exit status and the lines to print: 0 with
    /// one summary line, or 1 with one `FILE:LINE:COLUMN: message` line per error.
    /// Error messages stay English, like a compiler's, so that editors and searches find them.
    static func check(path: String, language: Language) -> (Int32, [String]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (1, ["\(path): cannot read the file: check that it exists and is readable"])
        }
        do {
            let ruleSet = try RuleSetParser.parse(bytes: Array(data))
            let count = ruleSet.rules.count
            return (0, [language == .chinese
                ? "OK：\(count) 条规则，版本 \(ruleSet.version)"
                : "OK: \(count) \(count == 1 ? "rule" : "rules"), version \(ruleSet.version)"])
        } catch {
            return (1, error.errors.map { "\(path):\($0.line):\($0.column): \($0.message)" })
        }
    }
}
