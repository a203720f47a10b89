import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore
@testable import Scoring

/// A scoring processor on its own SQLite file in a fresh temporary folder.
final class ScoringHarness {
    let catalogue = TopicCatalogue()
    let processor: ScoringProcessor
    let store: ServiceStore
    let context: ProcessingContext
    private let directory: URL
    private var nextOffset: Int64 = 0
    private var lastSequence: Int64 = 0

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-scoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        processor = ScoringProcessor(catalogue: catalogue)
        store = try ServiceStore(path: directory.appendingPathComponent("scoring.sqlite").path,
                                 registerMigrations: processor.registerMigrations)
        context = ProcessingContext(store: store, catalogue: catalogue)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func process(_ message: ChatMessage) throws {
        try process(message, on: catalogue.chatMessages)
    }

    func process(_ alert: Alert) throws {
        try process(alert, on: catalogue.alerts)
    }

    func process(_ event: CaseEvent) throws {
        try process(event, on: catalogue.caseEvents)
    }

    func process(_ complaint: Complaint) throws {
        try process(complaint, on: catalogue.complaints)
    }

    func process(value: [UInt8], on topicName: String) throws {
        let record = KafkaRecord(topic: topicName, partition: 0, offset: nextOffset, key: nil, value: value,
                                 timestampMilliseconds: nil)
        nextOffset += 1
        try processor.process(record, context: context)
    }

    /// Ends the batch and returns the outbox entries it added, oldest first.
    func finishBatch() throws -> [Outbox.Entry] {
        try processor.finishBatch(context: context)
        let added = try store.outbox.pending(limit: 10_000).filter { $0.sequence > lastSequence }
        lastSequence = added.last?.sequence ?? lastSequence
        return added
    }

    /// Ends the batch and returns the scores it emitted, in emission order.
    func finishBatchScores() throws -> [Score] {
        try finishBatch().map { try EventCoding.decode(Score.self, from: $0.record.value) }
    }

    private func process<Event: VigilEvent>(_ event: Event, on topic: TopicSpec) throws {
        try process(value: try EventCoding.encode(event), on: topic.name)
    }
}

@Suite("ScoringProcessor")
struct ScoringProcessorTests {
    private func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    private func message(_ messageId: String, _ role: ChatRole, at sentAt: String, conversation: String = "conv-1",
                         agent: String = "A-hf-b03") throws -> ChatMessage {
        ChatMessage(messageId: messageId, site: "hf", shop: "shop-waimai", conversationId: conversation,
                    buyer: "buyer-\(conversation)", agent: agent, role: role, text: "您好",
                    sentAt: try time(sentAt))
    }

    private func alert(_ messageId: String, at raisedAt: String, conversation: String = "conv-1",
                       agent: String = "A-hf-b03") throws -> Alert {
        Alert(eventId: "alert/message/hf/\(messageId)", kind: .keyword, category: .complaint, severity: .high,
              matchedTerms: ["投诉"], ruleVersion: "builtin-1", shop: "shop-waimai", buyer: "buyer-\(conversation)",
              site: "hf", conversationId: conversation, messageId: messageId, agent: agent, team: "T-hf-b",
              recipient: nil, raisedAt: try time(raisedAt), snippet: "我要投诉",
              text: LocalizedText(chinese: "预警", english: "alert"))
    }

    private func caseEvent(_ type: CaseEventType, caseId: String = "case-1", eventId: String? = nil,
                           at occurredAt: String, conversation: String = "conv-1",
                           agent: String? = "A-hf-b03") throws -> CaseEvent {
        CaseEvent(eventId: eventId ?? "case/\(caseId)/\(type.rawValue)", caseId: caseId, type: type,
                  shop: "shop-waimai", buyer: "buyer-\(conversation)", conversationId: conversation, agent: agent,
                  alertId: nil, complaintId: nil, complaintChannel: nil, occurredAt: try time(occurredAt),
                  text: LocalizedText(chinese: "立案", english: "opened"))
    }

    private func complaint(_ complaintId: String, at filedAt: String, conversation: String? = "conv-1") throws -> Complaint {
        Complaint(complaintId: complaintId, channel: .platform, shop: "shop-waimai",
                  buyer: "buyer-\(conversation ?? "none")", conversationId: conversation, filedAt: try time(filedAt),
                  summary: "顾客就该会话涉及的问题提起投诉", synthetic: true)
    }

    // MARK: - Conversations

    @Test("conversation counted once")
    func conversationCountedOnce() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try message("m-2", .agent, at: "2026-11-11T08:00:20+08:00"))
        try harness.process(try message("m-3", .customer, at: "2026-11-11T08:01:00+08:00"))
        try harness.process(try message("m-4", .customer, at: "2026-11-11T09:00:00+08:00", conversation: "conv-2"))

        let scores = try harness.finishBatchScores()
        #expect(scores.count == 1)
        #expect(scores.first?.figures.conversations == 2)
    }

    @Test("arrival order changes nothing")
    func arrivalOrderIndependent() throws {
        let inOrder = try ScoringHarness()
        let reversed = try ScoringHarness()
        let messages = [
            try message("m-1", .customer, at: "2026-11-11T23:59:00+08:00"),
            try message("m-2", .agent, at: "2026-11-12T00:01:00+08:00"),
            try message("m-3", .agent, at: "2026-11-12T00:05:00+08:00"),
        ]

        for message in messages {
            try inOrder.process(message)
        }
        for message in messages.reversed() {
            try reversed.process(message)
        }
        let expected = try inOrder.finishBatchScores()
        let actual = try reversed.finishBatchScores()

        let expectedDay = try #require(expected.first { $0.figures.conversations == 1 })
        #expect(expectedDay.period.start == "2026-11-11")
        #expect(expectedDay.figures.firstResponseSecondsTotal == 120)
        let actualDay = try #require(actual.first { $0.period.start == "2026-11-11" })
        #expect(actualDay.figures == expectedDay.figures)
        #expect(actual.filter { $0.period.start == "2026-11-12" }.allSatisfy { $0.figures.conversations == 0 },
                "the day first guessed from a later message is corrected to zero")
    }

    @Test("same conversation id in two shops")
    func conversationIdPerShop() throws {
        let harness = try ScoringHarness()
        let first = try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00")
        var second = try message("m-2", .customer, at: "2026-11-11T08:00:00+08:00")
        second.shop = "shop-other"

        try harness.process(first)
        try harness.process(second)

        let scores = try harness.finishBatchScores()
        #expect(scores.count == 1)
        #expect(scores.first?.figures.conversations == 2)
    }

    @Test("conversation counts on first day")
    func conversationCountsOnFirstDay() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T23:59:30+08:00"))
        try harness.process(try message("m-2", .agent, at: "2026-11-12T00:00:30+08:00"))

        let scores = try harness.finishBatchScores()
        #expect(scores.count == 1)
        let score = try #require(scores.first)
        #expect(score.period.start == "2026-11-11")
        #expect(score.figures.conversations == 1)
        #expect(score.figures.firstResponses == 1)
        #expect(score.figures.firstResponseSecondsTotal == 60)
    }

    @Test("day boundary at midnight +08:00")
    func dayBoundaryAtMidnight() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T23:59:59+08:00", conversation: "conv-1"))
        try harness.process(try message("m-2", .customer, at: "2026-11-12T00:00:01+08:00", conversation: "conv-2"))

        let scores = try harness.finishBatchScores()
        #expect(scores.map(\.period.start) == ["2026-11-11", "2026-11-12"])
        #expect(scores.map(\.figures.conversations) == [1, 1])
    }

    @Test("UTC timestamps use +08:00 day")
    func utcTimestampsUseChinaDay() throws {
        let harness = try ScoringHarness()

        // 15:59:59Z is 23:59:59+08:00 on the 11th, and 16:00:01Z is 00:00:01+08:00 on the 12th.
        try harness.process(try message("m-1", .customer, at: "2026-11-11T15:59:59Z", conversation: "conv-1"))
        try harness.process(try message("m-2", .customer, at: "2026-11-11T16:00:01Z", conversation: "conv-2"))

        let scores = try harness.finishBatchScores()
        #expect(scores.map(\.period.start) == ["2026-11-11", "2026-11-12"])
    }

    // MARK: - First response

    @Test("first response after customer")
    func firstResponseAfterCustomer() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:01:51+08:00"))
        try harness.process(try message("m-2", .agent, at: "2026-11-11T08:02:13+08:00"))
        try harness.process(try message("m-3", .agent, at: "2026-11-11T08:09:00+08:00"))

        let score = try #require(try harness.finishBatchScores().first)
        #expect(score.figures.firstResponses == 1)
        #expect(score.figures.firstResponseSecondsTotal == 22)
    }

    @Test("system messages are not responses")
    func systemMessagesIgnored() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try message("m-2", .system, at: "2026-11-11T08:00:01+08:00"))
        try harness.process(try message("m-3", .agent, at: "2026-11-11T08:03:00+08:00"))

        let score = try #require(try harness.finishBatchScores().first)
        #expect(score.figures.firstResponses == 1)
        #expect(score.figures.firstResponseSecondsTotal == 180)
    }

    @Test("system message opens conversation")
    func systemMessageOpensConversation() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .system, at: "2026-11-11T08:00:00+08:00"))

        let scores = try harness.finishBatchScores()
        #expect(scores.count == 1)
        #expect(scores.first?.figures.conversations == 1)
        #expect(scores.first?.figures.firstResponses == 0)
    }

    @Test("system reply alone is no response")
    func systemReplyAloneIsNoResponse() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try message("m-2", .system, at: "2026-11-11T08:00:01+08:00"))

        let score = try #require(try harness.finishBatchScores().first)
        #expect(score.figures.conversations == 1)
        #expect(score.figures.firstResponses == 0)
        #expect(score.figures.firstResponseSecondsTotal == 0)
    }

    @Test("agent greeting before customer ignored")
    func greetingBeforeCustomerIgnored() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .agent, at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try message("m-2", .customer, at: "2026-11-11T08:00:10+08:00"))
        try harness.process(try message("m-3", .agent, at: "2026-11-11T08:01:10+08:00"))

        let score = try #require(try harness.finishBatchScores().first)
        #expect(score.figures.conversations == 1)
        #expect(score.figures.firstResponses == 1)
        #expect(score.figures.firstResponseSecondsTotal == 60)
    }

    @Test("greeting without customer is no response")
    func greetingWithoutCustomer() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .agent, at: "2026-11-11T08:00:00+08:00"))

        let score = try #require(try harness.finishBatchScores().first)
        #expect(score.figures.conversations == 1)
        #expect(score.figures.firstResponses == 0)
    }

    @Test("response seconds round down")
    func responseSecondsRoundDown() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00.900+08:00"))
        try harness.process(try message("m-2", .agent, at: "2026-11-11T08:00:02.800+08:00"))

        let score = try #require(try harness.finishBatchScores().first)
        // 1.9 s rounds down to 1 s.
        #expect(score.figures.firstResponseSecondsTotal == 1)
    }

    @Test("response times add up over conversations")
    func responseTimesAddUp() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("a-1", .customer, at: "2026-11-11T08:00:00+08:00", conversation: "conv-a"))
        try harness.process(try message("b-1", .customer, at: "2026-11-11T08:00:05+08:00", conversation: "conv-b"))
        try harness.process(try message("a-2", .agent, at: "2026-11-11T08:00:30+08:00", conversation: "conv-a"))
        try harness.process(try message("b-2", .agent, at: "2026-11-11T08:05:05+08:00", conversation: "conv-b"))

        let score = try #require(try harness.finishBatchScores().first)
        #expect(score.figures.conversations == 2)
        #expect(score.figures.firstResponses == 2)
        #expect(score.figures.firstResponseSecondsTotal == 330)
        #expect(score.figures.firstResponseSecondsMean == 165)
    }

    // MARK: - Alerts, cases and complaints

    @Test("alerts counted per agent and day")
    func alertsCounted() throws {
        let harness = try ScoringHarness()

        try harness.process(try alert("m-1", at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try alert("m-2", at: "2026-11-11T09:00:00+08:00"))
        try harness.process(try alert("m-3", at: "2026-11-12T09:00:00+08:00"))
        try harness.process(try alert("m-4", at: "2026-11-11T10:00:00+08:00", agent: "A-hf-b04"))

        let scores = try harness.finishBatchScores()
        #expect(scores.map(\.subject.id) == ["A-hf-b03", "A-hf-b03", "A-hf-b04"])
        #expect(scores.map(\.period.start) == ["2026-11-11", "2026-11-12", "2026-11-11"])
        #expect(scores.map(\.figures.alerts) == [2, 1, 1])
    }

    @Test("only opened case events count")
    func onlyOpenedCasesCount() throws {
        let harness = try ScoringHarness()

        try harness.process(try caseEvent(.opened, at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try caseEvent(.alertLinked, eventId: "case/case-1/alert/m-2", at: "2026-11-11T08:10:00+08:00"))
        try harness.process(try caseEvent(.complaintLinked, eventId: "case/case-1/complaint/C-1",
                                          at: "2026-11-11T08:20:00+08:00"))
        try harness.process(try caseEvent(.opened, caseId: "case-2", at: "2026-11-11T09:00:00+08:00",
                                          conversation: "conv-2"))

        let scores = try harness.finishBatchScores()
        #expect(scores.count == 1)
        #expect(scores.first?.figures.cases == 2)
        #expect(scores.first?.figures.alerts == 0)
        #expect(scores.first?.figures.complaints == 0)
    }

    @Test("linked case events emit nothing")
    func linkedCaseEventsEmitNothing() throws {
        let harness = try ScoringHarness()

        try harness.process(try caseEvent(.alertLinked, eventId: "case/case-1/alert/m-2", at: "2026-11-11T08:10:00+08:00"))

        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("complaint counted for conversation agent")
    func complaintCountedForAgent() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))
        _ = try harness.finishBatch()
        try harness.process(try complaint("C-1", at: "2026-11-13T11:13:19+08:00"))

        let scores = try harness.finishBatchScores()
        #expect(scores.count == 1)
        let score = try #require(scores.first)
        #expect(score.subject.id == "A-hf-b03")
        #expect(score.period.start == "2026-11-13")
        #expect(score.figures.complaints == 1)
        #expect(score.figures.conversations == 0)
    }

    @Test("early complaint attributed when messages arrive")
    func earlyComplaintAttributedLater() throws {
        let harness = try ScoringHarness()

        try harness.process(try complaint("C-1", at: "2026-11-13T11:13:19+08:00"))
        #expect(try harness.finishBatch().isEmpty)

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))

        let scores = try harness.finishBatchScores()
        #expect(scores.map(\.period.start) == ["2026-11-11", "2026-11-13"])
        #expect(scores.map(\.subject.id) == ["A-hf-b03", "A-hf-b03"])
        #expect(scores.map(\.figures.conversations) == [1, 0])
        #expect(scores.map(\.figures.complaints) == [0, 1])
    }

    @Test("complaint without conversation counts nowhere")
    func complaintWithoutConversation() throws {
        let harness = try ScoringHarness()

        try harness.process(try complaint("C-1", at: "2026-11-13T11:13:19+08:00", conversation: nil))

        #expect(try harness.finishBatch().isEmpty)
    }

    // MARK: - Duplicates

    @Test("duplicate events not double counted")
    func duplicatesNotDoubleCounted() throws {
        let harness = try ScoringHarness()
        let customer = try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00")
        let reply = try message("m-2", .agent, at: "2026-11-11T08:00:40+08:00")
        let raised = try alert("m-1", at: "2026-11-11T08:00:00+08:00")
        let opened = try caseEvent(.opened, at: "2026-11-11T08:00:00+08:00")
        let filed = try complaint("C-1", at: "2026-11-11T12:00:00+08:00")

        for _ in 0..<2 {
            try harness.process(customer)
            try harness.process(reply)
            try harness.process(raised)
            try harness.process(opened)
            try harness.process(filed)
        }

        let scores = try harness.finishBatchScores()
        #expect(scores.count == 1)
        let figures = try #require(scores.first?.figures)
        #expect(figures.conversations == 1)
        #expect(figures.firstResponses == 1)
        #expect(figures.firstResponseSecondsTotal == 40)
        #expect(figures.alerts == 1)
        #expect(figures.cases == 1)
        #expect(figures.complaints == 1)
    }

    @Test("duplicate in later batch emits nothing")
    func duplicateInLaterBatchEmitsNothing() throws {
        let harness = try ScoringHarness()
        let raised = try alert("m-1", at: "2026-11-11T08:00:00+08:00")

        try harness.process(raised)
        #expect(try harness.finishBatch().count == 1)

        try harness.process(raised)
        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("second opened event of case ignored")
    func secondOpenedEventIgnored() throws {
        let harness = try ScoringHarness()

        try harness.process(try caseEvent(.opened, eventId: "case/case-1/opened", at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try caseEvent(.opened, eventId: "case/case-1/opened-again", at: "2026-11-11T08:00:00+08:00"))

        let scores = try harness.finishBatchScores()
        #expect(scores.first?.figures.cases == 1)
    }

    // MARK: - Emitted scores

    @Test("one score per changed agent day")
    func oneScorePerAgentDay() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("a-1", .customer, at: "2026-11-11T08:00:00+08:00", conversation: "conv-a"))
        try harness.process(try message("a-2", .agent, at: "2026-11-11T08:00:10+08:00", conversation: "conv-a"))
        try harness.process(try message("b-1", .customer, at: "2026-11-11T08:00:00+08:00", conversation: "conv-b",
                                        agent: "A-hf-b01"))
        try harness.process(try alert("a-1", at: "2026-11-11T08:00:00+08:00", conversation: "conv-a"))

        let entries = try harness.finishBatch()
        #expect(entries.count == 2)
        #expect(entries.map(\.record.topic) == ["vigil.scores", "vigil.scores"])
        #expect(entries.map(\.record.key) == [Array("agent/A-hf-b01/day/2026-11-11".utf8),
                                              Array("agent/A-hf-b03/day/2026-11-11".utf8)])
        let scores = try entries.map { try EventCoding.decode(Score.self, from: $0.record.value) }
        #expect(scores.map(\.subject.kind) == [.agent, .agent])
        #expect(scores.map(\.period.kind) == [.day, .day])
        #expect(scores.map(\.figures.conversations) == [1, 1])
        #expect(scores.map(\.figures.alerts) == [0, 1])
    }

    @Test("finishBatch without changes emits nothing")
    func finishBatchWithoutChanges() throws {
        let harness = try ScoringHarness()

        #expect(try harness.finishBatch().isEmpty)

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))
        #expect(try harness.finishBatch().count == 1)
        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("score event id follows figures")
    func scoreEventIdFollowsFigures() throws {
        let harness = try ScoringHarness()
        let prefix = "score/agent/A-hf-b03/day/2026-11-11/"

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))
        let first = try #require(try harness.finishBatchScores().first)
        try harness.process(try message("m-2", .agent, at: "2026-11-11T08:00:20+08:00"))
        let second = try #require(try harness.finishBatchScores().first)
        try harness.process(try message("m-3", .agent, at: "2026-11-11T08:05:00+08:00"))
        let third = try #require(try harness.finishBatchScores().first)

        // Fingerprints hashed outside Vigil: FNV-1a 64 over the six figures as decimal text, joined by 0x1F.
        #expect(first.eventId == prefix + "f3f7b53bc40b70bb")
        #expect(second.eventId == prefix + "d5370affc880a738")
        #expect(third.eventId == second.eventId)
        #expect(third.figures == second.figures)
    }

    @Test("score asOf is latest input time")
    func scoreAsOfIsLatest() throws {
        let harness = try ScoringHarness()

        try harness.process(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))
        try harness.process(try message("m-2", .agent, at: "2026-11-11T08:00:20+08:00"))
        try harness.process(try alert("m-3", at: "2026-11-11T08:30:00+08:00"))

        let score = try #require(try harness.finishBatchScores().first)
        #expect(score.asOf.iso8601 == "2026-11-11T08:30:00+08:00")
    }

    // MARK: - Rejections

    @Test("undecodable value throws rejection")
    func undecodableValueRejected() throws {
        let harness = try ScoringHarness()

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(value: Array("{\"messageId\":".utf8), on: harness.catalogue.chatMessages.name)
        }

        #expect(rejection?.reason == .invalidJSON)
    }

    @Test("unknown topic throws rejection")
    func unknownTopicRejected() throws {
        let harness = try ScoringHarness()
        let value = try EventCoding.encode(try message("m-1", .customer, at: "2026-11-11T08:00:00+08:00"))

        let rejection = #expect(throws: RecordRejection.self) {
            try harness.process(value: value, on: harness.catalogue.orders.name)
        }

        #expect(rejection?.reason == .unprocessable)
    }
}
