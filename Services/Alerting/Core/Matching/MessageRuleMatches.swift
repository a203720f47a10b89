/// The result of ``CompiledRuleSet`` for one message: the rules that fire, and
/// the rules with a context window whose matcher matches but whose window is
/// not checked yet.
public struct MessageRuleMatches: Sendable, Hashable {
    /// Rules without a window that fire on the message, in file order.
    public var hits: [RuleHit]
    /// Rules with a window whose own matcher holds, in file order. Each
    /// fires only when ``ConversationWindow`` finds its window's rule nearby.
    public var windowCandidates: [RuleHit]

    public init(hits: [RuleHit] = [], windowCandidates: [RuleHit] = []) {
        self.hits = hits
        self.windowCandidates = windowCandidates
    }
}
