import Testing
import VigilContracts
@testable import Escalation

/// Deadlines that pass in event time and climb the chain.
@Suite("Case deadlines")
struct CaseDeadlineTests {
    typealias F = EscalationFixtures
    static let caseId = CaseOpeningTests.caseBuyer1

    /// Returns a harness with a high-severity case of buyer-1 opened at 08:00.
    private func openCase() throws -> EscalationHarness {
        let harness = try EscalationHarness()
        try harness.process(try F.alert("m-1", at: "2026-11-11T08:00:00+08:00"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T08:00:00+08:00")
        return harness
    }

    private func missed(_ harness: EscalationHarness) throws -> [CaseEvent] {
        try harness.caseEvents().filter { $0.type == .deadlineMissed || $0.type == .rectificationOverdue }
    }

    @Test("unacknowledged case climbs the chain")
    func acknowledgeChain() throws {
        let harness = try openCase()

        try harness.advance(to: "2026-11-11T08:29:59+08:00")
        #expect(try missed(harness).isEmpty)

        try harness.advance(to: "2026-11-11T08:30:00+08:00")
        let first = try #require(try missed(harness).last)
        #expect(first.eventId == "case/\(Self.caseId)/deadline/acknowledge/1/1794357000000")
        #expect(first.deadline == .acknowledge)
        #expect(first.chainStep == 1)
        #expect(first.recipient?.personId == "M-hf")
        #expect(first.notify == true)
        #expect(first.dueAt?.iso8601 == "2026-11-11T08:30:00+08:00")
        #expect(first.occurredAt.iso8601 == "2026-11-11T08:30:00+08:00")
        #expect(first.state == .open)
        #expect(first.text.chinese == "案件未在 2026-11-11T08:30:00+08:00 前确认（第 1 次超时），已升级给合肥经理。")

        try harness.advance(to: "2026-11-11T08:59:00+08:00")
        #expect(try missed(harness).count == 1)

        try harness.advance(to: "2026-11-11T09:00:00+08:00")
        let second = try #require(try missed(harness).last)
        #expect(second.chainStep == 2)
        #expect(second.recipient?.personId == "B-1")
        #expect(second.dueAt?.iso8601 == "2026-11-11T09:00:00+08:00")

        // The brand manager is the top of the chain, so the climb stops there.
        try harness.advance(to: "2026-11-12T09:00:00+08:00")
        #expect(try missed(harness).count == 2)
    }

    @Test("acknowledging stops the climb")
    func acknowledgeStopsClimb() throws {
        let harness = try openCase()

        try harness.advance(to: "2026-11-11T08:30:00+08:00")
        try harness.command(try F.command(.ack, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:40:00+08:00"))
        try harness.advance(to: "2026-11-11T10:00:00+08:00")

        #expect(try missed(harness).map(\.chainStep) == [1])
    }

    @Test("late ack still shows the miss")
    func lateAckShowsMiss() throws {
        let harness = try openCase()

        try harness.command(try F.command(.ack, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:40:00+08:00"))

        #expect(try harness.caseEvents().map(\.type) == [.opened, .deadlineMissed, .acknowledged])
    }

    @Test("follow-up deadline climbs after the ack")
    func followUpChain() throws {
        let harness = try openCase()
        try harness.command(try F.command(.ack, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:05:00+08:00"))

        try harness.advance(to: "2026-11-11T16:04:00+08:00")
        #expect(try missed(harness).isEmpty)

        try harness.advance(to: "2026-11-11T16:05:00+08:00")
        let first = try #require(try missed(harness).last)
        #expect(first.deadline == .followUp)
        #expect(first.chainStep == 1)
        #expect(first.recipient?.personId == "M-hf")
        #expect(first.dueAt?.iso8601 == "2026-11-11T16:05:00+08:00")
        #expect(first.acknowledgedAt?.iso8601 == "2026-11-11T08:05:00+08:00")

        try harness.advance(to: "2026-11-12T00:05:00+08:00")
        let second = try #require(try missed(harness).last)
        #expect(second.chainStep == 2)
        #expect(second.recipient?.personId == "B-1")
        #expect(second.eventId == "case/\(Self.caseId)/deadline/follow_up/2/1794413100000")
    }

    @Test("a note meets the follow-up deadline")
    func noteMeetsFollowUp() throws {
        let harness = try openCase()
        try harness.command(try F.command(.ack, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:05:00+08:00"))
        try harness.command(try F.command(.note, caseId: Self.caseId, id: "k-2", at: "2026-11-11T09:00:00+08:00",
                                          note: "已电话联系顾客"))

        try harness.advance(to: "2026-11-13T00:00:00+08:00")

        #expect(try missed(harness).isEmpty)
    }

    @Test("missing plan is overdue once")
    func rectificationOverdue() throws {
        let harness = try openCase()
        try harness.process(try F.complaint("C-1", at: "2026-11-11T08:10:00+08:00"), on: harness.catalogue.complaints)
        try harness.advance(to: "2026-11-11T08:10:00+08:00")
        try harness.command(try F.command(.classify, caseId: Self.caseId, actor: "M-hf", id: "k-1",
                                          at: "2026-11-11T09:00:00+08:00", classification: .unprofessional))
        let classified = try #require(try harness.caseEvents().last)
        #expect(classified.type == .classified)
        #expect(classified.rectification == .required)
        #expect(classified.dueAt?.iso8601 == "2026-11-18T09:00:00+08:00")

        try harness.advance(to: "2026-11-18T08:59:00+08:00")
        #expect(try harness.caseEvents().filter { $0.type == .rectificationOverdue }.isEmpty)

        try harness.advance(to: "2026-11-18T09:00:00+08:00")
        try harness.advance(to: "2026-11-30T09:00:00+08:00")
        let overdue = try harness.caseEvents().filter { $0.type == .rectificationOverdue }
        #expect(overdue.count == 1)
        let event = try #require(overdue.first)
        #expect(event.rectification == .overdue)
        #expect(event.recipient?.personId == "B-1")
        #expect(event.notify == true)
        #expect(event.deadline == .rectification)
        #expect(event.occurredAt.iso8601 == "2026-11-18T09:00:00+08:00")
        #expect(event.cause == .unprofessional)

        var rectify = try F.command(.rectify, caseId: Self.caseId, actor: "M-hf", id: "k-2",
                                    at: "2026-11-30T10:00:00+08:00")
        rectify.plan = "全组复训投诉处理流程"
        rectify.dueAt = try F.time("2026-12-15T18:00:00+08:00")
        try harness.command(rectify)
        let submitted = try #require(try harness.caseEvents().last)
        #expect(submitted.type == .planSubmitted)
        #expect(submitted.rectification == .submitted)
    }
}
