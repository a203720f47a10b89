import Foundation
import Testing
import VigilContracts
@testable import Scoring

/// The facts stage on the real chats, complaints and orders, checked against
/// a computation written separately here from the measure definitions.
@Suite("Facts on shared data", .enabled(if: SharedChatData.shouldRun))
struct SharedDataFactsTests {
    /// One conversation as computed here.
    struct Expected {
        var agent: String
        var site: String
        var time: Timestamp
        var last: Timestamp
        var waits: [Int] = []
        var unanswered = 0
        var convertingOrder: String?
    }

    private static func expectedConversations(_ messages: [ChatMessage], orders: [Order],
                                              conversionHours: Int64) -> [String: Expected] {
        let grouped = Dictionary(grouping: messages) { "conversation/\($0.shop)/\($0.conversationId)" }
        var expected: [String: Expected] = [:]
        for (factId, group) in grouped {
            let sorted = group.sorted {
                ($0.sentAt.epochMilliseconds, $0.eventId) < ($1.sentAt.epochMilliseconds, $1.eventId)
            }
            guard let first = sorted.first, let last = sorted.last else { continue }
            var conversation = Expected(agent: first.agent, site: first.site, time: first.sentAt, last: last.sentAt)

            var waitingSince: Int64?
            for message in sorted where message.role != .system {
                let milliseconds = message.sentAt.epochMilliseconds
                if message.role == .customer, waitingSince == nil {
                    waitingSince = milliseconds
                } else if message.role == .agent, let since = waitingSince {
                    conversation.waits.append(Int((milliseconds - since) / 1000))
                    waitingSince = nil
                }
            }
            conversation.unanswered = waitingSince == nil ? 0 : 1

            let windowEnd = last.sentAt.epochMilliseconds + conversionHours * 3_600_000
            conversation.convertingOrder = orders
                .filter { $0.shop == first.shop && $0.buyer == first.buyer }
                .filter { $0.paidAt.epochMilliseconds >= first.sentAt.epochMilliseconds }
                .filter { $0.paidAt.epochMilliseconds <= windowEnd }
                .min { ($0.paidAt.epochMilliseconds, $0.orderId) < ($1.paidAt.epochMilliseconds, $1.orderId) }?
                .orderId
            expected[factId] = conversation
        }
        return expected
    }

    @Test("facts match direct computation")
    func factsMatchDirectComputation() throws {
        let roster = try SharedChatData.read(RosterPerson.self, from: "roster.ndjson")
        let messages = try SharedChatData.chatFiles.flatMap { try SharedChatData.read(ChatMessage.self, from: $0) }
        let complaints = try SharedChatData.read(Complaint.self, from: "complaints-waimai.ndjson")
        let orders = try SharedChatData.read(Order.self, from: "orders-jd.ndjson")
        let people = Dictionary(roster.map { ($0.id, $0) }) { _, latest in latest }
        let harness = try FactsHarness(roster: roster)

        // Orders and complaints come after all chats here. The batch-split tests cover other arrival orders.
        let inputs: [any VigilEvent] = messages + orders + complaints
        let started = Date()
        for start in stride(from: 0, to: inputs.count, by: 1_000) {
            try harness.batch(Array(inputs[start..<min(start + 1_000, inputs.count)]))
        }
        let elapsed = Date().timeIntervalSince(started)

        let expected = Self.expectedConversations(messages, orders: orders, conversionHours: 24)
        let conversationIds = Set(harness.latest.keys.map(\.factId).filter { $0.hasPrefix("conversation/") })
        print("facts stage: \(inputs.count) records in \(elapsed) s, \(harness.emitted.count) facts emitted")
        #expect(conversationIds == Set(expected.keys))
        #expect(expected.count == 716 + 994)
        for (factId, conversation) in expected {
            let person = people[conversation.agent]
            #expect(harness.subjects(of: factId).contains("agent/\(conversation.agent)"))
            #expect(harness.subjects(of: factId).contains("site/\(person?.site ?? conversation.site)"))
            let shop = String(factId.split(separator: "/")[1])
            let fact = try #require(harness.current(factId, for: "shop/\(shop)"))
            #expect(fact.time == conversation.time, "\(factId)")
            #expect(fact.attribution.team == person?.team, "\(factId)")
            #expect(fact.conversation?.lastMessageAt == conversation.last, "\(factId)")
            #expect(fact.conversation?.responseSeconds == conversation.waits, "\(factId)")
            #expect(fact.conversation?.unansweredRounds == conversation.unanswered, "\(factId)")
            #expect(fact.conversation?.convertingOrder == conversation.convertingOrder, "\(factId)")
        }

        for complaint in complaints {
            let factId = "complaint/\(complaint.eventId)"
            let agent = complaint.conversationId.flatMap { expected["conversation/\(complaint.shop)/\($0)"]?.agent }
            let fact = try #require(harness.current(factId, for: "shop/\(complaint.shop)"))
            #expect(fact.attribution.agent == agent, "\(factId)")
            #expect(fact.complaint?.channel == complaint.channel)
        }
        for order in orders {
            let factId = "order/\(order.shop)/\(order.orderId)"
            let agent = order.agent ?? order.conversationId.flatMap { expected["conversation/\(order.shop)/\($0)"]?.agent }
            let fact = try #require(harness.current(factId, for: "shop/\(order.shop)"))
            #expect(fact.attribution.agent == agent, "\(factId)")
            #expect(fact.order?.amount == order.amount, "\(factId)")
        }
        #expect(harness.latest.values.allSatisfy { !$0.retracted }, "inputs in time order move no fact")
    }
}
