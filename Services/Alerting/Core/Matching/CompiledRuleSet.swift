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
/// Rules with a `window` need other messages of the
/// conversation. This type does not evaluate them and lists them in
/// ``rulesNeedingContext``.
public struct CompiledRuleSet: Sendable {
    /// The version of the rule set it was compiled from.
    public let version: String
    /// The ids of the rules with a `window`, in file order, which ``match(text:speaker:)`` never reports.
    public let rulesNeedingContext: [String]

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
        for rule in ruleSet.rules {
            if rule.window != nil {
                needingContext.append(rule.id)
                continue
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

    // MARK: - Matching

    /// Returns the rules that fire on one message written by `speaker`, in
    /// file order, each with the text that made it fire.
    public func match(text: String, speaker: RuleSpeaker) -> [RuleHit] {
        match(normalizer.normalize(text), speaker: speaker)
    }

    /// Returns the rules that fire on a message the caller already normalized
    /// with the same ``TextNormalizer``, as ``match(text:speaker:)`` does.
    public func match(_ text: NormalizedText, speaker: RuleSpeaker) -> [RuleHit] {
        let matches = automaton.matches(in: text.scalars)
        let candidates = rulesToEvaluate(for: matches, speaker: speaker)
        // Most messages have no candidate (no keyword, only negation cues or
        // exclusion words, or another speaker's rules) and end here, before
        // any per-message allocation.
        if candidates.isEmpty {
            return []
        }
        let message = MessageMatches(text: text, matches: matches)

        var hits: [RuleHit] = []
        for index in candidates {
            let rule = rules[index]

            var evidence: [MatchEvidence] = []
            guard rule.matcher.evaluate(in: message, negation: rule.negation, evidence: &evidence) else { continue }
            hits.append(RuleHit(ruleId: rule.id, category: rule.category, severity: rule.severity, title: rule.title,
                                evidence: Self.explain(evidence, in: text)))
        }
        return hits
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
        let ordered = Set(evidence).sorted { left, right in
            if left.range.lowerBound != right.range.lowerBound {
                return left.range.lowerBound < right.range.lowerBound
            }
            return left.range.upperBound > right.range.upperBound
        }
        return ordered.map { match in
            var normalized = String.UnicodeScalarView()
            normalized.append(contentsOf: text.scalars[match.range])
            return RuleEvidence(term: match.term, normalizedRange: match.range, normalizedText: String(normalized),
                                originalRange: text.originalScalarRange(of: match.range),
                                originalText: text.originalText(of: match.range))
        }
    }
}
