import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore
@testable import Scoring

@Suite("ScoringFactsProcessor")
struct ScoringFactsProcessorTests {
    private typealias F = ScoringFixtures
    private let conversation = "conversation/\(ScoringFixtures.shop)/c-1"

    // MARK: - Conversations

    @Test("conversation fact per subject")
    func conversationFactPerSubject() throws {
        let harness = try FactsHarness()

        let facts = try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
            try F.message("m-2", .agent, at: "2026-11-11T09:00:45.600+08:00"),
            try F.message("m-3", .customer, at: "2026-11-11T09:02:00+08:00"),
            try F.message("m-4", .system, at: "2026-11-11T09:02:01+08:00"),
        ])

        #expect(facts.map(\.subject.key) == ["agent/A-hz-a01", "team/T-hz-a", "vendor/V-BAIXING", "site/hz",
                                             "shop/\(F.shop)"])
        #expect(facts.allSatisfy { $0.factId == conversation })
        #expect(facts.allSatisfy { $0.revision == 4 }, "the revision counts the conversation's four messages")
        #expect(facts.allSatisfy { !$0.retracted })
        let fact = try #require(facts.first)
        #expect(fact.kind == .conversation)
        #expect(fact.time == (try F.time("2026-11-11T09:00:00+08:00")))
        #expect(fact.attribution == FactAttribution(shop: F.shop, site: "hz", vendor: "V-BAIXING", team: "T-hz-a",
                                                    agent: "A-hz-a01"))
        #expect(fact.eventId == "fact/agent/A-hz-a01/\(conversation)/4")
        let payload = try #require(fact.conversation)
        #expect(payload.responseSeconds == [45])
        #expect(payload.unansweredRounds == 1)
        #expect(payload.lastMessageAt == (try F.time("2026-11-11T09:02:01+08:00")))
        #expect(payload.convertingOrder == nil)
    }

    @Test("conversation agent from earliest message")
    func agentFromEarliestMessage() throws {
        let harness = try FactsHarness()

        try harness.batch([
            try F.message("m-2", .agent, at: "2026-11-11T09:01:00+08:00", agent: "A-hz-a02"),
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00", agent: "A-hz-a01"),
        ])

        #expect(harness.subjects(of: conversation) == F.subjects(of: "A-hz-a01"))
    }

    // MARK: - Conversion

    @Test("conversion window edges")
    func conversionWindowEdges() throws {
        let harness = try FactsHarness()
        try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
            try F.message("m-2", .agent, at: "2026-11-11T10:00:00+08:00"),
        ])

        try harness.batch([try F.order("O-before", at: "2026-11-11T08:59:59.999+08:00")])
        #expect(harness.current(conversation, for: "shop/\(F.shop)")?.conversation?.convertingOrder == nil)

        try harness.batch([try F.order("O-late", at: "2026-11-12T10:00:00.001+08:00")])
        #expect(harness.current(conversation, for: "shop/\(F.shop)")?.conversation?.convertingOrder == nil)

        try harness.batch([try F.order("O-end", at: "2026-11-12T10:00:00+08:00")])
        #expect(harness.current(conversation, for: "shop/\(F.shop)")?.conversation?.convertingOrder == "O-end",
                "an order paid exactly conversionHours after the last message converts")

        try harness.batch([try F.order("O-start", at: "2026-11-11T09:00:00+08:00")])
        #expect(harness.current(conversation, for: "shop/\(F.shop)")?.conversation?.convertingOrder == "O-start",
                "an order paid at the first message converts, and the earliest wins")
    }

    @Test("conversion ties by order id")
    func conversionTiesByOrderId() throws {
        let harness = try FactsHarness()

        try harness.batch([
            try F.order("O-2", at: "2026-11-11T12:00:00+08:00"),
            try F.order("O-1", at: "2026-11-11T12:00:00+08:00"),
            try F.order("O-3", at: "2026-11-11T11:00:00+08:00", buyer: "buyer-other"),
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
        ])

        #expect(harness.current(conversation, for: "agent/A-hz-a01")?.conversation?.convertingOrder == "O-1",
                "an order of another buyer does not convert")
    }

    @Test("conversion hours setting")
    func conversionHoursSetting() throws {
        let harness = try FactsHarness(conversionHours: 2)

        try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
            try F.order("O-1", at: "2026-11-11T11:00:01+08:00"),
        ])

        #expect(harness.current(conversation, for: "agent/A-hz-a01")?.conversation?.convertingOrder == nil)
    }

    // MARK: - Alerts

    @Test("alert counts at raising")
    func alertRaisedVersusRepeated() throws {
        let harness = try FactsHarness()

        let facts = try harness.batch([
            try F.alert("al-1", action: .raised, at: "2026-11-11T09:00:00+08:00"),
            try F.alert("al-1/repeated/m-2", action: .repeated, at: "2026-11-11T09:01:00+08:00"),
            try F.alert("al-1/reminded/1", action: .reminded, at: "2026-11-11T09:30:00+08:00"),
            try F.alert("al-1/closed", action: .closed, at: "2026-11-11T10:00:00+08:00"),
            try F.alert("al-2", .replyTimeout, category: .replyTimeout, at: "2026-11-11T11:00:00+08:00"),
        ])

        #expect(Set(facts.map(\.factId)) == ["alert/al-1", "alert/al-2"])
        let keyword = try #require(harness.current("alert/al-1", for: "team/T-hz-a"))
        #expect(keyword.kind == .alert)
        #expect(keyword.alert == AlertFact(kind: .keyword, category: .complaint))
        #expect(keyword.time == (try F.time("2026-11-11T09:00:00+08:00")))
        let timeout = try #require(harness.current("alert/al-2", for: "agent/A-hz-a01"))
        #expect(timeout.alert == AlertFact(kind: .replyTimeout, category: .replyTimeout),
                "an alert without an action field reads as raised")
        #expect(harness.subjects(of: "alert/al-2") == F.subjects(of: "A-hz-a01"))
    }

    @Test("alert of agent missing from roster")
    func alertAgentMissingFromRoster() throws {
        let harness = try FactsHarness()

        try harness.batch([try F.alert("al-1", at: "2026-11-11T09:00:00+08:00", agent: "A-new")])

        #expect(harness.subjects(of: "alert/al-1") == ["agent/A-new", "shop/\(F.shop)", "site/hz"],
                "the site comes from the alert when the roster lacks the agent")
    }

    // MARK: - Cases

    @Test("case fact from timeline")
    func caseFactFromTimeline() throws {
        let harness = try FactsHarness()
        let people = [CaseResponsibility(personId: "A-hz-a01", name: "王芳", role: .agent, level: .primary)]

        try harness.batch([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00") { $0.severity = .high },
            try F.caseEntry(.acknowledged, at: "2026-11-11T09:03:20+08:00"),
        ])
        let first = try #require(harness.current("case/case-1", for: "agent/A-hz-a01"))
        #expect(first.revision == 2, "the revision counts the case's two entries")
        #expect(first.caseFact?.acknowledgeSeconds == 200)
        #expect(first.caseFact?.escalated == false)

        try harness.batch([
            try F.caseEntry(.escalated, at: "2026-11-11T12:00:00+08:00") { $0.escalateTo = .regulator },
            try F.caseEntry(.classified, at: "2026-11-12T09:00:00+08:00") {
                $0.cause = .slowResponse
                $0.responsibilities = people
                $0.rectification = .required
            },
            try F.caseEntry(.planAccepted, at: "2026-11-13T09:00:00+08:00") { $0.rectification = .accepted },
        ])

        let fact = try #require(harness.current("case/case-1", for: "agent/A-hz-a01"))
        #expect(fact.revision == 5)
        #expect(fact.kind == .case)
        #expect(fact.time == (try F.time("2026-11-11T09:00:00+08:00")), "a case is placed at its opening")
        let payload = try #require(fact.caseFact)
        #expect(payload.severity == .high)
        #expect(payload.acknowledgeSeconds == 200)
        #expect(payload.escalated)
        #expect(payload.reachedRegulator)
        #expect(payload.cause == .slowResponse)
        #expect(payload.responsibilities == people)
        #expect(payload.rectification == .accepted)
        #expect(payload.rectificationOnTime)
        #expect(harness.subjects(of: "case/case-1") == F.subjects(of: "A-hz-a01"))
    }

    @Test("case without agent counts for shop")
    func caseWithoutAgent() throws {
        let harness = try FactsHarness()

        try harness.batch([try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00", agent: nil)])

        #expect(harness.subjects(of: "case/case-1") == ["shop/\(F.shop)", "site/hz"])
    }

    // MARK: - Complaints

    @Test("complaint moves when its chat arrives")
    func complaintMovesWithChat() throws {
        let harness = try FactsHarness()
        let factId = "complaint/complaint/cp-1"

        let before = try harness.batch([try F.complaint("cp-1", .hotline12315, at: "2026-11-11T15:00:00+08:00")])
        #expect(before.map(\.subject.key) == ["shop/\(F.shop)"])
        #expect(before.first?.complaint == ComplaintFact(channel: .hotline12315))
        #expect(before.first?.attribution.agent == nil)

        let after = try harness.batch([try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00")])
        let moved = after.filter { $0.factId == factId }
        #expect(moved.map(\.subject.key) == ["agent/A-hz-a01", "team/T-hz-a", "vendor/V-BAIXING", "site/hz",
                                             "shop/\(F.shop)"])
        #expect(moved.allSatisfy { !$0.retracted }, "the new subjects include the shop, so nothing is retracted")
        let shop = try #require(moved.last)
        #expect(shop.revision == 2, "the shop's copy changes because its attribution now names the agent")
        #expect(shop.attribution.agent == "A-hz-a01")
        #expect(moved.allSatisfy { $0.revision == 2 }, "the complaint and one message of its conversation")
        #expect(shop.time == (try F.time("2026-11-11T15:00:00+08:00")))
    }

    @Test("complaint without conversation stays with shop")
    func complaintWithoutConversation() throws {
        let harness = try FactsHarness()

        try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
            try F.complaint("cp-1", at: "2026-11-11T15:00:00+08:00", conversation: nil),
        ])

        #expect(harness.subjects(of: "complaint/complaint/cp-1") == ["shop/\(F.shop)"])
    }

    // MARK: - Orders

    @Test("order agent fallback")
    func orderAgentFallback() throws {
        let harness = try FactsHarness()

        try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00", agent: "A-hz-a01"),
            try F.order("O-named", at: "2026-11-11T10:00:00+08:00", amount: Decimal(string: "1299.50") ?? 0,
                        agent: "A-hf-b03", conversation: "c-1"),
            try F.order("O-chat", at: "2026-11-11T10:00:00+08:00", conversation: "c-1"),
            try F.order("O-none", at: "2026-11-11T10:00:00+08:00"),
            try F.order("O-unknown-chat", at: "2026-11-11T10:00:00+08:00", conversation: "c-9"),
        ])

        #expect(harness.subjects(of: "order/\(F.shop)/O-named") == F.subjects(of: "A-hf-b03"))
        #expect(harness.subjects(of: "order/\(F.shop)/O-chat") == F.subjects(of: "A-hz-a01"))
        #expect(harness.subjects(of: "order/\(F.shop)/O-none") == ["shop/\(F.shop)"])
        #expect(harness.subjects(of: "order/\(F.shop)/O-unknown-chat") == ["shop/\(F.shop)"])
        let named = try #require(harness.current("order/\(F.shop)/O-named", for: "team/T-hf-b"))
        #expect(named.kind == .order)
        #expect(named.order == OrderFact(orderId: "O-named", amount: Decimal(string: "1299.50") ?? 0,
                                         currency: "CNY", campaign: nil))
        #expect(named.time == (try F.time("2026-11-11T10:00:00+08:00")))
    }

    @Test("order moves when its chat arrives")
    func orderMovesWithChat() throws {
        let harness = try FactsHarness()
        let factId = "order/\(F.shop)/O-1"

        try harness.batch([try F.order("O-1", at: "2026-11-11T10:00:00+08:00", conversation: "c-1")])
        #expect(harness.subjects(of: factId) == ["shop/\(F.shop)"])

        try harness.batch([try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00", agent: "A-hf-b03")])
        #expect(harness.subjects(of: factId) == F.subjects(of: "A-hf-b03"))
    }

    // MARK: - Revisions

    @Test("revision counts every input")
    func revisionCountsEveryInput() throws {
        let harness = try FactsHarness()
        let first = try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
            try F.message("m-3", .agent, at: "2026-11-11T09:01:00+08:00"),
            try F.complaint("cp-1", at: "2026-11-11T15:00:00+08:00"),
        ])
        let before = first.filter { $0.factId == conversation }

        // A system message inside the conversation changes no content, but it is an input.
        let again = try harness.batch([try F.message("m-2", .system, at: "2026-11-11T09:00:30+08:00")])
        let republished = again.filter { $0.factId == conversation }
        #expect(republished.map(\.subject) == before.map(\.subject))
        #expect(republished.allSatisfy { $0.revision == 3 }, "three messages, the system message included")
        #expect(republished.map(\.conversation) == before.map(\.conversation))
        #expect(republished.map(\.attribution) == before.map(\.attribution))

        let changed = try harness.batch([try F.message("m-4", .customer, at: "2026-11-11T09:05:00+08:00")])
        let conversations = changed.filter { $0.factId == conversation }
        #expect(conversations.count == 5)
        #expect(conversations.allSatisfy { $0.revision == 4 })
        #expect(conversations.first?.conversation?.unansweredRounds == 1)
    }

    @Test("retraction when agent changes")
    func retractionWhenAgentChanges() throws {
        let harness = try FactsHarness()
        try harness.batch([try F.message("m-2", .customer, at: "2026-11-11T09:10:00+08:00", agent: "A-hz-a01")])

        let facts = try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00", agent: "A-hf-b03", site: "hf"),
        ])

        let retractions = facts.filter(\.retracted)
        #expect(retractions.map(\.subject.key) == ["agent/A-hz-a01", "team/T-hz-a", "vendor/V-BAIXING", "site/hz"])
        for retraction in retractions {
            #expect(retraction.revision == 2, "one revision above the last, and the count of two messages")
            #expect(retraction.conversation == nil)
            #expect(retraction.time == (try F.time("2026-11-11T09:10:00+08:00")),
                    "a retraction keeps the time the subject last had")
            #expect(retraction.attribution.agent == "A-hz-a01")
        }
        let updates = facts.filter { !$0.retracted }
        #expect(updates.map(\.subject.key) == ["agent/A-hf-b03", "team/T-hf-b", "vendor/V-HUAFENG", "site/hf",
                                               "shop/\(F.shop)"])
        #expect(updates.map(\.revision) == [2, 2, 2, 2, 2], "the conversation now derives from two messages")
        #expect(updates.allSatisfy { $0.time == (try? F.time("2026-11-11T09:00:00+08:00")) })
        #expect(harness.subjects(of: conversation) == F.subjects(of: "A-hf-b03"))
    }

    @Test("retracted subject comes back")
    func retractedSubjectComesBack() throws {
        let harness = try FactsHarness()
        try harness.batch([try F.message("m-3", .customer, at: "2026-11-11T09:20:00+08:00", agent: "A-hz-a01")])
        try harness.batch([try F.message("m-2", .customer, at: "2026-11-11T09:10:00+08:00", agent: "A-hf-b03")])
        #expect(harness.subjects(of: conversation) == F.subjects(of: "A-hf-b03"))

        let facts = try harness.batch([
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00", agent: "A-hz-a01"),
        ])

        let back = try #require(facts.first { $0.subject.key == "agent/A-hz-a01" })
        #expect(back.revision == 3, "revisions continue after the retraction")
        #expect(!back.retracted)
        #expect(facts.filter(\.retracted).map(\.subject.key) == ["agent/A-hf-b03", "team/T-hf-b",
                                                                 "vendor/V-HUAFENG", "site/hf"])
        #expect(harness.subjects(of: conversation) == F.subjects(of: "A-hz-a01"))
    }

    // MARK: - Roster

    @Test("roster tombstone drops groups")
    func rosterTombstone() throws {
        let harness = try FactsHarness()
        let tombstone = KafkaRecord(topic: harness.catalogue.roster.name, partition: 0, offset: 0,
                                    key: Array("A-hz-a01".utf8), value: [], timestampMilliseconds: nil)
        try harness.processor.applyTableRecord(tombstone)

        try harness.batch([try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00")])

        #expect(harness.subjects(of: conversation) == ["agent/A-hz-a01", "shop/\(F.shop)", "site/hz"])
    }

    @Test("roster record applies")
    func rosterRecord() throws {
        let harness = try FactsHarness(roster: [])
        let person = F.roster[2]
        let record = KafkaRecord(topic: harness.catalogue.roster.name, partition: 0, offset: 0,
                                 key: Array(person.id.utf8), value: try EventCoding.encode(person),
                                 timestampMilliseconds: nil)
        try harness.processor.applyTableRecord(record)

        try harness.batch([try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00", agent: "A-hf-b03")])

        #expect(harness.subjects(of: conversation) == F.subjects(of: "A-hf-b03"))
    }

    // MARK: - Duplicates and rejections

    @Test("duplicate input ignored")
    func duplicateInputIgnored() throws {
        let harness = try FactsHarness()
        let message = try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00")
        let order = try F.order("O-1", at: "2026-11-11T10:00:00+08:00", agent: "A-hz-a01")
        let entry = try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00")
        try harness.batch([message, order, entry])

        var changedOrder = order
        changedOrder.amount = 1
        let again = try harness.batch([message, changedOrder, entry,
                                       try F.caseEntry(.opened, at: "2026-11-11T09:30:00+08:00")])

        #expect(again.isEmpty, "records with event ids already applied change nothing")
        #expect(harness.current("order/\(F.shop)/O-1", for: "agent/A-hz-a01")?.order?.amount == 199)
    }

    @Test("bad record rejected")
    func badRecordRejected() throws {
        let harness = try FactsHarness()

        #expect(throws: RecordRejection.self) {
            try harness.process(value: Array("{not json".utf8), on: harness.catalogue.orders.name)
        }
        #expect(throws: RecordRejection.self) {
            try harness.process(value: Array("{}".utf8), on: harness.catalogue.chatMessages.name)
        }
        #expect(throws: RecordRejection.self) {
            try harness.process(value: try EventCoding.encode(try F.order("O-1", at: "2026-11-11T10:00:00+08:00")),
                                on: "vigil.elsewhere")
        }
        #expect(try harness.finishBatch().isEmpty)
    }

    @Test("order in another currency rejected")
    func otherCurrencyRejected() throws {
        let harness = try FactsHarness()
        var order = try F.order("O-usd", at: "2026-11-11T10:00:00+08:00")
        order.currency = "USD"

        #expect {
            try harness.process(value: try EventCoding.encode(order), on: harness.catalogue.orders.name)
        } throws: { error in
            let rejection = error as? RecordRejection
            return rejection?.reason == .invalidField && rejection?.message.contains("USD") == true
                && rejection?.message.contains("CNY") == true
        }
        #expect(try harness.finishBatch().isEmpty, "the order counts nowhere")

        order.currency = "CNY"
        order.orderId = "O-cny"
        try harness.process(value: try EventCoding.encode(order), on: harness.catalogue.orders.name)
        #expect(try harness.finishBatch().contains { $0.order?.orderId == "O-cny" })
    }

    @Test("empty ids and bad amounts rejected")
    func emptyIdsRejected() throws {
        let at = "2026-11-11T09:00:00+08:00"
        let message = try F.message("m-1", .customer, at: at)
        let alert = try F.alert("al-1", at: at)
        let entry = try F.caseEntry(.opened, at: at)
        let complaint = try F.complaint("cp-1", at: at)
        let order = try F.order("O-1", at: at, conversation: "c-1")
        var cases: [(field: String, event: any VigilEvent)] = []
        for field in ["shop", "conversationId", "buyer", "messageId"] {
            var changed = message
            switch field {
            case "shop": changed.shop = ""
            case "conversationId": changed.conversationId = ""
            case "buyer": changed.buyer = ""
            default: changed.messageId = ""
            }
            cases.append((field, changed))
        }
        var changedAlert = alert
        changedAlert.shop = ""
        cases.append(("shop", changedAlert))
        changedAlert = alert
        changedAlert.eventId = ""
        cases.append(("eventId", changedAlert))
        var changedEntry = entry
        changedEntry.shop = ""
        cases.append(("shop", changedEntry))
        changedEntry = entry
        changedEntry.caseId = ""
        cases.append(("caseId", changedEntry))
        var changedComplaint = complaint
        changedComplaint.shop = ""
        cases.append(("shop", changedComplaint))
        changedComplaint = complaint
        changedComplaint.conversationId = ""
        cases.append(("conversationId", changedComplaint))
        var changedOrder = order
        changedOrder.shop = ""
        cases.append(("shop", changedOrder))
        changedOrder = order
        changedOrder.buyer = ""
        cases.append(("buyer", changedOrder))
        changedOrder = order
        changedOrder.orderId = ""
        cases.append(("orderId", changedOrder))
        changedOrder = order
        changedOrder.conversationId = ""
        cases.append(("conversationId", changedOrder))
        changedOrder = order
        changedOrder.amount = -1
        cases.append(("amount", changedOrder))

        for (field, event) in cases {
            let harness = try FactsHarness()
            let error = try #require(throws: RecordRejection.self, "\(type(of: event)) \(field)") {
                try harness.process(event)
            }
            #expect(error.reason == .invalidField, "\(type(of: event)) \(field)")
            #expect(error.message.contains("invalid field \"\(field)\""), "\(type(of: event)): \(error.message)")
            #expect(try harness.finishBatch().isEmpty, "\(type(of: event)) \(field)")
        }
    }

    @Test("missing optional ids accepted")
    func missingOptionalIds() throws {
        let harness = try FactsHarness()

        let facts = try harness.batch([
            try F.complaint("cp-1", at: "2026-11-11T09:00:00+08:00", conversation: nil),
            try F.order("O-1", at: "2026-11-11T09:00:00+08:00", conversation: nil),
        ])

        #expect(Set(facts.map(\.factId)) == ["complaint/complaint/cp-1", "order/\(F.shop)/O-1"])
    }

    // MARK: - Batching

    /// Inputs of every kind across two threads, case entries in publication order.
    private func mixedInputs() throws -> [any VigilEvent] {
        [
            try F.complaint("cp-1", .marketRegulator, at: "2026-11-11T15:00:00+08:00", conversation: "c-2",
                            buyer: "buyer-2"),
            try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
            try F.order("O-1", at: "2026-11-11T20:00:00+08:00", conversation: "c-1"),
            try F.alert("al-1", at: "2026-11-11T09:00:10+08:00"),
            try F.message("m-2", .agent, at: "2026-11-11T09:00:40+08:00"),
            try F.caseEntry(.opened, caseId: "case-2", at: "2026-11-11T15:00:00+08:00", agent: nil,
                            buyer: "buyer-2"),
            try F.message("m-5", .agent, at: "2026-11-11T14:01:00+08:00", conversation: "c-2", agent: "A-hf-b03",
                          buyer: "buyer-2", site: "hf"),
            try F.alert("al-1/repeated/m-3", action: .repeated, at: "2026-11-11T09:01:00+08:00"),
            try F.message("m-3", .customer, at: "2026-11-11T09:01:00+08:00"),
            try F.caseEntry(.acknowledged, caseId: "case-2", at: "2026-11-11T15:10:00+08:00", agent: "A-hf-b03",
                            buyer: "buyer-2"),
            try F.message("m-4", .customer, at: "2026-11-11T14:00:00+08:00", conversation: "c-2", agent: "A-hf-b03",
                          buyer: "buyer-2", site: "hf"),
            try F.order("O-2", at: "2026-11-11T16:00:00+08:00", buyer: "buyer-2"),
            try F.message("m-6", .agent, at: "2026-11-11T08:59:00+08:00", agent: "A-hz-a02"),
        ]
    }

    @Test("batch splits give same facts")
    func batchSplitsGiveSameFacts() throws {
        let inputs = try mixedInputs()
        let whole = try FactsHarness()
        try whole.batch(inputs)

        let expected = whole.current
        #expect(expected.count > 20)
        #expect(whole.subjects(of: "conversation/\(F.shop)/c-1") == F.subjects(of: "A-hz-a02"))
        #expect(whole.subjects(of: "complaint/complaint/cp-1") == F.subjects(of: "A-hf-b03"))
        #expect(whole.subjects(of: "case/case-2") == F.subjects(of: "A-hf-b03"),
                "a later entry naming the agent moves the case")
        #expect(whole.current("conversation/\(F.shop)/c-2", for: "shop/\(F.shop)")?.conversation?.convertingOrder
                == "O-2")

        for size in [1, 2, 3, 5] {
            let split = try FactsHarness()
            for start in stride(from: 0, to: inputs.count, by: size) {
                try split.batch(Array(inputs[start..<min(start + size, inputs.count)]))
            }
            #expect(split.current == expected, "batches of \(size)")
        }
    }

    @Test("batch splits give same revisions")
    func batchSplitsGiveSameRevisions() throws {
        let inputs = try mixedInputs()
        let whole = try FactsHarness()
        try whole.batch(inputs)
        let expected = whole.latest.filter { !$0.value.retracted }.mapValues(\.revision)

        for size in [1, 2, 3, 5] {
            let split = try FactsHarness()
            for start in stride(from: 0, to: inputs.count, by: size) {
                try split.batch(Array(inputs[start..<min(start + size, inputs.count)]))
            }
            let revisions = split.latest.filter { !$0.value.retracted }.mapValues(\.revision)
            for slot in Set(expected.keys).union(revisions.keys).sorted(by: { ($0.factId, $0.subject) < ($1.factId, $1.subject) }) {
                #expect(revisions[slot] == expected[slot], "\(slot.factId) for \(slot.subject), batches of \(size)")
            }
        }
    }

    @Test("arrival order gives same facts")
    func arrivalOrderGivesSameFacts() throws {
        let inputs = try mixedInputs()
        let forward = try FactsHarness()
        try forward.batch(inputs)

        // Case entries keep their relative order, as one case's entries do on its partition.
        let entries = inputs.filter { $0 is CaseEvent }
        let others = inputs.filter { !($0 is CaseEvent) }
        let backward = try FactsHarness()
        for event in others.reversed() + entries {
            try backward.batch([event])
        }

        #expect(backward.current == forward.current)
    }

    @Test("same batch emits in fact order")
    func emissionOrder() throws {
        let harness = try FactsHarness()

        let facts = try harness.batch(try mixedInputs())

        let factIds = facts.map(\.factId)
        #expect(factIds == factIds.sorted())
    }

    // MARK: - Store

    @Test("migrates scoring-1 store")
    func migratesFirstStore() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-scoring-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("scoring.sqlite").path
        do {
            let old = try ServiceStore(path: path, registerMigrations: { ScoringSchema.register(in: &$0) })
            try old.database.run("""
                INSERT INTO conversations (conversation_key, agent, day, first_message_ms) VALUES ('s/c', 'A', 'd', 0)
                """)
        }

        let processor = ScoringFactsProcessor(catalogue: TopicCatalogue())
        let store = try ServiceStore(path: path, registerMigrations: processor.registerMigrations)

        let tables = try store.database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0[0].string }
        #expect(!tables.contains("conversations"))
        #expect(!tables.contains("conversation_messages"))
        #expect(!tables.contains("attributions"))
        #expect(tables.contains("chat_messages"))
        #expect(tables.contains("published_facts"))
        let migrations = try store.database.query("SELECT identifier FROM vigil_migrations ORDER BY position")
            .compactMap { $0[0].string }
        #expect(migrations.contains("scoring-1-conversations"))
        #expect(migrations.contains("scoring-2-facts"))
    }

    @Test("stored inputs keep no free text")
    func storedInputsWithoutText() throws {
        let harness = try FactsHarness()
        let phone = "13812345678"
        var message = try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00")
        message.text = "请回电 \(phone)"
        var complaint = try F.complaint("cp-1", at: "2026-11-11T10:00:00+08:00")
        complaint.summary = "顾客留下电话 \(phone)"

        try harness.batch([message, complaint])

        let database = harness.store.database
        let storedMessage = try #require(try database.scalar("SELECT message FROM chat_messages").bytes)
        let storedComplaint = try #require(try database.scalar("SELECT complaint FROM complaints").bytes)
        #expect(!String(decoding: storedMessage, as: UTF8.self).contains(phone))
        #expect(!String(decoding: storedComplaint, as: UTF8.self).contains(phone))
        #expect(try EventCoding.decode(ChatMessage.self, from: storedMessage).text.isEmpty)
        #expect(try EventCoding.decode(Complaint.self, from: storedComplaint).summary.isEmpty)
        #expect(harness.current(conversation, for: "agent/A-hz-a01") != nil, "the message still counts")
    }

    @Test("upgraded store derives earlier inputs")
    func upgradedStoreRereads() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-scoring-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("scoring.sqlite").path
        let catalogue = TopicCatalogue()
        let message = try F.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00")
        // The first scoring service stored its offsets and the ids it applied in the same file.
        do {
            let old = try ServiceStore(path: path, registerMigrations: { ScoringSchema.register(in: &$0) })
            try old.database.run("INSERT INTO vigil_offsets (topic, partition, next_offset) VALUES (?, ?, ?)",
                                 [catalogue.chatMessages.name, 0, 12_345])
            #expect(try old.appliedEvents.markApplied(message.eventId))
        }

        let processor = ScoringFactsProcessor(catalogue: catalogue)
        let store = try ServiceStore(path: path, registerMigrations: processor.registerMigrations)

        #expect(try store.database.scalar("SELECT count(*) FROM vigil_offsets").int == 0,
                "without stored offsets the stage reads its inputs from the start")
        #expect(try store.database.scalar("SELECT count(*) FROM vigil_applied_events").int == 0)

        let context = ProcessingContext(store: store, catalogue: catalogue)
        let record = KafkaRecord(topic: catalogue.chatMessages.name, partition: 0, offset: 0, key: nil,
                                 value: try EventCoding.encode(message), timestampMilliseconds: nil)
        try store.database.transaction {
            try processor.process(record, context: context)
            try processor.finishBatch(context: context)
        }
        let facts = try store.outbox.pending(limit: 100)
            .map { try EventCoding.decode(ScoringFact.self, from: $0.record.value) }
        #expect(Set(facts.map(\.factId)) == [conversation], "the message applied before the upgrade counts")
    }
}
