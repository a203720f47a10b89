import Testing
import VigilContracts
@testable import Escalation

/// Case commands applied and refused through the processor.
@Suite("Case commands")
struct CaseCommandTests {
    typealias F = EscalationFixtures
    static let caseId = CaseOpeningTests.caseBuyer1

    /// Returns a harness with the case of buyer-1 opened by an alert at 08:00.
    private func openCase() throws -> EscalationHarness {
        let harness = try EscalationHarness()
        try harness.process(try F.alert("m-1", at: "2026-11-11T08:00:00+08:00"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T08:01:00+08:00")
        return harness
    }

    private func send(_ command: CaseCommand, to harness: EscalationHarness) throws {
        try harness.command(command)
    }

    @Test("ack is applied")
    func ackApplied() throws {
        let harness = try openCase()

        try send(try F.command(.ack, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:05:00+08:00"), to: harness)

        let event = try #require(try harness.caseEvents().last)
        #expect(event.type == .acknowledged)
        #expect(event.eventId == "case/\(Self.caseId)/case-command/k-1")
        #expect(event.actor == "S-hf-b")
        #expect(event.commandId == "k-1")
        #expect(event.action == .ack)
        #expect(event.state == .acknowledged)
        #expect(event.acknowledgedAt?.iso8601 == "2026-11-11T08:05:00+08:00")
        #expect(event.deadline == .followUp)
        #expect(event.dueAt?.iso8601 == "2026-11-11T16:05:00+08:00", "high: 8 hours to start the follow-up")
        #expect(event.team == "T-hf-b")
        #expect(event.text.chinese == "合肥B组主管已确认案件，负责跟进。")
    }

    @Test("unknown actor is rejected with reason")
    func unknownActorRejected() throws {
        let harness = try openCase()

        try send(try F.command(.ack, caseId: Self.caseId, actor: "X-9", id: "k-1", at: "2026-11-11T08:05:00+08:00"),
                 to: harness)

        let event = try #require(try harness.caseEvents().last)
        #expect(event.type == .commandRejected)
        #expect(event.eventId == "case/\(Self.caseId)/case-command/k-1/rejected")
        #expect(event.actor == "X-9")
        #expect(event.action == .ack)
        #expect(event.state == .open)
        #expect(event.text.chinese.hasPrefix("未执行X-9的操作「确认案件」："))
        #expect(event.text.english.hasPrefix("Refused X-9's request to acknowledge the case: "))
        #expect(event.text.chinese.count > "未执行X-9的操作「确认案件」：".count)
    }

    @Test("agent may not act")
    func agentRejected() throws {
        let harness = try openCase()

        try send(try F.command(.ack, caseId: Self.caseId, actor: "A-hf-b03", id: "k-1", at: "2026-11-11T08:05:00+08:00"),
                 to: harness)

        #expect(try harness.caseEvents().last?.type == .commandRejected)
    }

    @Test("second ack is rejected")
    func secondAckRejected() throws {
        let harness = try openCase()

        try send(try F.command(.ack, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:05:00+08:00"), to: harness)
        try send(try F.command(.ack, caseId: Self.caseId, actor: "M-hf", id: "k-2", at: "2026-11-11T08:06:00+08:00"),
                 to: harness)

        let events = try harness.caseEvents()
        #expect(events.map(\.type) == [.opened, .acknowledged, .commandRejected])
        #expect(events.last?.state == .acknowledged)
    }

    @Test("unknown case is rejected")
    func unknownCaseRejected() throws {
        let harness = try openCase()

        try send(try F.command(.ack, caseId: "case-0000000000000000", id: "k-1", at: "2026-11-11T08:05:00+08:00"),
                 to: harness)

        let event = try #require(try harness.caseEvents().last)
        #expect(event.type == .commandRejected)
        #expect(event.caseId == "case-0000000000000000")
        #expect(event.eventId == "case/case-0000000000000000/case-command/k-1/rejected")
        #expect(event.state == nil)
    }

    @Test("missing argument is rejected")
    func missingArgumentRejected() throws {
        let harness = try openCase()

        try send(try F.command(.note, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:05:00+08:00"), to: harness)

        let event = try #require(try harness.caseEvents().last)
        #expect(event.type == .commandRejected)
        #expect(event.text.english.contains("\"note\""))
    }

    @Test("same command twice applies once")
    func duplicateCommand() throws {
        let harness = try openCase()
        let ack = try F.command(.ack, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:05:00+08:00")

        try send(ack, to: harness)
        try send(ack, to: harness)

        #expect(try harness.caseEvents().map(\.type) == [.opened, .acknowledged])
    }
}
