import VigilContracts
import VigilRuntime

/// `vigil offsets reset GROUP --to-datetime TIME`: moves a consumer group's
/// committed offsets to a time, as a dry run unless `--execute` is given.
enum OffsetsResetCommand: Subcommand {
    static let name = "offsets reset"
    static let positionalHelp = "GROUP"
    static let summary = LocalizedText(
        chinese: "把消费组的已提交位置改到某一时间（每个分区中第一条时间戳不早于该时间的记录）；默认试运行，只打印计划，"
            + "加 --execute 才提交，组内还有在线成员时拒绝。Vigil 服务不从消费组位置开始读取：它们从自己 SQLite 存储中的"
            + "位置继续，存储中没有某分区的位置时从该分区最早的记录重建；消费组位置只影响 vigil lag 和读取 Vigil 主题的"
            + "其他消费者（如数据仓库导入程序）",
        english: "move a consumer group's committed offsets to a time (each partition's first record with a timestamp "
            + "at or after it); a dry run prints the plan, --execute commits it and is refused while the group has "
            + "live members. Vigil's services never start from group offsets: they continue from the offsets in their "
            + "SQLite stores and rebuild a partition from its earliest record when the store has none; group offsets "
            + "only matter to vigil lag and to other consumers of Vigil topics (such as a warehouse loader)")

    static let options: [OptionSpec] = [
        OptionSpec("to-datetime", valueName: "TIME",
                   help: LocalizedText(
                       chinese: "目标时间（必填），必须带时区，如 2026-11-11T09:00+08:00",
                       english: "the time to move to (required), with its UTC offset, such as 2026-11-11T09:00+08:00")),
        OptionSpec("topic", valueName: "TOPIC", repeatable: true,
                   help: LocalizedText(
                       chinese: "只重置这些主题（可重复或用逗号分隔；完整主题名或目录中的基本名，如 alerts）；"
                           + "默认为该组已提交过位置的所有主题",
                       english: "reset only these topics (repeatable or comma-separated; full names or catalogue base "
                           + "names such as alerts); default: every topic the group has committed offsets for")),
        .flag("execute", help: LocalizedText(
            chinese: "提交新位置（默认只试运行）；组内还有在线成员时拒绝，退出码为 1",
            english: "commit the new offsets (default: dry run); refused with exit status 1 while the group has live members")),
    ]

    /// The command's output texts and exit status.
    struct Result {
        var output: String
        /// The refusal, for standard error; nil when there is none.
        var error: String?
        var status: Int32
    }

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let result = try reset(options, context: context)
        print(result.output)
        if let error = result.error {
            ServiceMain.printError("vigil offsets reset: \(error)")
        }
        return result.status
    }

    /// Plans the reset, commits it with `--execute`, and returns the texts to print.
    static func reset(_ options: ParsedOptions, context: OperatorContext) throws -> Result {
        let request = try OffsetsResetRequest(options)
        let properties = context.configuration.clientProperties
        let planner = OffsetResetPlanner(request: request, catalogue: context.catalogue, properties: properties,
                                         logger: context.logger, shutdown: context.shutdown)
        let plan = try planner.plan()
        let report = OffsetResetReport(plan: plan, language: context.language)

        guard request.execute else {
            return Result(output: report.planText() + "\n" + report.dryRunText(), error: nil, status: 0)
        }
        let committer = OffsetResetCommitter(properties: properties, logger: context.logger)
        switch try committer.commit(plan) {
        case .committed:
            return Result(output: report.planText() + "\n" + report.committedText(), error: nil, status: 0)
        case .refused(let members, let reason):
            return Result(output: report.planText(), error: report.refusalText(members: members, reason: reason),
                          status: 1)
        }
    }
}
