import VigilContracts

/// Matches a stream of chat messages against a rule set, one
/// ``ConversationWindow`` per conversation, in memory.
///
/// It drives the evaluation and the tests. A stream service keeps the
/// windows in its store instead, because this one keeps them only in memory.
/// Messages must arrive in each conversation's order, each once, because a
/// repeated message counts twice. An instance is not safe to share between tasks.
public final class ConversationMatcher {
    /// The rule set every message is matched against.
    public let ruleSet: CompiledRuleSet

    /// Windows by shop and conversation id, because conversation ids are unique only per shop.
    private var windows: [String: ConversationWindow] = [:]

    public init(ruleSet: CompiledRuleSet) {
        self.ruleSet = ruleSet
    }

    /// The number of conversations seen so far.
    public var conversationCount: Int { windows.count }

    // MARK: - Observing

    /// Matches the next message of its conversation and returns every hit
    /// that becomes known with it. That includes window rules that fire on
    /// earlier messages of the conversation, listed first. The message's role
    /// is the speaker. A `system` message is read only by rules for `any` speaker.
    public func observe(message: ChatMessage) -> [DetectedHit] {
        let matches = ruleSet.matches(text: message.text, speaker: Self.speaker(of: message.role))
        let key = "\(message.shop)/\(message.conversationId)"

        let windowHits = windows[key, default: ConversationWindow()]
            .observe(messageId: message.messageId, matches: matches, ruleSet: ruleSet)

        var detected: [DetectedHit] = windowHits
            .filter { $0.messageId != message.messageId }
            .map { DetectedHit(messageId: $0.messageId, hit: $0.hit) }
        detected += matches.hits.map { DetectedHit(messageId: message.messageId, hit: $0) }
        detected += windowHits
            .filter { $0.messageId == message.messageId }
            .map { DetectedHit(messageId: $0.messageId, hit: $0.hit) }
        return detected
    }

    /// Returns the speaker that rules see for a role. System messages count as
    /// an unknown speaker, which no customer or agent rule reads.
    static func speaker(of role: ChatRole) -> RuleSpeaker {
        switch role {
        case .customer: .customer
        case .agent: .agent
        case .system: .any
        }
    }
}
