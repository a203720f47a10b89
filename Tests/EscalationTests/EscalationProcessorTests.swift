import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore
@testable import Escalation

/// An escalation processor on its own SQLite file in a fresh temporary folder.
final class EscalationHarness {
    let catalogue = TopicCatalogue()
    let processor: EscalationProcessor
    let store: ServiceStore
    let context: ProcessingContext
    private let directory: URL
    private var nextOffset: Int64 = 0

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-escalation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        processor = EscalationProcessor(catalogue: catalogue)
        store = try ServiceStore(path: directory.appendingPathComponent("escalation.sqlite").path,
                                 registerMigrations: processor.registerMigrations)
        context = ProcessingContext(store: store, catalogue: catalogue)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Processes the event as the next record of `topic`.
    func process<Event: VigilEvent>(_ event: Event, on topic: TopicSpec) throws {
        try process(value: try EventCoding.encode(event), on: topic.name)
    }

    func process(value: [UInt8], on topicName: String) throws {
        let record = KafkaRecord(topic: topicName, partition: 0, offset: nextOffset, key: nil, value: value,
                                 timestampMilliseconds: nil)
        nextOffset += 1
        try processor.process(record, context: context)
    }

    /// Returns every outbox entry, oldest first.
    func entries() throws -> [Outbox.Entry] {
        try store.outbox.pending(limit: 1_000)
    }

    /// Decodes every case event in the outbox, oldest first.
    func caseEvents() throws -> [CaseEvent] {
        try entries().map { try EventCoding.decode(CaseEvent.self, from: $0.record.value) }
    }
}

@Suite("EscalationProcessor")
struct EscalationProcessorTests {
    /// Case ids hashed outside Vigil: FNV-1a 64 over "shop-waimai", 0x1F and the buyer.
    static let caseBuyer1 = "case-12041eaa1a0fe342"
    static let caseBuyer2 = "case-12041daa1a0fe18f"

    private func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    private func alert(_ messageId: String, buyer: String = "buyer-1", shop: String = "shop-waimai",
                       terms: [String] = ["投诉"], at raisedAt: String = "2026-11-11T08:01:51+08:00") throws -> Alert {
        Alert(eventId: "alert/message/hf/\(messageId)", kind: .keyword, category: .complaint, severity: .high,
              matchedTerms: terms, ruleVersion: "builtin-1", shop: shop, buyer: buyer, site: "hf",
              conversationId: "conv-\(buyer)", messageId: messageId, agent: "A-hf-b03", team: "T-hf-b",
              recipient: AlertRecipient(personId: "S-hf-b", name: "合肥B组主管", role: .supervisor),
              raisedAt: try time(raisedAt), snippet: "我要投诉", text: LocalizedText(chinese: "预警", english: "alert"))
    }

    private func complaint(_ complaintId: String, buyer: String = "buyer-1", shop: String = "shop-waimai",
                           channel: ComplaintChannel = .hotline12315,
                           at filedAt: String = "2026-11-13T11:13:19+08:00") throws -> Complaint {
        Complaint(complaintId: complaintId, channel: channel, shop: shop, buyer: buyer,
                  conversationId: "conv-\(buyer)", filedAt: try time(filedAt), summary: "顾客就该会话涉及的问题提起投诉",
                  synthetic: true)
    }

    // MARK: - Alerts

    @Test("first alert opens case")
    func firstAlertOpensCase() throws {
        let harness = try EscalationHarness()

        try harness.process(try alert("m-1"), on: harness.catalogue.alerts)

        let entries = try harness.entries()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.record.topic == "vigil.case.events")
        #expect(entry.record.key == Array("shop-waimai/buyer-1".utf8))
        let event = try EventCoding.decode(CaseEvent.self, from: entry.record.value)
        #expect(event.type == .opened)
        #expect(event.caseId == Self.caseBuyer1)
        #expect(event.eventId == "case/\(Self.caseBuyer1)/opened")
        #expect(event.alertId == "alert/message/hf/m-1")
        #expect(event.complaintId == nil)
        #expect(event.shop == "shop-waimai")
        #expect(event.buyer == "buyer-1")
        #expect(event.agent == "A-hf-b03")
        #expect(event.conversationId == "conv-buyer-1")
        #expect(event.occurredAt.iso8601 == "2026-11-11T08:01:51+08:00")
    }

    @Test("opened text names words and follower")
    func openedTextNamesWords() throws {
        let harness = try EscalationHarness()

        try harness.process(try alert("m-1", terms: ["投诉", "12315"]), on: harness.catalogue.alerts)

        let event = try #require(try harness.caseEvents().first)
        #expect(event.text.chinese == "因顾客提到「投诉」、「12315」立案，由合肥B组主管跟进。")
        #expect(event.text.english == "Case opened because the customer mentioned “投诉”, “12315”; 合肥B组主管 follows up.")
    }

    @Test("second alert links to case")
    func secondAlertLinks() throws {
        let harness = try EscalationHarness()

        try harness.process(try alert("m-1"), on: harness.catalogue.alerts)
        try harness.process(try alert("m-2", terms: ["工商"], at: "2026-11-11T08:05:00+08:00"),
                            on: harness.catalogue.alerts)

        let events = try harness.caseEvents()
        #expect(events.count == 2)
        let linked = try #require(events.last)
        #expect(linked.type == .alertLinked)
        #expect(linked.caseId == Self.caseBuyer1)
        #expect(linked.eventId == "case/\(Self.caseBuyer1)/alert/message/hf/m-2")
        #expect(linked.alertId == "alert/message/hf/m-2")
        #expect(linked.occurredAt.iso8601 == "2026-11-11T08:05:00+08:00")
        #expect(linked.text.chinese == "新预警：顾客提到「工商」。")
        #expect(linked.text.english == "New alert: the customer mentioned “工商”.")
    }

    @Test("same alert twice changes nothing")
    func duplicateAlertIgnored() throws {
        let harness = try EscalationHarness()
        let first = try alert("m-1")

        try harness.process(first, on: harness.catalogue.alerts)
        try harness.process(first, on: harness.catalogue.alerts)

        let events = try harness.caseEvents()
        #expect(events.count == 1)
        #expect(events.first?.type == .opened)
        let links = try harness.store.database.scalar("SELECT count(*) FROM case_links").int
        #expect(links == 1)
    }

    @Test("different threads get different cases")
    func differentThreadsDifferentCases() throws {
        let harness = try EscalationHarness()

        try harness.process(try alert("m-1", buyer: "buyer-1"), on: harness.catalogue.alerts)
        try harness.process(try alert("m-2", buyer: "buyer-2"), on: harness.catalogue.alerts)

        let events = try harness.caseEvents()
        #expect(events.count == 2)
        #expect(events.map(\.type) == [.opened, .opened])
        #expect(events.map(\.caseId) == [Self.caseBuyer1, Self.caseBuyer2])
        #expect(events.map(\.eventId) == ["case/\(Self.caseBuyer1)/opened", "case/\(Self.caseBuyer2)/opened"])
    }

    @Test("other shop gets other case")
    func sameBuyerOtherShop() throws {
        let harness = try EscalationHarness()

        try harness.process(try alert("m-1", shop: "shop-waimai"), on: harness.catalogue.alerts)
        try harness.process(try alert("m-2", shop: "shop-jd"), on: harness.catalogue.alerts)

        let events = try harness.caseEvents()
        #expect(events.map(\.type) == [.opened, .opened])
        // FNV-1a 64 over "shop-jd", 0x1F and "buyer-1", hashed outside Vigil.
        #expect(events.last?.caseId == "case-fd0aa9c0e251e070")
    }

    // MARK: - Complaints

    @Test("complaint before alert emits nothing")
    func complaintBeforeAlertWaits() throws {
        let harness = try EscalationHarness()

        try harness.process(try complaint("C-1"), on: harness.catalogue.complaints)

        #expect(try harness.entries().isEmpty)
        let pending = try harness.store.database.scalar("SELECT count(*) FROM pending_complaints").int
        #expect(pending == 1)
    }

    @Test("waiting complaint links when case opens")
    func waitingComplaintLinksOnOpen() throws {
        let harness = try EscalationHarness()

        try harness.process(try complaint("C-1"), on: harness.catalogue.complaints)
        try harness.process(try alert("m-1"), on: harness.catalogue.alerts)

        let events = try harness.caseEvents()
        #expect(events.count == 2)
        #expect(events.map(\.type) == [.opened, .complaintLinked])
        let linked = try #require(events.last)
        #expect(linked.caseId == Self.caseBuyer1)
        #expect(linked.eventId == "case/\(Self.caseBuyer1)/complaint/C-1")
        #expect(linked.complaintId == "complaint/C-1")
        #expect(linked.complaintChannel == .hotline12315)
        #expect(linked.alertId == nil)
        #expect(linked.agent == nil)
        #expect(linked.occurredAt.iso8601 == "2026-11-13T11:13:19+08:00")
        let pending = try harness.store.database.scalar("SELECT count(*) FROM pending_complaints").int
        #expect(pending == 0)
    }

    @Test("waiting complaints link in filing order")
    func waitingComplaintsLinkInOrder() throws {
        let harness = try EscalationHarness()

        try harness.process(try complaint("C-late", at: "2026-11-14T09:00:00+08:00"), on: harness.catalogue.complaints)
        try harness.process(try complaint("C-early", at: "2026-11-12T09:00:00+08:00"), on: harness.catalogue.complaints)
        try harness.process(try alert("m-1"), on: harness.catalogue.alerts)

        let events = try harness.caseEvents()
        #expect(events.map(\.type) == [.opened, .complaintLinked, .complaintLinked])
        #expect(events.map(\.complaintId) == [nil, "complaint/C-early", "complaint/C-late"])
    }

    @Test("complaint after case links immediately")
    func complaintAfterCaseLinks() throws {
        let harness = try EscalationHarness()

        try harness.process(try alert("m-1"), on: harness.catalogue.alerts)
        try harness.process(try complaint("C-1", channel: .consumerAssociation), on: harness.catalogue.complaints)

        let events = try harness.caseEvents()
        #expect(events.count == 2)
        let linked = try #require(events.last)
        #expect(linked.type == .complaintLinked)
        #expect(linked.caseId == Self.caseBuyer1)
        #expect(linked.eventId == "case/\(Self.caseBuyer1)/complaint/C-1")
        #expect(linked.complaintChannel == .consumerAssociation)
        #expect(linked.text.chinese == "顾客已向消费者协会投诉（投诉号 C-1）。")
        #expect(linked.text.english == "The customer complained to a consumer association (complaint C-1).")
    }

    @Test("same complaint twice links once")
    func duplicateComplaintLinksOnce() throws {
        let harness = try EscalationHarness()
        let filed = try complaint("C-1")

        try harness.process(try alert("m-1"), on: harness.catalogue.alerts)
        try harness.process(filed, on: harness.catalogue.complaints)
        try harness.process(filed, on: harness.catalogue.complaints)

        #expect(try harness.caseEvents().map(\.type) == [.opened, .complaintLinked])
    }

    @Test("complaint of other thread keeps waiting")
    func otherThreadComplaintWaits() throws {
        let harness = try EscalationHarness()

        try harness.process(try alert("m-1", buyer: "buyer-1"), on: harness.catalogue.alerts)
        try harness.process(try complaint("C-2", buyer: "buyer-2"), on: harness.catalogue.complaints)

        #expect(try harness.caseEvents().map(\.type) == [.opened])
        let pending = try harness.store.database.scalar("SELECT count(*) FROM pending_complaints").int
        #expect(pending == 1)
    }

    // MARK: - Rejections

    @Test("undecodable value throws rejection")
    func undecodableValueRejected() throws {
        let harness = try EscalationHarness()

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(value: Array("not json".utf8), on: harness.catalogue.alerts.name)
        }

        #expect(rejection?.reason == .invalidJSON)
        #expect(try harness.entries().isEmpty)
    }

    @Test("complaint missing field throws rejection")
    func complaintMissingFieldRejected() throws {
        let harness = try EscalationHarness()
        let value = Array(#"{"complaintId":"C-1","channel":"12315","shop":"shop-waimai","buyer":"buyer-1"}"#.utf8)

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(value: value, on: harness.catalogue.complaints.name)
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"filedAt\"") == true)
    }

    @Test("newer schema version throws rejection")
    func newerSchemaRejected() throws {
        let harness = try EscalationHarness()
        var newer = try alert("m-1")
        newer.schemaVersion = 2

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(newer, on: harness.catalogue.alerts)
        }

        #expect(rejection?.reason == .unsupportedSchema)
    }

    @Test("unknown topic throws rejection")
    func unknownTopicRejected() throws {
        let harness = try EscalationHarness()
        let value = try EventCoding.encode(try alert("m-1"))

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(value: value, on: harness.catalogue.scores.name)
        }

        #expect(rejection?.reason == .unprocessable)
    }
}
