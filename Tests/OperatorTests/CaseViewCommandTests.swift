import Testing
import VigilContracts
import VigilRuntime
@testable import Operator

/// Returns the time "HH:MM" on 2026-11-11 at +08:00.
private func time(_ clock: String) -> Timestamp {
    TimestampFormat.parse("2026-11-11T\(clock):00+08:00")!
}

/// Returns the time `minutes` after "HH:MM", at +08:00.
private func time(_ clock: String, plus minutes: Int64) -> Timestamp {
    Timestamp(epochMilliseconds: time(clock).epochMilliseconds + minutes * 60_000, utcOffsetSeconds: 8 * 3600)
}

/// Returns a case entry with the scope every entry carries, and texts "中文：…" and "EN: …".
private func entry(_ type: CaseEventType, case caseId: String, at clock: String, state: CaseState?,
                   team: String = "T1", severity: Severity = .high, text: String, _ configure: (inout CaseEvent) -> Void = { _ in }) -> CaseEvent {
    var event = CaseEvent(eventId: "case/\(caseId)/\(type.rawValue)/\(clock)", caseId: caseId, type: type,
                          shop: "shop", buyer: "buyer-\(caseId)", conversationId: "conv", agent: "A-1",
                          alertId: nil, complaintId: nil, complaintChannel: nil, occurredAt: time(clock),
                          text: LocalizedText(chinese: "中文：\(text)", english: "EN: \(text)"))
    event.team = team
    event.site = "hz"
    event.vendor = "V1"
    event.state = state
    event.severity = severity
    configure(&event)
    return event
}

private func opened(_ caseId: String, at clock: String, team: String = "T1") -> CaseEvent {
    entry(.opened, case: caseId, at: clock, state: .open, team: team, text: "opened") {
        $0.alertId = "alert/\(caseId)"
        $0.deadline = .acknowledge
        $0.dueAt = time(clock, plus: 30)
    }
}

private func acknowledged(_ caseId: String, at clock: String, by actor: String) -> CaseEvent {
    entry(.acknowledged, case: caseId, at: clock, state: .acknowledged, text: "acknowledged") {
        $0.actor = actor
        $0.acknowledgedAt = time(clock)
        $0.deadline = .followUp
        $0.dueAt = time(clock, plus: 8 * 60)
    }
}

/// Returns a regulator case: acknowledged, followed up, 12315 complaint, classified, reviewed, one rejected command.
private func regulatorCase() -> [CaseEvent] {
    let people = [
        CaseResponsibility(personId: "A-1", name: "林小客", role: .agent, level: .primary),
        CaseResponsibility(personId: "S-01", name: "王主管", role: .supervisor, level: .joint),
    ]
    return [
        opened("case-r", at: "09:00"),
        acknowledged("case-r", at: "09:05", by: "S-01"),
        entry(.noted, case: "case-r", at: "09:10", state: .followingUp, text: "called the customer") {
            $0.actor = "S-01"
        },
        entry(.complaintLinked, case: "case-r", at: "10:00", state: .escalatedRegulator, severity: .critical,
              text: "12315 complaint") {
            $0.complaintId = "complaint/1"
            $0.complaintChannel = .hotline12315
        },
        entry(.classified, case: "case-r", at: "11:00", state: .escalatedRegulator, severity: .critical,
              text: "classified") {
            $0.actor = "M-01"
            $0.cause = .slowResponse
            $0.responsibilities = people
            $0.deadline = .rectification
            $0.dueAt = TimestampFormat.parse("2026-11-18T11:00:00+08:00")
            $0.rectification = .required
        },
        entry(.reviewed, case: "case-r", at: "11:30", state: .escalatedRegulator, severity: .critical,
              text: "reviewed") {
            $0.actor = "M-01"
            $0.review = CaseReview(summary: "reply came too late", steps: ["alert at 09:00", "reply at 10:00"],
                                   trainingActions: ["reply drill"])
        },
        entry(.commandRejected, case: "case-r", at: "12:00", state: .escalatedRegulator, severity: .critical,
              text: "already classified") {
            $0.eventId = "case/case-r/case-command/cmd-9/rejected"
            $0.actor = "S-02"
            $0.action = .classify
            $0.commandId = "cmd-9"
        },
    ]
}

@Suite("vigil case show and list", .serialized)
struct CaseViewCommandTests {
    @Test("show renders every section")
    func show() throws {
        let harness = try OperatorHarness()
        try harness.produce(regulatorCase(), to: harness.catalogue.caseEvents)
        let context = try harness.context(CaseShowCommand.self)
        let snapshot = try context.readCases()
        let file = try #require(snapshot.file("case-r"))

        let lines = CaseShowCommand.render(file, now: snapshot.latestEventTime, zone: 8 * 3600, language: .english)

        #expect(lines == [
            "Case: case-r",
            "Thread: shop/buyer-case-r",
            "Agent: A-1",
            "Team / site / vendor: T1 / hz / V1",
            "State: escalated to a regulator",
            "Severity: critical",
            "Opened: 2026-11-11 09:00:00",
            "Acknowledged: S-01 at 2026-11-11 09:05:00",
            "Assignee: -",
            "Next deadline: rectification by 2026-11-18 11:00:00 (6d 23h left)",
            "",
            "Timeline (UTC offset +08:00):",
            "  2026-11-11 09:00:00  EN: opened",
            "  2026-11-11 09:05:00  EN: acknowledged (S-01)",
            "  2026-11-11 09:10:00  EN: called the customer (S-01)",
            "  2026-11-11 10:00:00  EN: 12315 complaint",
            "  2026-11-11 11:00:00  EN: classified (M-01)",
            "  2026-11-11 11:30:00  EN: reviewed (M-01)",
            "",
            "Accountability:",
            "  Cause: slow response",
            "  Primary responsibility: 林小客 (A-1, agent)",
            "  Joint responsibility: 王主管 (S-01, supervisor)",
            "  Review: reply came too late",
            "    1. alert at 09:00",
            "    2. reply at 10:00",
            "    Training: reply drill",
            "  Rectification: required, due 2026-11-18 11:00:00",
            "",
            "Rejected commands:",
            "  2026-11-11 12:00:00  classify by S-02 (command cmd-9): EN: already classified",
        ])
    }

    @Test("show in Chinese at another zone")
    func showChinese() throws {
        let file = try #require(CaseFile.fold(regulatorCase()).first)
        let lines = CaseShowCommand.render(file, now: time("12:00"), zone: 0, language: .chinese)
        #expect(lines.contains("确认：S-01，2026-11-11 01:05:00"))
        #expect(lines.contains("  主要责任：林小客（A-1，客服）"))
        #expect(lines.contains("  连带责任：王主管（S-01，主管）"))
        #expect(lines.contains("  整改：待提交，截止 2026-11-18 03:00:00"))
        #expect(lines.contains("时间线（时区 Z）："))
        #expect(lines.contains("  2026-11-11 04:00:00  classify（S-02，命令 cmd-9）：中文：already classified"))
    }

    @Test("deadline measured at topic time")
    func deadlineFromTopicTime() throws {
        let file = try #require(CaseFile.fold([opened("case-a", at: "09:00")]).first)
        #expect(CaseDeadlineStatus(file, now: time("09:10")).describe(zone: 8 * 3600, language: .english)
            == "acknowledge by 2026-11-11 09:30:00 (20m left)")
        #expect(CaseDeadlineStatus(file, now: time("10:40")).describe(zone: 8 * 3600, language: .chinese)
            == "确认已超时 1小时10分钟（截止 2026-11-11 09:30:00）")
    }

    /// a: T1 open, acknowledgement due 09:30 and passed; b: T1 acknowledged; c: T2 missed (step 1);
    /// d: T1 resolved; e: T1 open, due 10:20. The latest event is at 10:00.
    private func listEvents() -> [CaseEvent] {
        [
            opened("case-d", at: "08:00"),
            entry(.resolved, case: "case-d", at: "08:30", state: .resolved, text: "resolved"),
            opened("case-a", at: "09:00"),
            opened("case-c", at: "09:00", team: "T2"),
            entry(.deadlineMissed, case: "case-c", at: "09:30", state: .open, team: "T2", text: "missed") {
                $0.deadline = .acknowledge
                $0.chainStep = 1
                $0.dueAt = time("09:30")
            },
            opened("case-b", at: "09:40"),
            acknowledged("case-b", at: "09:45", by: "S-01"),
            opened("case-e", at: "09:50"),
            entry(.noted, case: "case-b", at: "10:00", state: .followingUp, text: "called") { $0.actor = "S-01" },
        ]
    }

    private func list(_ arguments: [String], harness: OperatorHarness) throws -> [String] {
        let options = try harness.options(CaseListCommand.self, arguments)
        let context = try harness.context(CaseListCommand.self)
        let lines = CaseListCommand.render(try context.readCases(), filter: try CaseListCommand.Filter(options: options),
                                           zone: 8 * 3600, language: .english)
        return lines.flatMap { $0.split(separator: "\n").map(String.init) }
    }

    @Test("list filters by overdue, state and team")
    func listFilters() throws {
        let harness = try OperatorHarness()
        try harness.produce(listEvents(), to: harness.catalogue.caseEvents)

        let narrow = try list(["--overdue", "--state", "open", "--team", "T1"], harness: harness)
        #expect(narrow.count == 4, "header, rule, one row, totals: \(narrow)")
        #expect(narrow[2].hasPrefix("case-a"))
        #expect(narrow[2].hasSuffix("overdue: acknowledge"))
        #expect(narrow[3] == "1 case, 1 overdue")

        let overdue = try list(["--overdue"], harness: harness)
        #expect(overdue.dropFirst(2).dropLast().map { String($0.prefix(6)) } == ["case-a", "case-c"])
        #expect(overdue[3].hasSuffix("overdue: acknowledge, step 1"))

        let all = try list([], harness: harness)
        #expect(all.last == "5 cases, 2 overdue")
        let running = try #require(all.first { $0.hasPrefix("case-e") })
        #expect(running.hasSuffix("acknowledge 11-11 10:20 (20m left)"))
        #expect(try list(["--state", "resolved,acknowledged"], harness: harness).last == "1 case, 0 overdue")
        #expect(try list(["--vendor", "V2"], harness: harness).last == "0 cases, 0 overdue")
    }

    @Test("unknown state is a usage error")
    func unknownState() throws {
        let options = try CommandLineOptions(CaseListCommand.options).parse(["--state", "closed"], environment: [:])
        #expect(throws: UsageError.self) { _ = try CaseListCommand.Filter(options: options) }
    }
}
