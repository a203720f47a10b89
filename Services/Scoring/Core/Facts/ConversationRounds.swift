import VigilContracts

/// The reply rounds of one conversation: how long each customer waited for
/// an agent, and whether the last customer is still waiting.
///
/// A round opens at a customer message while no round is open, and the next
/// agent message closes it. Further customer messages in an open round do not
/// restart it, and agent messages outside a round do nothing. System messages
/// (bots and rules) count for neither side.
struct ConversationRounds: Equatable {
    /// One message as the rounds see it.
    struct Message: Equatable {
        var role: ChatRole
        var sentAt: Timestamp
    }

    /// The wait of every replied round, in order, in whole seconds rounded down.
    var responseSeconds: [Int] = []
    /// 1 when a round is still open after the last message, else 0.
    var unansweredRounds = 0

    /// Walks `messages`, which must already be in (sentAt, event id) order.
    init(messages: [Message]) {
        var openedAt: Timestamp?
        for message in messages {
            switch message.role {
            case .system:
                continue

            case .customer:
                if openedAt == nil {
                    openedAt = message.sentAt
                }

            case .agent:
                guard let start = openedAt else { continue }
                responseSeconds.append(Int(start.seconds(until: message.sentAt)))
                openedAt = nil
            }
        }
        unansweredRounds = openedAt == nil ? 0 : 1
    }
}
