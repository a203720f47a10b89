import Foundation
import VigilContracts

/// One conversation's replies as the scoring definitions measure them,
/// computed from its messages alone.
struct ExpectedConversation {
    var shop: String
    var conversationId: String
    var buyer: String
    /// The agent and site of the earliest message.
    var agent: String
    var site: String
    var firstAt: Int64
    var lastAt: Int64
    /// The uncapped wait of every replied round, in whole seconds, in order.
    var waits: [Int] = []
    /// 1 when the last round is still open at the end, else 0.
    var unanswered = 0
    var converted = false

    /// The first round's wait, when an agent replied to it.
    ///
    /// Rounds close in the order they open, so a replied first round is the
    /// first wait, and an unanswered one leaves no wait at all.
    var firstResponse: Int? { waits.first }

    /// Groups the messages by shop and conversation id and measures each
    /// conversation. An order of the same shop and buyer paid from the first
    /// message until `conversionHours` after the last converts it.
    static func all(in inputs: ScoringInputs, conversionHours: Int) -> [ExpectedConversation] {
        var groups: [String: [ChatMessage]] = [:]
        for message in inputs.messages {
            groups["\(message.shop)/\(message.conversationId)", default: []].append(message)
        }
        var ordersByThread: [String: [Int64]] = [:]
        for order in inputs.orders {
            ordersByThread["\(order.shop)/\(order.buyer)", default: []].append(order.paidAt.epochMilliseconds)
        }

        let window = Int64(conversionHours) * 3_600_000
        return groups.values.map { messages in
            var conversation = measure(messages)
            let paid = ordersByThread["\(conversation.shop)/\(conversation.buyer)"] ?? []
            conversation.converted = paid.contains { conversation.firstAt <= $0 && $0 <= conversation.lastAt + window }
            return conversation
        }.sorted { ($0.shop, $0.conversationId) < ($1.shop, $1.conversationId) }
    }

    /// Walks the messages in (sent time, event id) order. A customer message
    /// opens a round when none is open, the next agent message closes it, and
    /// system messages count for neither.
    static func measure(_ unordered: [ChatMessage]) -> ExpectedConversation {
        let messages = unordered.sorted {
            ($0.sentAt.epochMilliseconds, $0.eventId) < ($1.sentAt.epochMilliseconds, $1.eventId)
        }
        let first = messages[0]
        var conversation = ExpectedConversation(
            shop: first.shop, conversationId: first.conversationId, buyer: first.buyer, agent: first.agent,
            site: first.site, firstAt: first.sentAt.epochMilliseconds,
            lastAt: messages[messages.count - 1].sentAt.epochMilliseconds)

        var openedAt: Int64?
        for message in messages {
            let time = message.sentAt.epochMilliseconds
            switch message.role {
            case .customer:
                if openedAt == nil {
                    openedAt = time
                }
            case .agent:
                if let start = openedAt {
                    conversation.waits.append(Int((time - start) / 1_000))
                    openedAt = nil
                }
            case .system:
                continue
            }
        }
        conversation.unanswered = openedAt == nil ? 0 : 1
        return conversation
    }
}
