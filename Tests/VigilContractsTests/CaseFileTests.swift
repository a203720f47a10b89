import Testing
import VigilContracts

@Suite("CaseFile")
struct CaseFileTests {
    private static let thread = ThreadKey(shop: "shop-1", buyer: "buyer-1")
    private static let caseId = CaseEvent.caseId(for: thread)

    private static func entry(_ type: CaseEventType, _ id: String, at time: String,
                              _ change: (inout CaseEvent) -> Void = { _ in }) -> CaseEvent {
        var event = CaseEvent(eventId: "case/\(caseId)/\(id)", caseId: caseId, type: type, shop: thread.shop,
                              buyer: thread.buyer, conversationId: "c-1", agent: "A-1", alertId: nil, complaintId: nil,
                              complaintChannel: nil, occurredAt: SampleEvents.timestamp(time),
                              text: LocalizedText(chinese: "条目", english: "entry"))
        change(&event)
        return event
    }

    private static func opened() -> CaseEvent {
        entry(.opened, "opened", at: "2026-11-11T09:00:00+08:00") {
            $0.alertId = "alert/regulator/m-1"
            $0.state = .open
            $0.team = "T-1"
            $0.deadline = .acknowledge
            $0.dueAt = SampleEvents.timestamp("2026-11-11T09:15:00+08:00")
        }
    }

    private static func missedAck() -> CaseEvent {
        entry(.deadlineMissed, "deadline/acknowledge/1", at: "2026-11-11T09:15:00+08:00") {
            $0.deadline = .acknowledge
            $0.chainStep = 1
        }
    }

    @Test("folds scope, state and counts")
    func foldsScopeAndState() throws {
        let events = [
            Self.opened(),
            Self.entry(.alertLinked, "alert-2", at: "2026-11-11T09:05:00+08:00") { $0.alertId = "a-2" },
            Self.entry(.complaintLinked, "complaint-1", at: "2026-11-11T10:00:00+08:00") {
                $0.complaintChannel = .hotline12315
                $0.state = .escalatedRegulator
            },
        ]
        let file = try #require(CaseFile.fold(events).first)
        #expect(file.team == "T-1")
        #expect(file.alerts == 2)
        #expect(file.complaints == [.hotline12315])
        #expect(file.reachedRegulator)
        #expect(file.state == .escalatedRegulator)
    }

    @Test("a republished event is folded once")
    func republishedOnce() throws {
        let file = try #require(CaseFile.fold([Self.opened(), Self.opened()]).first)
        #expect(file.alerts == 1)
        #expect(file.timeline.count == 1)
    }

    @Test("a missed acknowledgement is overdue until someone acknowledges")
    func overdueUntilAcknowledged() throws {
        var file = try #require(CaseFile.fold([Self.opened(), Self.missedAck()]).first)
        #expect(file.isOverdue)
        #expect(file.chainStep == 1)
        file.apply(Self.entry(.acknowledged, "ack", at: "2026-11-11T09:20:00+08:00") {
            $0.actor = "S-1"
            $0.state = .acknowledged
            $0.deadline = .followUp
            $0.dueAt = SampleEvents.timestamp("2026-11-11T13:20:00+08:00")
        })
        #expect(!file.isOverdue)
        #expect(file.acknowledgedBy == "S-1")
        #expect(file.nextDeadline?.deadline == .followUp)
    }

    @Test("a reopened case forgets the misses of its earlier round")
    func reopenForgetsMisses() throws {
        var file = try #require(CaseFile.fold([Self.opened(), Self.missedAck()]).first)
        file.apply(Self.entry(.reopened, "reopened", at: "2026-11-12T09:00:00+08:00") { $0.state = .open })
        #expect(!file.isOverdue)
        #expect(file.missedDeadlines.count == 1)
    }

    @Test("a refused command changes nothing but the refusals")
    func rejectionChangesNothing() throws {
        var file = try #require(CaseFile.fold([Self.opened()]).first)
        file.apply(Self.entry(.commandRejected, "rejected", at: "2026-11-11T09:01:00+08:00") {
            $0.state = .resolved
            $0.actor = "A-1"
        })
        #expect(file.state == .open)
        #expect(file.rejections.count == 1)
    }
}
