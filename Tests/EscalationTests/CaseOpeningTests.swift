import Testing
import VigilContracts
import VigilRuntime
@testable import Escalation

/// Opening, linking and reopening cases from alerts and complaints.
@Suite("Case opening")
struct CaseOpeningTests {
    /// FNV-1a 64 over "shop-waimai", 0x1F and the buyer, hashed outside Vigil.
    static let caseBuyer1 = "case-12041eaa1a0fe342"
    static let caseBuyer2 = "case-12041daa1a0fe18f"
    typealias F = EscalationFixtures

    // MARK: - Alerts

    @Test("alert waits for event time")
    func alertWaitsForEventTime() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.alert("m-1"), on: harness.catalogue.alerts)
        #expect(try harness.entries().isEmpty)
        #expect(try harness.count("pending_inputs") == 1)

        try harness.advance(to: "2026-11-11T08:02:00+08:00")
        #expect(try harness.caseEvents().map(\.type) == [.opened])
        #expect(try harness.count("pending_inputs") == 0)
    }

    @Test("first alert opens case with scope")
    func firstAlertOpensCase() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.alert("m-1"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T08:02:00+08:00")

        let entry = try #require(try harness.entries().first)
        #expect(entry.record.topic == "vigil.case.events")
        #expect(entry.record.key == Array("shop-waimai/buyer-1".utf8))
        let event = try #require(try harness.caseEvents().first)
        #expect(event.type == .opened)
        #expect(event.caseId == Self.caseBuyer1)
        #expect(event.eventId == "case/\(Self.caseBuyer1)/opened")
        #expect(event.alertId == "alert/message/hf/m-1")
        #expect(event.agent == "A-hf-b03")
        #expect([event.team, event.site, event.vendor] == ["T-hf-b", "hf", "V-1"])
        #expect(event.state == .open)
        #expect(event.severity == .high)
        #expect(event.recipient?.personId == "S-hf-b")
        #expect(event.notify == false)
        #expect(event.deadline == .acknowledge)
        #expect(event.dueAt?.iso8601 == "2026-11-11T08:31:51+08:00", "high: 30 minutes to acknowledge")
        #expect(event.occurredAt.iso8601 == "2026-11-11T08:01:51+08:00")
        #expect(event.text.chinese == "因顾客提到「投诉」立案，由合肥B组主管跟进。")
        #expect(event.text.english == "Case opened because the customer mentioned “投诉”; 合肥B组主管 follows up.")
    }

    @Test("later alert links and raises severity")
    func laterAlertLinks() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.alert("m-1", severity: .medium), on: harness.catalogue.alerts)
        try harness.process(try F.alert("m-2", terms: ["工商"], severity: .critical, action: .escalated,
                                        at: "2026-11-11T08:05:00+08:00"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T08:06:00+08:00")

        let events = try harness.caseEvents()
        #expect(events.map(\.type) == [.opened, .alertLinked])
        let linked = try #require(events.last)
        #expect(linked.eventId == "case/\(Self.caseBuyer1)/alert/message/hf/m-2")
        #expect(linked.severity == .critical)
        #expect(linked.text.chinese == "新预警：顾客提到「工商」。")
    }

    @Test("reminders and closings are ignored")
    func remindersIgnored() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.alert("m-1", action: .reminded), on: harness.catalogue.alerts)
        try harness.process(try F.alert("m-2", action: .closed), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T09:00:00+08:00")

        #expect(try harness.entries().isEmpty)
    }

    @Test("same alert twice opens once")
    func duplicateAlertIgnored() throws {
        let harness = try EscalationHarness()
        let first = try F.alert("m-1")

        try harness.process(first, on: harness.catalogue.alerts)
        try harness.process(first, on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T08:02:00+08:00")

        #expect(try harness.caseEvents().map(\.type) == [.opened])
    }

    @Test("different threads get different cases")
    func differentThreadsDifferentCases() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.alert("m-1", buyer: "buyer-1"), on: harness.catalogue.alerts)
        try harness.process(try F.alert("m-2", buyer: "buyer-2"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T08:02:00+08:00")

        #expect(try harness.caseEvents().map(\.caseId) == [Self.caseBuyer1, Self.caseBuyer2])
    }

    // MARK: - Complaints

    @Test("complaint opens case with agent from chat")
    func complaintOpensCase() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.message("c-1", at: "2026-11-13T10:00:00+08:00"), on: harness.catalogue.chatMessages)
        try harness.process(try F.complaint("C-1"), on: harness.catalogue.complaints)
        try harness.advance(to: "2026-11-13T11:14:00+08:00")

        let events = try harness.caseEvents()
        #expect(events.map(\.type) == [.opened, .complaintLinked])
        let opened = try #require(events.first)
        #expect(opened.eventId == "case/\(Self.caseBuyer1)/opened")
        #expect(opened.complaintId == "complaint/C-1")
        #expect(opened.agent == "A-hf-b03")
        #expect(opened.team == "T-hf-b")
        #expect(opened.severity == .critical)
        #expect(opened.notify == true)
        let linked = try #require(events.last)
        #expect(linked.eventId == "case/\(Self.caseBuyer1)/complaint/C-1")
        #expect(linked.state == .escalatedRegulator)
        #expect(linked.complaintChannel == .hotline12315)
        #expect(linked.text.chinese == "顾客已向12315 热线投诉（投诉号 C-1）。")
    }

    @Test("platform complaint escalates to platform")
    func platformComplaint() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.alert("m-1", severity: .medium), on: harness.catalogue.alerts)
        try harness.process(try F.complaint("C-1", channel: .platform, at: "2026-11-11T08:03:00+08:00"),
                            on: harness.catalogue.complaints)
        try harness.advance(to: "2026-11-11T08:04:00+08:00")

        let linked = try #require(try harness.caseEvents().last)
        #expect(linked.type == .complaintLinked)
        #expect(linked.state == .escalatedPlatform)
        #expect(linked.severity == .high)
    }

    @Test("complaint before alert opens the case")
    func complaintBeforeAlert() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.alert("m-1", at: "2026-11-11T08:45:00+08:00"), on: harness.catalogue.alerts)
        try harness.process(try F.complaint("C-1", channel: .platform, at: "2026-11-11T08:30:00+08:00"),
                            on: harness.catalogue.complaints)
        try harness.advance(to: "2026-11-11T08:50:00+08:00")

        let events = try harness.caseEvents()
        #expect(events.map(\.type) == [.opened, .complaintLinked, .alertLinked])
        #expect(events.first?.complaintId == "complaint/C-1")
    }

    // MARK: - Reopening

    private func resolvedCase(_ harness: EscalationHarness) throws {
        try harness.process(try F.alert("m-1"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-11T08:02:00+08:00")
        try harness.command(try F.command(.ack, caseId: Self.caseBuyer1, id: "k-1", at: "2026-11-11T08:03:00+08:00"))
        try harness.command(try F.command(.resolve, caseId: Self.caseBuyer1, id: "k-2",
                                          at: "2026-11-11T08:10:00+08:00"))
    }

    @Test("alert within reopenDays reopens")
    func reopenWithinWindow() throws {
        let harness = try EscalationHarness()
        try resolvedCase(harness)

        try harness.process(try F.alert("m-2", at: "2026-11-17T08:00:00+08:00"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-17T08:01:00+08:00")

        let events = try harness.caseEvents()
        #expect(events.map(\.type) == [.opened, .acknowledged, .resolved, .reopened])
        let reopened = try #require(events.last)
        #expect(reopened.eventId == "case/\(Self.caseBuyer1)/reopened/alert/message/hf/m-2")
        #expect(reopened.state == .open)
        #expect(reopened.acknowledgedAt == nil)
    }

    @Test("alert after reopenDays opens next case")
    func newCaseAfterWindow() throws {
        let harness = try EscalationHarness(policy: CasePolicy(reopenDays: 3))
        try resolvedCase(harness)

        try harness.process(try F.alert("m-2", at: "2026-11-17T08:00:00+08:00"), on: harness.catalogue.alerts)
        try harness.advance(to: "2026-11-17T08:01:00+08:00")

        let opened = try #require(try harness.caseEvents().last)
        #expect(opened.type == .opened)
        #expect(opened.caseId == "\(Self.caseBuyer1)-2")
        #expect(opened.eventId == "case/\(Self.caseBuyer1)-2/opened")
        #expect(opened.state == .open)
    }

    // MARK: - Arrival order

    @Test("interleaving does not change the timeline")
    func interleavingIndependent() throws {
        typealias Step = (EscalationHarness) throws -> Void
        let message1 = try F.message("c-1", at: "2026-11-11T07:55:00+08:00")
        let message2 = try F.message("c-2", at: "2026-11-11T08:30:00+08:00")
        let complaint1 = try F.complaint("C-1", channel: .platform, at: "2026-11-11T08:00:00+08:00")
        let complaint2 = try F.complaint("C-2", at: "2026-11-11T08:40:00+08:00")
        let alert1 = try F.alert("m-1", at: "2026-11-11T08:01:51+08:00")
        let alert2 = try F.alert("m-2", severity: .critical, action: .escalated, at: "2026-11-11T08:20:00+08:00")
        let chat1: Step = { try $0.process(message1, on: $0.catalogue.chatMessages) }
        let chat2: Step = { try $0.process(message2, on: $0.catalogue.chatMessages) }
        let filed1: Step = { try $0.process(complaint1, on: $0.catalogue.complaints) }
        let filed2: Step = { try $0.process(complaint2, on: $0.catalogue.complaints) }
        let raised1: Step = { try $0.process(alert1, on: $0.catalogue.alerts) }
        let raised2: Step = { try $0.process(alert2, on: $0.catalogue.alerts) }
        // A round at 08:10 on each topic, as ingestion and alerting write them.
        let roundTime = try F.time("2026-11-11T08:10:00+08:00")
        let markAlerts: Step = { try $0.watermark($0.catalogue.alerts, at: roundTime) }
        let markComplaints: Step = { try $0.watermark($0.catalogue.complaints, at: roundTime) }
        let markChat: Step = { try $0.watermark($0.catalogue.chatMessages, at: roundTime) }
        let markCommands: Step = { try $0.watermark($0.catalogue.caseCommands, at: roundTime) }

        func run(_ steps: [Step]) throws -> [String] {
            let harness = try EscalationHarness()
            for step in steps {
                try step(harness)
            }
            try harness.advance(to: "2026-11-11T12:00:00+08:00")
            return try harness.entries().map { String(decoding: $0.record.value, as: UTF8.self) }
        }
        // Each topic keeps its own order; only the interleaving across topics differs.
        let first = try run([chat1, markChat, chat2, raised1, markAlerts, raised2, filed1, markComplaints, filed2,
                             markCommands])
        let second = try run([filed1, markCommands, chat1, raised1, markAlerts, markComplaints, filed2, markChat,
                              chat2, raised2])

        let types = try first.map { try EventCoding.decode(CaseEvent.self, from: Array($0.utf8)).type }
        #expect(types == [.opened, .complaintLinked, .alertLinked, .alertLinked, .deadlineMissed, .deadlineMissed,
                          .complaintLinked])
        // Byte for byte: the JSON of every entry, in order.
        #expect(first == second)
    }

    @Test("alerts sharing a time open the same case")
    func tiedAlertsIndependent() throws {
        let message = try F.message("c-1", at: "2026-11-11T07:55:00+08:00")
        var regulator = try F.alert("m-1", terms: ["12315"], severity: .critical)
        regulator.eventId = "alert/regulator/message/hf/m-1"
        regulator.category = .regulator
        var complaint = try F.alert("m-1")
        complaint.eventId = "alert/complaint/message/hf/m-1"

        func run(_ alerts: [Alert]) throws -> [String] {
            let harness = try EscalationHarness()
            try harness.process(message, on: harness.catalogue.chatMessages)
            // The other streams are ahead, so only the alerts stream keeps the alerts waiting.
            let later = try F.time("2026-11-11T09:00:00+08:00")
            try harness.watermark(harness.catalogue.chatMessages, at: later)
            try harness.watermark(harness.catalogue.complaints, at: later)
            for alert in alerts {
                try harness.process(alert, on: harness.catalogue.alerts)
            }
            try harness.advance(to: "2026-11-11T12:00:00+08:00")
            return try harness.entries().map { String(decoding: $0.record.value, as: UTF8.self) }
        }
        let first = try run([regulator, complaint])
        let second = try run([complaint, regulator])

        #expect(first.first?.contains("\"type\":\"opened\"") == true)
        #expect(first == second)
    }

    // MARK: - Rejections

    @Test("undecodable value throws rejection")
    func undecodableValueRejected() throws {
        let harness = try EscalationHarness()

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(value: Array("not json".utf8), on: harness.catalogue.alerts.name)
        }

        #expect(rejection?.reason == .invalidJSON)
    }

    @Test("unknown topic throws rejection")
    func unknownTopicRejected() throws {
        let harness = try EscalationHarness()
        let value = try EventCoding.encode(try F.alert("m-1"))

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(value: value, on: harness.catalogue.scores.name)
        }

        #expect(rejection?.reason == .unprocessable)
    }
}
