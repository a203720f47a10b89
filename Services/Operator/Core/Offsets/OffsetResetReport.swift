import VigilContracts

/// The texts `vigil offsets reset` prints, in Simplified Chinese or English.
struct OffsetResetReport {
    var plan: OffsetResetPlan
    var language: Language

    private var chinese: Bool { language == .chinese }

    // MARK: - Plan

    /// The heading, the table and the notes that explain it.
    func planText() -> String {
        let heading = chinese
            ? "消费组 \(plan.group) 重置到 \(plan.time.iso8601)：每个分区中第一条时间戳不早于该时间的记录"
            : "Reset of consumer group \(plan.group) to \(plan.time.iso8601): each partition's first record "
                + "with a timestamp at or after that time"
        var lines = [heading, "", table(), ""]
        lines.append(chinese
            ? "差值 = 新位置 − 当前位置：负数为该组将重读的记录数，正数为将跳过的记录数；当前位置为 - 表示该分区没有已提交的位置。"
            : "difference = new offset − committed offset: negative is the number of records the group will read "
                + "again, positive the number it will skip; - means the partition has no committed offset.")
        if plan.scannedPartitions > 0 {
            lines.append(chinese
                ? "Broker 没有给出 \(plan.scannedPartitions) 个分区在该时间的位置，已逐条读取这些分区找到新位置。"
                : "The broker named no offset for the time on \(plan.scannedPartitions) partitions, so they were read "
                    + "record by record to find it.")
        }
        if plan.group.hasPrefix("vigil-") {
            lines.append(serviceNote())
        }
        return lines.joined(separator: "\n")
    }

    /// The table of partitions: topic, partition, committed offset, new offset, difference.
    func table() -> String {
        let headers = chinese
            ? ["主题", "分区", "当前位置", "新位置", "差值"]
            : ["topic", "partition", "committed", "new offset", "difference"]
        var table = TextTable(headers: headers, rightAligned: [1, 2, 3, 4])
        for row in plan.rows {
            table.append([
                row.partition.topic, String(row.partition.partition),
                row.committed.map(String.init) ?? "-", String(row.target),
                row.difference.map { $0 > 0 ? "+\($0)" : String($0) } ?? "-",
            ])
        }
        return table.render()
    }

    /// What the reset means for Vigil's own services, whose groups are named vigil-….
    func serviceNote() -> String {
        chinese
            ? "注意：Vigil 的服务不从消费组位置开始读取。服务从自己 SQLite 存储中的位置继续；存储中没有某分区的位置时"
                + "（例如换了新存储），从该分区最早的记录重新构建。消费组位置只影响 vigil lag 的积压数字，以及读取 Vigil "
                + "主题的其他消费者（例如品牌的数据仓库导入程序）。服务运行时会把存储中的位置提交到消费组，覆盖这次重置。"
            : "Note: Vigil's services do not start from the group's offsets. A service continues from the offsets in its "
                + "SQLite store, and rebuilds a partition from its earliest record when the store has no offset for it "
                + "(such as with a new store). The group's offsets only change the lag that vigil lag reports and "
                + "where other consumers of Vigil topics start (such as a brand's warehouse loader). A running service "
                + "commits its store's offsets to the group, which replaces this reset."
    }

    // MARK: - Outcomes

    /// The closing line of a dry run.
    func dryRunText() -> String {
        chinese
            ? "试运行：没有提交任何位置。确认无误后加 --execute 提交（须先停止该消费组的所有消费者）。"
            : "Dry run: nothing was committed. Add --execute to commit these offsets (after stopping every consumer "
                + "of the group)."
    }

    /// The closing line once the offsets are committed.
    func committedText() -> String {
        chinese
            ? "已为消费组 \(plan.group) 提交 \(plan.rows.count) 个分区的新位置。"
            : "Committed the new offsets of \(plan.rows.count) partitions for consumer group \(plan.group)."
    }

    /// The error when the group still has members. `reason` is the group
    /// state when `members` is known, else the broker's error.
    func refusalText(members: Int?, reason: String) -> String {
        if let members {
            return chinese
                ? "拒绝执行：消费组 \(plan.group) 还有 \(members) 个在线成员（状态 \(reason)），没有提交任何位置。"
                    + "先停止这些消费者，再重新运行。"
                : "Refused: consumer group \(plan.group) has \(members) live members (state \(reason)), so nothing was "
                    + "committed. Stop them and run the command again."
        }
        return chinese
            ? "拒绝执行：Broker 拒绝了来自组外的提交（\(reason)），即消费组 \(plan.group) 还有在线成员，没有提交任何位置。"
                + "该 Broker 不支持查询消费组成员（ListGroups、DescribeGroups），无法给出成员数。先停止该组的所有消费者，再重新运行。"
                + "librdkafka 的嵌入式 Broker（vigil broker）在有消费者加入过该组之后会一直拒绝，只能重启 Broker。"
            : "Refused: the broker rejected the commit from outside the group (\(reason)), which means consumer group "
                + "\(plan.group) has live members, so nothing was committed. This broker does not support "
                + "ListGroups and DescribeGroups, so the number of members is unknown. Stop every consumer of the group and run the "
                + "command again. librdkafka's embedded broker (vigil broker) keeps rejecting it once any consumer has "
                + "joined the group, until the broker restarts."
    }
}
