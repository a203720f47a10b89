import VigilContracts
import VigilRuntime

/// `vigil alerts watch`: the earlier name of ``TailAlertsCommand``, kept for scripts.
///
/// It takes the tail's options and two of its own: `--group` resumes from
/// and commits to a consumer group (so `vigil lag` can wait for the watcher),
/// and `--from-beginning` starts at the oldest alert when the group has no
/// offset. Every watcher receives every alert, because a group no longer
/// shares the partitions out.
enum AlertsWatchCommand: Subcommand {
    static let name = "alerts watch"
    static let summary = LocalizedText(chinese: "同 vigil tail alerts（旧名称，保留给脚本使用）",
                                       english: "the same as vigil tail alerts (its former name, kept for scripts)")
    static let options: [OptionSpec] = TailAlertsCommand.options + [
        OptionSpec("group", environment: "VIGIL_CONSOLE_GROUP", valueName: "GROUP",
                   help: LocalizedText(
                       chinese: "消费组：从该组已提交的位置继续，并提交读取进度，供 vigil lag 查看",
                       english: "consumer group: resume from its committed offsets and commit progress for vigil lag")),
        .flag("from-beginning",
              help: LocalizedText(chinese: "从最早的预警开始（消费组已有位置时从该位置继续）",
                                  english: "start from the oldest alert (or the group's committed offset, if any)")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let (tail, zone) = try TailAlertsCommand.makeTail(options, context: context, group: options.value("group"),
                                                          fromBeginning: options.flag("from-beginning"))
        try TailAlertsCommand.follow(tail, zone: zone, context: context)
        return 0
    }
}
