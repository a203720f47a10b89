import VigilContracts
import VigilRuntime

/// A `vigil case ACTION CASE` command: it sends one ``CaseCommand`` to the case command topic.
///
/// Each action takes the shared options (``CaseActionOptions/common(note:)``)
/// and its own. The escalation service checks permissions and state, then
/// publishes the outcome as an entry on the case topic.
protocol CaseActionSubcommand: Subcommand {
    static var action: CaseAction { get }
    /// The help of `--note` for this action, stating whether it is required.
    static var noteHelp: LocalizedText { get }
    /// The options only this action takes.
    static var actionOptions: [OptionSpec] { get }
}

extension CaseActionSubcommand {
    static var name: String { "case \(action.rawValue)" }
    static var positionalHelp: String { "CASE" }
    static var options: [OptionSpec] { CaseActionOptions.common(note: noteHelp) + actionOptions }
    static var actionOptions: [OptionSpec] { [] }
    static var noteHelp: LocalizedText {
        LocalizedText(chinese: "附言，记入时间线（可选）", english: "a remark for the timeline (optional)")
    }

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let (status, lines) = try CaseCommandSubmission.submit(action, options: options, context: context)
        for line in lines {
            if status == 0 {
                print(line)
            } else {
                ServiceMain.printError(line)
            }
        }
        return status
    }
}

/// The options of the case action commands.
enum CaseActionOptions {
    static func common(note: LocalizedText) -> [OptionSpec] {
        [
            OptionSpec("actor", environment: "VIGIL_ACTOR", valueName: "ID",
                       help: LocalizedText(chinese: "操作人的花名册 ID（必填）", english: "your roster id (required)")),
            OptionSpec("at", valueName: "TIME", help: LocalizedText(
                chinese: "操作时间，必须带时区，如 2026-11-11T09:00+08:00；默认取本机时钟的当前时间",
                english: "when you act, with its UTC offset, such as 2026-11-11T09:00+08:00; "
                    + "default: now by this computer's clock")),
            OptionSpec("command-id", valueName: "ID", help: LocalizedText(
                chinese: "命令 ID，默认新生成；重试时沿用上次打印的 ID，命令只会执行一次",
                english: "the command id, new by default; reuse the printed id to retry, and the command "
                    + "is applied once")),
            OptionSpec("note", valueName: "TEXT", help: note),
            OptionSpec("wait", valueName: "SECONDS", help: LocalizedText(
                chinese: "等待升级服务处理该命令（最多等这么多秒），并打印结果；命令被拒绝或超时未处理时退出码为 1",
                english: "wait up to this many seconds for the escalation service to apply the command and "
                    + "print the result; exit status 1 when it is rejected or has no result in time")),
        ]
    }

    static let assignee = OptionSpec("assignee", valueName: "ID", help: LocalizedText(
        chinese: "接手人的花名册 ID（必填）", english: "roster id of the person who takes the case (required)"))

    static let target = OptionSpec("to", valueName: "TARGET", help: LocalizedText(
        chinese: "顾客投诉到了哪里（必填）：platform（平台）或 regulator（12315、市场监管、消协）",
        english: "where the customer complained (required): platform, or regulator (12315, the market "
            + "regulator, a consumer association)"))

    static let cause = OptionSpec("cause", valueName: "CAUSE", help: LocalizedText(
        chinese: "原因（必填）：unprofessional（处理不专业）、process-not-followed（未按流程处理）、"
            + "slow-response（回复太慢），这三种由客服负主要责任、主管和经理负连带责任；"
            + "或 product（商品问题）、logistics（物流或退换货）、other（其他）",
        english: "the cause (required): unprofessional, process-not-followed or slow-response, for which "
            + "the agent is primarily and the supervisor and manager jointly responsible; or product, "
            + "logistics, other"))

    static let step = OptionSpec("step", valueName: "TEXT", repeatable: true, help: LocalizedText(
        chinese: "复盘的处理过程，每步一条，按顺序重复使用（至少一条）",
        english: "one step of how the case was handled, in order; repeat for each step (at least one)"))

    static let training = OptionSpec("training", valueName: "TEXT", repeatable: true, help: LocalizedText(
        chinese: "复盘决定的培训措施，每项一条（可重复，可不填）",
        english: "a training action the review decided; repeat for each (optional)"))

    static let plan = OptionSpec("plan", valueName: "TEXT", help: LocalizedText(
        chinese: "整改方案内容（必填）", english: "the rectification plan (required)"))

    static let due = OptionSpec("due", valueName: "TIME", help: LocalizedText(
        chinese: "整改完成时间（必填），必须带时区，如 2026-11-20T18:00+08:00",
        english: "when the plan will have been carried out (required), with its UTC offset, "
            + "such as 2026-11-20T18:00+08:00"))
}
