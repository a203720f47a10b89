import Foundation
import VigilContracts
import VigilRuntime

/// The options of `vigil offsets reset`, checked.
struct OffsetsResetRequest {
    var group: String
    /// The time every partition moves to.
    var time: Timestamp
    /// The topics named with `--topic`, as written; empty means every topic
    /// the group has committed offsets for.
    var topics: [String]
    /// False for a dry run.
    var execute: Bool

    init(_ options: ParsedOptions) throws {
        guard let group = options.positionals.first, !group.isEmpty else {
            throw UsageError("missing GROUP: name the consumer group to reset, such as vigil-alerting")
        }
        if let extra = options.positionals.dropFirst().first {
            throw UsageError("unexpected argument \"\(extra)\": offsets reset takes one group")
        }
        guard let text = options.value("to-datetime") else {
            throw UsageError("missing --to-datetime: give the time to move the group to, such as 2026-11-11T09:00+08:00")
        }
        self.group = group
        time = try TimeOption.parse(text, option: "to-datetime")
        topics = options.values("topic")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        execute = options.flag("execute")
    }
}
