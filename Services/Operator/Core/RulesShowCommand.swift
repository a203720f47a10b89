import Alerting
import VigilContracts
import VigilRuntime

/// `vigil rules show`: the rules release in force on the rules topic.
enum RulesShowCommand: Subcommand {
    static let name = "rules show"
    static let summary = LocalizedText(
        chinese: "显示规则主题上正在使用的规则：版本、规则列表、发布时间和发布人",
        english: "show the rules in force on the rules topic: version, rules, when and by whom published")
    static let options: [OptionSpec] = [
        .flag("text", help: LocalizedText(chinese: "原样输出发布的规则文件（可重定向保存）",
                                          english: "print the published rules file as it was pushed (to save it)")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        guard let release = try context.latestRuleSetRelease() else {
            print(context.text(
                "规则主题 \(context.catalogue.rules.name) 上还没有发布过规则；用 vigil rules push 文件 发布。",
                "No rules have been published on \(context.catalogue.rules.name) yet; publish a file with vigil rules push FILE."))
            return 0
        }
        if options.flag("text") {
            print(release.rules, terminator: release.rules.hasSuffix("\n") ? "" : "\n")
            return 0
        }
        print(describe(release, language: context.language).joined(separator: "\n"))
        return 0
    }

    /// Returns the lines that describe a release: its facts, then one table row per rule.
    /// A release whose text no longer parses is shown with its errors instead of rules.
    static func describe(_ release: RuleSetRelease, language: Language) -> [String] {
        let chinese = language == .chinese
        var lines = chinese
            ? ["版本：\(release.version)",
               "规则数：\(release.ruleCount)",
               "发布时间：\(release.publishedAt.iso8601)",
               "发布人：\(release.publishedBy ?? "（未记录）")",
               "事件 ID：\(release.eventId)"]
            : ["Version: \(release.version)",
               "Rules: \(release.ruleCount)",
               "Published at: \(release.publishedAt.iso8601)",
               "Published by: \(release.publishedBy ?? "(not recorded)")",
               "Event id: \(release.eventId)"]
        lines.append("")

        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetParser.parse(text: release.rules)
        } catch {
            lines.append(chinese ? "该版本的规则文件无法通过校验：" : "The published file does not pass the check:")
            lines += error.errors.map { "  \($0.line):\($0.column): \($0.message)" }
            return lines
        }
        var table = TextTable(headers: chinese ? ["规则", "类别", "级别", "读取", "标题"]
                                               : ["rule", "category", "severity", "speaker", "title"])
        for rule in ruleSet.rules {
            table.append([rule.id, rule.category.rawValue, rule.severity.rawValue, rule.speaker.rawValue,
                          rule.title.text(in: language)])
        }
        lines.append(table.render())
        return lines
    }
}
