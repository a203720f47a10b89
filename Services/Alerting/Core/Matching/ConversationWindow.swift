/// One conversation's recent matching history, which decides when rules
/// with a context window fire.
///
/// A rule with `window: {rule: R, messages: N}` fires on a message whose text
/// matches it when rule R hit in the same message or within N messages
/// before or after it. Messages of every speaker count towards N, whichever
/// speaker the rules read. The window keeps only what it needs for that: the
/// position of each recent message in which a rule named by a window hit,
/// and the candidates still waiting for their window, with their evidence.
/// It keeps no other message text and drops messages further back than the
/// max window of the rule set (at most 100 messages), so it stays small
/// enough to be stored per conversation as JSON.
public struct ConversationWindow: Codable, Sendable, Equatable {
    /// A recent message that hit a window's rule or has a waiting candidate.
    struct Entry: Codable, Sendable, Equatable {
        /// The message's position in the conversation, counted from 0.
        var position: Int
        var messageId: String
        /// The ids of the rules named by some window that hit in the message.
        var targets: [String]
        /// The message's window candidates that have not fired yet.
        var pending: [RuleHit]
    }

    /// The number of messages observed, which is the position of the next one.
    public private(set) var observedMessages: Int = 0
    /// Ordered by position.
    private var entries: [Entry] = []

    /// The maximum distance in messages that a window can reach, in any rule set.
    public static let maximumDistance = RuleWindow.messagesRange.upperBound

    /// An empty history, for a conversation's first message.
    public init() {}

    // MARK: - Observing

    /// Records the next message of the conversation and returns the window
    /// hits that become true with it, earlier messages first. A hit belongs
    /// to this message when its candidate's window finds the named rule here
    /// or in the messages before. A hit belongs to an earlier message when
    /// this message's hit of the named rule completes that message's window.
    /// The same rule never fires twice on the same message.
    ///
    /// `matches` must come from `ruleSet`. Candidates of a rule that has no
    /// window in `ruleSet` are dropped, so a new rule set version can replace
    /// the old one between messages.
    public mutating func observe(messageId: String, matches: MessageRuleMatches,
                                 ruleSet: CompiledRuleSet) -> [WindowHit] {
        let position = observedMessages
        observedMessages += 1

        let present = Set((matches.hits + matches.windowCandidates).map(\.ruleId))
        var fired: [WindowHit] = []

        // Earlier candidates whose window this message completes.
        for index in entries.indices {
            let earlier = entries[index]
            entries[index].pending.removeAll { candidate in
                guard let window = ruleSet.window(ofRule: candidate.ruleId) else { return true }
                guard position - earlier.position <= window.messages, present.contains(window.rule) else { return false }
                fired.append(WindowHit(messageId: earlier.messageId, hit: candidate))
                return true
            }
        }

        // This message's candidates: fire now, or wait for a later hit.
        var waiting: [RuleHit] = []
        for candidate in matches.windowCandidates {
            guard let window = ruleSet.window(ofRule: candidate.ruleId) else { continue }
            if hasRecentHit(of: window.rule, within: window.messages, of: position, present: present) {
                fired.append(WindowHit(messageId: messageId, hit: candidate))
            } else {
                waiting.append(candidate)
            }
        }

        let targets = present.filter { ruleSet.windowTargets.contains($0) }.sorted()
        if !targets.isEmpty || !waiting.isEmpty {
            entries.append(Entry(position: position, messageId: messageId, targets: targets, pending: waiting))
        }
        forget(before: position, ruleSet: ruleSet)
        return fired
    }

    /// True when `rule` hit in this message or in one at most `distance` messages before it.
    private func hasRecentHit(of rule: String, within distance: Int, of position: Int, present: Set<String>) -> Bool {
        if present.contains(rule) {
            return true
        }
        return entries.contains { position - $0.position <= distance && $0.targets.contains(rule) }
    }

    // MARK: - Forgetting

    /// Drops what no later message can reach: candidates whose window has
    /// passed and messages further back than the largest window.
    private mutating func forget(before position: Int, ruleSet: CompiledRuleSet) {
        let reach = min(ruleSet.largestWindow, Self.maximumDistance)
        for index in entries.indices {
            // The next message is one further away than this one.
            let nextDistance = position + 1 - entries[index].position
            entries[index].pending.removeAll { candidate in
                guard let window = ruleSet.window(ofRule: candidate.ruleId) else { return true }
                return nextDistance > window.messages
            }
        }
        entries.removeAll { entry in
            position + 1 - entry.position > reach || (entry.targets.isEmpty && entry.pending.isEmpty)
        }
    }
}
