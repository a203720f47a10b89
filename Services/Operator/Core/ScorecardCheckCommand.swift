import VigilContracts
import VigilRuntime
import VigilScoring

/// `vigil scorecard check FILE`: validates a scorecard file without any
/// service or broker and lists every error with its position.
enum ScorecardCheckCommand: Subcommand {
    static let name = "scorecard check"
    static let summary = LocalizedText(
        chinese: "检查评分卡文件（JSON），不需要启动任何服务；有错误时逐条列出“文件:行:列: 说明”，退出码为 1",
        english: "validate a scorecard file (JSON) without any service running; lists each error as "
            + "FILE:LINE:COLUMN: message and exits 1")
    static let positionalHelp = "FILE"
    static let options: [OptionSpec] = []
    static let connectsToCluster = false

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        try FileCheck.run(options, context: context, fileKind: "scorecard", example: "scorecards/default.json", check: check)
    }

    /// Checks one file and returns the exit status and the lines to print: 0
    /// with one summary line, or 1 with one `FILE:LINE:COLUMN: message` line
    /// per problem (`FILE: message` when the file cannot be read). Error
    /// messages stay English, like a compiler's, so that editors and searches find them.
    static func check(path: String, language: Language) -> (Int32, [String]) {
        do {
            let scorecard = try Scorecard.load(path: path)
            let zone = ReportText.offsetText(scorecard.zoneOffsetSeconds)
            let items = scorecard.items.count
            let critical = scorecard.criticalItems.count
            let campaigns = scorecard.campaigns.count
            return (0, [language == .chinese
                ? "OK：评分卡 \(scorecard.version)，\(items) 个考核项、\(critical) 个一票否决项、\(campaigns) 个大促，时区 \(zone)"
                : "OK: scorecard \(scorecard.version), \(counted(items, "item")), \(counted(critical, "critical item")), "
                    + "\(counted(campaigns, "campaign")), zone \(zone)"])
        } catch {
            return (1, error.description.split(separator: "\n").map(String.init))
        }
    }

    /// "1 item", "6 items".
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
