import VigilContracts
import VigilRuntime

/// `vigil cases list`: the earlier name of ``CaseListCommand``, kept for scripts.
enum CasesListCommand: Subcommand {
    static let name = "cases list"
    static let summary = LocalizedText(chinese: "同 vigil case list（旧名称，保留给脚本使用）",
                                       english: "the same as vigil case list (its former name, kept for scripts)")
    static let options = CaseListCommand.options

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        try CaseListCommand.run(options, context: context)
    }
}
