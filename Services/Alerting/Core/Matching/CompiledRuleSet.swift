import VigilContracts

/// A rule set compiled for matching single messages.
///
/// Every keyword of every rule, including the words of `allOf`, `anyOf`,
/// `noneOf`, keyword exclusions and negation cues, goes through the same
/// ``TextNormalizer`` as the messages and into one ``AhoCorasick``
/// automaton. A message is normalized once and scanned once. Only rules
/// with a keyword among the matches are then evaluated, so keyword rules
/// cost nothing on messages that do not mention them.
///
/// Regular expressions (`pattern` and pattern exclusions) run with
/// NSRegularExpression on the normalized text, so １２３１５ and 一二三一五 reach a
/// pattern as 12315. A pattern's required literals (``RegexLiterals``) join
/// the automaton, so the rule is a candidate only when one of them occurs.
/// A rule whose pattern has none, such as `[0-9]{11}`, is evaluated on every
/// message its speaker filter admits and adds a cost per rule and message.
/// Rules with a `window` need other messages of the conversation: this type
/// evaluates their matchers and reports them as
/// ``MessageRuleMatches/windowCandidates``, and ``ConversationWindow``
/// decides whether their window holds.
public struct CompiledRuleSet: Sendable {
    /// The version of the rule set it was compiled from.
    public let version: String
    /// The ids of the rules with a `window`, in file order, which ``match(text:speaker:)`` never reports.
    public let rulesNeedingContext: [String]
    /// The largest `window.messages` of the set, 0 when no rule has a window.
    public let largestWindow: Int

    private let normalizer: TextNormalizer
    private let automaton: AhoCorasick
    private let rules: [CompiledRule]

    /// The rules that can fire when automaton pattern `p` occurs are
    /// `candidateRules[candidateStart[p]..<candidateStart[p + 1]]`.
    private let candidateStart: [Int32]
    private let candidateRules: [Int32]
    /// The rules evaluated on every message, because a pattern or a
    /// `noneOf`-only element can make them hold without a keyword.
    private let unconditionalRules: [Int]
    /// The window of every rule that has one, by rule id.
    private let windows: [String: RuleWindow]
    /// The ids of the rules that some window names, whose hits ``ConversationWindow`` remembers.
    let windowTargets: Set<String>
    /// The rules' speaker filters by rule index, read while choosing
    /// candidates without copying each ``CompiledRule``.
    private let ruleSpeakers: [RuleSpeaker]

    // MARK: - Compiling

    /// Compiles `ruleSet`, normalizing every keyword with `normalizer`.
    /// Throws ``RuleCompileError`` for a regular expression NSRegularExpression rejects.
    public init(_ ruleSet: RuleSet, normalizer: TextNormalizer) throws(RuleCompileError) {
        var table = KeywordTable(normalizer: normalizer)
        var rules: [CompiledRule] = []
        var needingContext: [String] = []
        var windows: [String: RuleWindow] = [:]
        for rule in ruleSet.rules {
            if let window = rule.window {
                needingContext.append(rule.id)
                windows[rule.id] = window
            }
            rules.append(try CompiledRule(rule, table: &table))
        }

        // Pattern to rule lists, in flat arrays, each list without repeats.
        var rulesByPattern = [[Int32]](repeating: [], count: table.patterns.count)
        var unconditional: [Int] = []
        for (index, rule) in rules.enumerated() {
            if !rule.matcher.requiresKeyword {
                unconditional.append(index)
            }
            for pattern in Set(rule.matcher.positiveKeywordPatterns) {
                rulesByPattern[pattern].append(Int32(index))
            }
        }
        var candidateStart: [Int32] = []
        var candidateRules: [Int32] = []
        for list in rulesByPattern {
            candidateStart.append(Int32(candidateRules.count))
            candidateRules.append(contentsOf: list)
        }
        candidateStart.append(Int32(candidateRules.count))

        self.version = ruleSet.version
        self.rulesNeedingContext = needingContext
        self.windows = windows
        self.largestWindow = windows.values.map(\.messages).max() ?? 0
        self.windowTargets = Set(windows.values.map(\.rule))
        self.normalizer = normalizer
        self.automaton = AhoCorasick(patterns: table.patterns)
        self.rules = rules
        self.candidateStart = candidateStart
        self.candidateRules = candidateRules
        self.unconditionalRules = unconditional
        self.ruleSpeakers = rules.map(\.speaker)
    }

    /// The number of distinct normalized keywords in the automaton.
    public var keywordCount: Int { automaton.patternCount }

    /// Returns the window of the rule `id`, or nil when the rule has none or does not exist.
    public func window(ofRule id: String) -> RuleWindow? {
        windows[id]
    }

    /// Normalizes a text with the normalizer the keywords went through, so
    /// that a caller can normalize once and match several times.
    public func normalize(_ text: String) -> NormalizedText {
        normalizer.normalize(text)
    }

    // MARK: - Matching

    /// Returns the rules that fire on one message written by `speaker`, in
    /// file order, each with the text that made it fire. Rules with a window
    /// are left out; ``matches(text:speaker:)`` reports them.
    public func match(text: String, speaker: RuleSpeaker) -> [RuleHit] {
        matches(normalizer.normalize(text), speaker: speaker).hits
    }

    /// Returns the rules that fire on a message the caller already normalized
    /// with the same ``TextNormalizer``, as ``match(text:speaker:)`` does.
    public func match(_ text: NormalizedText, speaker: RuleSpeaker) -> [RuleHit] {
        matches(text, speaker: speaker).hits
    }

    /// Returns every rule whose matcher holds on one message written by
    /// `speaker`: ordinary rules as hits, rules with a window as candidates
    /// whose window the caller still has to check.
    public func matches(text: String, speaker: RuleSpeaker) -> MessageRuleMatches {
        matches(normalizer.normalize(text), speaker: speaker)
    }

    /// Returns the matches on a message the caller already normalized with
    /// the same ``TextNormalizer``, as ``matches(text:speaker:)`` does.
    public func matches(_ text: NormalizedText, speaker: RuleSpeaker) -> MessageRuleMatches {
        let automatonMatches = automaton.matches(in: text.scalars)
        let candidates = rulesToEvaluate(for: automatonMatches, speaker: speaker)
        // Most messages have no candidate (no keyword, only negation cues or
        // exclusion words, or another speaker's rules) and end here, before
        // any per-message allocation.
        if candidates.isEmpty {
            return MessageRuleMatches()
        }
        let message = MessageMatches(text: text, matches: automatonMatches)

        var result = MessageRuleMatches()
        for index in candidates {
            let rule = rules[index]

            var evidence: [MatchEvidence] = []
            guard rule.matcher.evaluate(in: message, negation: rule.negation, evidence: &evidence) else { continue }
            let hit = RuleHit(ruleId: rule.id, category: rule.category, severity: rule.severity, title: rule.title,
                              evidence: Self.explain(evidence, in: text))
            if rule.window == nil {
                result.hits.append(hit)
            } else {
                result.windowCandidates.append(hit)
            }
        }
        return result
    }

    /// Returns the rules to evaluate for the automaton's matches, in file
    /// order without repeats: the unconditional rules and those listed for a
    /// matched pattern, if they read `speaker`.
    private func rulesToEvaluate(for matches: [AhoCorasick.Match], speaker: RuleSpeaker) -> [Int] {
        /// ``CompiledRule/reads(_:)`` on the speaker alone.
        func reads(_ rule: Int) -> Bool {
            let filter = ruleSpeakers[rule]
            return filter == .any || filter == speaker
        }

        var candidates = unconditionalRules.filter(reads)
        for match in matches {
            for slot in Int(candidateStart[match.pattern])..<Int(candidateStart[match.pattern + 1]) {
                let rule = Int(candidateRules[slot])
                if reads(rule) {
                    candidates.append(rule)
                }
            }
        }
        guard candidates.count > 1 else { return candidates }
        candidates.sort()
        var unique = 0
        for index in candidates.indices where index == 0 || candidates[index] != candidates[unique - 1] {
            candidates[unique] = candidates[index]
            unique += 1
        }
        candidates.removeSubrange(unique...)
        return candidates
    }

    /// Orders and deduplicates the matches and maps each back to the original text.
    private static func explain(_ evidence: [MatchEvidence], in text: NormalizedText) -> [RuleEvidence] {
        let ordered = Set(evidence).sorted(by: MatchEvidence.precedes)
        return ordered.map { match in
            var normalized = String.UnicodeScalarView()
            normalized.append(contentsOf: text.scalars[match.range])
            return RuleEvidence(term: match.term, normalizedRange: match.range, normalizedText: String(normalized),
                                originalRange: text.originalScalarRange(of: match.range),
                                originalText: text.originalText(of: match.range))
        }
    }
}
