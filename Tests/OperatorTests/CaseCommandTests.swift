import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
@testable import Operator

/// Returns the time "HH:MM" on 2026-11-11 at +08:00.
private func time(_ clock: String) -> Timestamp {
    TimestampFormat.parse("2026-11-11T\(clock):00+08:00")!
}

/// Returns a case entry on thread `shop/<buyer>` with the scope every entry carries.
private func entry(_ type: CaseEventType, case caseId: String = "case-a", buyer: String = "b1", at clock: String,
                   state: CaseState?, team: String = "T1", text: String = "entry",
                   _ configure: (inout CaseEvent) -> Void = { _ in }) -> CaseEvent {
    var event = CaseEvent(eventId: "case/\(caseId)/\(type.rawValue)/\(clock)", caseId: caseId, type: type,
                          shop: "shop", buyer: buyer, conversationId: "conv-\(buyer)", agent: "A-1", alertId: nil,
                          complaintId: nil, complaintChannel: nil, occurredAt: time(clock),
                          text: LocalizedText(chinese: "中文：\(text)", english: "EN: \(text)"))
    event.team = team
    event.site = "hz"
    event.vendor = "V1"
    event.state = state
    event.severity = .high
    configure(&event)
    return event
}

/// Returns an opened case whose acknowledgement is due 30 minutes later.
private func opened(case caseId: String = "case-a", buyer: String = "b1", at clock: String = "09:00",
                    team: String = "T1") -> CaseEvent {
    entry(.opened, case: caseId, buyer: buyer, at: clock, state: .open, team: team, text: "opened") {
        $0.alertId = "alert/\(caseId)"
        $0.deadline = .acknowledge
        $0.dueAt = Timestamp(epochMilliseconds: time(clock).epochMilliseconds + 30 * 60_000,
                             utcOffsetSeconds: 8 * 3600)
    }
}

/// Waits on another thread for the first command on the command topic, then
/// publishes the case entry `answer` builds from it, as the escalation service does.
private func answerFirstCommand(harness: OperatorHarness,
                                answer: @escaping @Sendable (CaseCommand) -> CaseEvent) {
    let bootstrap = harness.broker.bootstrapServers
    let catalogue = harness.catalogue
    let logger = harness.logger
    Thread.detachNewThread {
        let reader = TopicReader(properties: ["bootstrap.servers": bootstrap], logger: logger)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            guard let command = (try? reader.events(CaseCommand.self, of: catalogue.caseCommands))?.events.first else {
                Thread.sleep(forTimeInterval: 0.1)
                continue
            }
            let event = answer(command)
            guard let producer = try? KafkaProducer(properties: ["bootstrap.servers": bootstrap], logger: logger),
                  let value = try? EventCoding.encode(event) else { return }
            let record = OutgoingRecord(topic: catalogue.caseEvents.name, key: Array(event.thread.recordKey.utf8),
                                        value: value, timestampMilliseconds: event.occurredAt.epochMilliseconds)
            try? producer.send(record, tag: 0)
            while (try? producer.poll(timeoutMilliseconds: 100))?.isEmpty ?? false {}
            return
        }
    }
}

@Suite("vigil case actions", .serialized)
struct CaseActionCommandTests {
    @Test("commands are registered")
    func registered() {
        let names = Set(OperatorCommand.subcommands.map { $0.name })
        let expected = ["case show", "case list", "cases list"] + CaseAction.allCases.map { "case \($0.rawValue)" }
        #expect(Set(expected).isSubset(of: names))
    }

    @Test("assign published by thread")
    func publishesAssign() throws {
        let harness = try OperatorHarness()
        try harness.produce([opened()], to: harness.catalogue.caseEvents)
        let options = try harness.options(CaseAssignCommand.self, [
            "case-a", "--actor", "S-01", "--assignee", "M-01", "--at", "2026-11-11T09:10+08:00",
            "--command-id", "cmd-1", "--note", "over to you",
        ])
        let context = try harness.context(CaseAssignCommand.self)

        let (status, lines) = try CaseCommandSubmission.submit(.assign, options: options, context: context)

        #expect(status == 0)
        #expect(lines == ["Command id: cmd-1 (assign)", "Sent; `vigil case show case-a` shows the result."])
        let records = try harness.reader.records(of: harness.catalogue.caseCommands)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.keyString == "shop/b1")
        #expect(record.header(EventHeaders.eventId) == "case-command/cmd-1")
        #expect(record.header(EventHeaders.schema) == "case-command/1")
        let command = try RecordDecoding.decode(CaseCommand.self, from: record.value)
        #expect(command.caseId == "case-a")
        #expect(command.thread == ThreadKey(shop: "shop", buyer: "b1"))
        #expect(command.action == .assign)
        #expect(command.actor == "S-01")
        #expect(command.assignee == "M-01")
        #expect(command.note == "over to you")
        #expect(command.issuedAt.iso8601 == "2026-11-11T09:10:00+08:00")
    }

    @Test("review built from options")
    func buildsReview() throws {
        let harness = try OperatorHarness()
        let options = try harness.options(CaseReviewCommand.self, [
            "case-a", "--note", "too slow", "--step", "alert at 09:00", "--step", "no reply until 10:00",
            "--training", "reply drill",
        ], environment: ["VIGIL_ACTOR": "M-01"])

        let command = try CaseCommandSubmission.makeCommand(.review, options: options, now: time("11:00"),
                                                            newCommandId: { "fresh" })

        #expect(command.actor == "M-01")
        #expect(command.commandId == "fresh")
        #expect(command.issuedAt == time("11:00"))
        #expect(command.steps == ["alert at 09:00", "no reply until 10:00"])
        #expect(command.trainingActions == ["reply drill"])
        #expect(command.note == "too slow")
    }

    @Test("numbers typed into a command are masked before it is sent")
    func numbersMasked() throws {
        let harness = try OperatorHarness()
        let options = try harness.options(CaseReviewCommand.self, [
            "case-a", "--note", "客户 15167328840 未回电", "--step", "核对身份证32010619851123017X",
            "--training", "不要索要卡号 6217 0012 3456 7890 122",
        ], environment: ["VIGIL_ACTOR": "M-01"])

        let command = try CaseCommandSubmission.makeCommand(.review, options: options, now: time("11:00"),
                                                            newCommandId: { "fresh" })

        #expect(command.note == "客户 151****8840 未回电")
        #expect(command.steps == ["核对身份证320***********017X"])
        #expect(command.trainingActions == ["不要索要卡号 **** **** **** ***0 122"])
    }

    @Test("unknown case fails and publishes nothing")
    func unknownCase() throws {
        let harness = try OperatorHarness()
        try harness.produce([opened()], to: harness.catalogue.caseEvents)
        let options = try harness.options(CaseAckCommand.self, ["case-zzz", "--actor", "S-01"])
        let context = try harness.context(CaseAckCommand.self)

        let (status, lines) = try CaseCommandSubmission.submit(.ack, options: options, context: context)

        #expect(status == 1)
        #expect(lines == ["No case case-zzz on the case topic. Run `vigil case list` to see the cases."])
        #expect(try harness.reader.records(of: harness.catalogue.caseCommands).isEmpty)
    }

    @Test("missing arguments are usage errors", arguments: [
        (CaseAction.assign, ["case-a", "--actor", "S-01"], "--assignee"),
        (CaseAction.escalate, ["case-a", "--actor", "S-01"], "--to"),
        (CaseAction.review, ["case-a", "--actor", "S-01", "--note", "x"], "--step"),
        (CaseAction.rectify, ["case-a", "--actor", "S-01", "--plan", "p"], "--due"),
        (CaseAction.ack, ["case-a"], "--actor"),
        (CaseAction.ack, ["--actor", "S-01"], "missing case id"),
    ])
    func missingArgument(action: CaseAction, arguments: [String], mention: String) throws {
        let command = try #require(CaseActionCommands.all.first { $0.name == "case \(action.rawValue)" })
        let options = try CommandLineOptions(command.options).parse(arguments, environment: [:])
        let error = try #require(throws: UsageError.self) {
            _ = try CaseCommandSubmission.makeCommand(action, options: options, now: time("09:00"),
                                                      newCommandId: { "x" })
        }
        #expect(error.message.contains(mention), "\(error.message)")
    }

    @Test("times need an offset")
    func timeWithoutOffset() throws {
        let options = try CommandLineOptions(CaseAckCommand.options).parse(
            ["case-a", "--actor", "S-01", "--at", "2026-11-11T09:00"], environment: [:])
        let error = try #require(throws: UsageError.self) {
            _ = try CaseCommandSubmission.makeCommand(.ack, options: options, now: time("09:00"), newCommandId: { "x" })
        }
        #expect(error.message.contains("--at \"2026-11-11T09:00\" has no UTC offset"))

        let due = try CommandLineOptions(CaseRectifyCommand.options).parse(
            ["case-a", "--actor", "M-01", "--plan", "p", "--due", "2026-11-20 18:00"], environment: [:])
        #expect(throws: UsageError.self) {
            _ = try CaseCommandSubmission.makeCommand(.rectify, options: due, now: time("09:00"), newCommandId: { "x" })
        }
    }

    @Test("--wait reports a rejection with status 1")
    func waitRejected() throws {
        let harness = try OperatorHarness()
        try harness.produce([opened()], to: harness.catalogue.caseEvents)
        answerFirstCommand(harness: harness) { command in
            entry(.commandRejected, at: "09:20", state: .open, text: "not on the roster") {
                $0.eventId = "case/\(command.caseId)/\(command.eventId)/rejected"
                $0.commandId = command.commandId
                $0.actor = command.actor
                $0.action = command.action
            }
        }
        let options = try harness.options(CaseAckCommand.self,
                                          ["case-a", "--actor", "X-9", "--command-id", "cmd-w", "--wait", "20"])
        let context = try harness.context(CaseAckCommand.self)

        let (status, lines) = try CaseCommandSubmission.submit(.ack, options: options, context: context)

        #expect(status == 1)
        #expect(lines.last == "Rejected: 2026-11-11 09:20:00  EN: not on the roster (X-9)")
    }

    @Test("--wait prints the applied entry")
    func waitApplied() throws {
        let harness = try OperatorHarness()
        try harness.produce([opened()], to: harness.catalogue.caseEvents)
        answerFirstCommand(harness: harness) { command in
            entry(.acknowledged, at: "09:05", state: .acknowledged, text: "acknowledged") {
                $0.eventId = "case/\(command.caseId)/\(command.eventId)"
                $0.commandId = command.commandId
                $0.actor = command.actor
            }
        }
        let options = try harness.options(CaseAckCommand.self, ["case-a", "--actor", "S-01", "--wait", "20"])
        let context = try harness.context(CaseAckCommand.self)

        let (status, lines) = try CaseCommandSubmission.submit(.ack, options: options, context: context)

        #expect(status == 0)
        #expect(lines.last == "Applied: 2026-11-11 09:05:00  EN: acknowledged (S-01)")
    }

    @Test("--wait masks numbers in the outcome")
    func waitMasked() throws {
        let harness = try OperatorHarness()
        try harness.produce([opened()], to: harness.catalogue.caseEvents)
        // An outcome as an escalation service that did not mask would write it.
        answerFirstCommand(harness: harness) { command in
            entry(.noted, at: "09:05", state: .open, text: "noted: call back 15167328840") {
                $0.eventId = "case/\(command.caseId)/\(command.eventId)"
                $0.commandId = command.commandId
                $0.actor = command.actor
            }
        }
        let options = try harness.options(CaseNoteCommand.self,
                                          ["case-a", "--actor", "S-01", "--note", "called", "--wait", "20"])
        let context = try harness.context(CaseNoteCommand.self)

        let (status, lines) = try CaseCommandSubmission.submit(.note, options: options, context: context)

        #expect(status == 0)
        #expect(lines.last == "Applied: 2026-11-11 09:05:00  EN: noted: call back 151****8840 (S-01)")
    }
}
