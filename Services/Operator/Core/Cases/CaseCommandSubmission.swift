import Foundation
import VigilContracts
import VigilKafka
import VigilRuntime

/// Builds a ``CaseCommand`` from a command line, finds its case, publishes
/// it and, with `--wait`, reports what the escalation service made of it.
enum CaseCommandSubmission {
    /// How long the broker may take to confirm the command before sending fails.
    static let deliveryTimeoutMilliseconds = 30_000
    /// The longest `--wait` accepted: an hour.
    static let longestWaitSeconds = 3_600

    /// Returns the exit status and the lines to print (standard output for 0,
    /// standard error otherwise). Usage errors are thrown before the broker is contacted.
    static func submit(_ action: CaseAction, options: ParsedOptions, context: OperatorContext,
                       now: Timestamp = RulesPushCommand.localNow(),
                       newCommandId: () -> String = { UUID().uuidString.lowercased() }) throws -> (Int32, [String]) {
        var command = try makeCommand(action, options: options, now: now, newCommandId: newCommandId)
        let waitSeconds = try parseWait(options.value("wait"))

        // The watch takes its offsets before anything is read or sent, so the
        // outcome of the command cannot arrive before them.
        let watch = try waitSeconds.map { _ in try CaseOutcomeWatch(context: context) }
        defer { watch?.close() }

        guard let file = try context.readCases().file(command.caseId) else {
            return (1, [context.unknownCaseMessage(command.caseId)])
        }
        command.shop = file.thread.shop
        command.buyer = file.thread.buyer
        try publish(command, context: context)

        let action = command.action.rawValue
        let sent = [context.text("命令 ID：\(command.commandId)（\(action)）", "Command id: \(command.commandId) (\(action))"),
                    context.text("已发送；用 `vigil case show \(command.caseId)` 查看结果。",
                                 "Sent; `vigil case show \(command.caseId)` shows the result.")]
        guard let waitSeconds, let watch else { return (0, sent) }

        // A retry of a command already applied finds its outcome on the timeline.
        let earlier = file.timeline.first { $0.isOutcome(of: command) }
        guard let outcome = try earlier ?? watch.wait(for: command, seconds: waitSeconds, shutdown: context.shutdown) else {
            let hostTime = options.value("at") == nil
                ? [context.text("没有写 --at，命令时间取本机当前时间 \(command.issuedAt.iso8601)；把事件时间声明到这一刻，"
                                    + "此前所有案件的期限都会随之触发。",
                                "Without --at the command carries this host's time, \(command.issuedAt.iso8601); declaring "
                                    + "event time up to it fires every case deadline before it.")]
                : []
            return (1, sent + hostTime + [context.text(
                "\(waitSeconds) 秒内没有处理结果。命令在事件时间越过 \(command.issuedAt.iso8601) 后的下一轮水位生效："
                    + "实时接入每隔几秒推进一轮；批量导入之后没有新水位，请用 `vigil clock --to TIME` 声明时间（须晚于此前声明过的时间）。"
                    + "升级服务也可能没有运行或处理滞后（用 `vigil lag` 查看）。"
                    + "命令已发送，稍后用 `vigil case show \(command.caseId)` 查看。",
                "No result within \(waitSeconds) s. A command takes effect at the first watermark round after event "
                    + "time passes \(command.issuedAt.iso8601): live ingestion writes one every few seconds, but "
                    + "after a batch import nothing does, so declare the time with `vigil clock --to TIME` (later than any "
                    + "time declared before). "
                    + "The escalation service may also be down or behind (see `vigil lag`). "
                    + "The command was sent; check later with `vigil case show \(command.caseId)`.")])
        }
        let entry = CaseShowCommand.entryLine(outcome, zone: 8 * 3600, language: context.language)
        if outcome.type == .commandRejected {
            return (1, sent + [context.text("被拒绝：", "Rejected: ") + entry])
        }
        return (0, sent + [context.text("已执行：", "Applied: ") + entry])
    }

    // MARK: - Building

    /// Reads the command line into a command whose shop and buyer are still
    /// empty, with personal numbers masked in its texts.
    static func makeCommand(_ action: CaseAction, options: ParsedOptions, now: Timestamp,
                            newCommandId: () -> String) throws -> CaseCommand {
        guard let caseId = options.positionals.first else {
            throw UsageError("missing case id: name one, such as case-3f2a9c01 (see vigil case list)")
        }
        guard options.positionals.count == 1 else {
            throw UsageError("expected one case id, found \(options.positionals.count) arguments")
        }
        guard let actor = nonEmpty(options.value("actor")) else {
            throw UsageError("missing --actor: give your roster id, or set VIGIL_ACTOR")
        }
        // Without --at the command carries the host's time in whole seconds at
        // +08:00, so timeline texts read like the rest of the case.
        let defaultTime = Timestamp(epochMilliseconds: now.epochMilliseconds / 1_000 * 1_000,
                                    utcOffsetSeconds: try TimeOption.parseZone(nil))
        let issuedAt = try options.value("at").map { try TimeOption.parse($0, option: "at") } ?? defaultTime
        let dueAt = try options.value("due").map { try TimeOption.parse($0, option: "due") }
        let target = try options.value("to").map { text in
            guard let target = EscalationTarget(rawValue: text) else {
                throw UsageError("invalid value \"\(text)\" for --to: expected platform or regulator")
            }
            return target
        }
        let cause = try options.value("cause").map { text in
            guard let cause = CaseCause(rawValue: text) else {
                let names = CaseCause.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("invalid value \"\(text)\" for --cause: expected one of \(names)")
            }
            return cause
        }
        let steps = options.values("step").filter { !$0.isEmpty }
        let training = options.values("training").filter { !$0.isEmpty }

        let command = CaseCommand(
            commandId: nonEmpty(options.value("command-id")) ?? newCommandId(), caseId: caseId, shop: "", buyer: "",
            action: action, actor: actor, issuedAt: issuedAt, note: nonEmpty(options.value("note")),
            assignee: nonEmpty(options.value("assignee")), escalateTo: target, classification: cause,
            plan: nonEmpty(options.value("plan")), dueAt: dueAt, steps: steps.isEmpty ? nil : steps,
            trainingActions: training.isEmpty ? nil : training)
        if let problem = command.argumentError {
            throw UsageError(optionNames(in: problem))
        }
        // No store or report needs a number typed into a note, so it never reaches the topic.
        return command.masked(by: PersonalDataMasker())
    }

    /// Names the options instead of the fields in an argument error.
    private static func optionNames(in message: String) -> String {
        let options = ["assignee": "--assignee", "note": "--note", "steps": "--step", "escalateTo": "--to",
                       "classification": "--cause", "plan": "--plan", "dueAt": "--due"]
        var message = message
        for (field, option) in options {
            message = message.replacingOccurrences(of: "\"\(field)\"", with: option)
        }
        return message
    }

    private static func nonEmpty(_ text: String?) -> String? {
        text.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func parseWait(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let seconds = Int(text), (1...longestWaitSeconds).contains(seconds) else {
            throw UsageError("invalid value \"\(text)\" for --wait: expected seconds from 1 to \(longestWaitSeconds)")
        }
        return seconds
    }

    // MARK: - Publishing

    /// Sends the command keyed by its thread with the idempotent producer and
    /// waits for the broker's acknowledgement.
    static func publish(_ command: CaseCommand, context: OperatorContext) throws {
        var properties = context.configuration.clientProperties
        if properties["message.timeout.ms"] == nil {
            properties["message.timeout.ms"] = String(deliveryTimeoutMilliseconds)
        }
        let producer = try KafkaProducer(properties: properties, logger: context.logger)
        let topic = context.catalogue.caseCommands
        _ = try TopicCheck.require([topic], on: producer)

        try EventDelivery.send(
            [try EventDelivery.record(command, topic: topic)], with: producer, shutdown: context.shutdown,
            stoppedMessage: "stopped before the broker confirmed the command; run it again with "
                + "--command-id \(command.commandId) to make sure it arrives once")
    }
}
