/// A ``RuleMatcher`` with keywords replaced by automaton patterns and regular
/// expressions compiled.
struct CompiledMatcher: Sendable {
    /// A keyword: its automaton pattern and its spelling in the rules file.
    struct Keyword: Sendable {
        let pattern: Int
        let source: String
    }

    let keywords: [Keyword]
    let pattern: CompiledRegex?
    let exclusionKeywords: [Int]
    let exclusionPattern: CompiledRegex?
    let allOf: [CompiledMatcher]?
    let anyOf: [CompiledMatcher]?
    let noneOf: [CompiledMatcher]?
    /// True when the file sets `keywords` or `pattern`, even when every keyword normalized to nothing.
    let hasTerms: Bool

    // MARK: - Compiling

    init(_ matcher: RuleMatcher, ruleId: String, table: inout KeywordTable) throws(RuleCompileError) {
        keywords = (matcher.keywords ?? []).compactMap { keyword in
            table.pattern(for: keyword).map { Keyword(pattern: $0, source: keyword) }
        }
        pattern = try matcher.pattern.map { pattern throws(RuleCompileError) in
            try CompiledRegex(pattern, ruleId: ruleId, table: &table)
        }

        switch matcher.exclusion {
        case .keywords(let words):
            exclusionKeywords = words.compactMap { table.pattern(for: $0) }
            exclusionPattern = nil
        case .pattern(let source):
            exclusionKeywords = []
            exclusionPattern = try CompiledRegex(source, ruleId: ruleId, table: &table)
        case nil:
            exclusionKeywords = []
            exclusionPattern = nil
        }

        allOf = try Self.compile(matcher.allOf, ruleId: ruleId, table: &table)
        anyOf = try Self.compile(matcher.anyOf, ruleId: ruleId, table: &table)
        noneOf = try Self.compile(matcher.noneOf, ruleId: ruleId, table: &table)
        hasTerms = matcher.keywords != nil || matcher.pattern != nil
    }

    private static func compile(_ matchers: [RuleMatcher]?, ruleId: String,
                                table: inout KeywordTable) throws(RuleCompileError) -> [CompiledMatcher]? {
        guard let matchers else { return nil }
        var compiled: [CompiledMatcher] = []
        for matcher in matchers {
            compiled.append(try CompiledMatcher(matcher, ruleId: ruleId, table: &table))
        }
        return compiled
    }

    // MARK: - Candidate selection

    /// True when the matcher cannot hold unless one of ``positiveKeywordPatterns`` occurs,
    /// so a message without any of them can skip the rule. A regular
    /// expression counts as a keyword when it has required literals.
    var requiresKeyword: Bool {
        if hasTerms && (pattern == nil || pattern?.requiredLiterals != nil) {
            return true
        }
        if let allOf, allOf.contains(where: \.requiresKeyword) {
            return true
        }
        if let anyOf, !anyOf.isEmpty, anyOf.allSatisfy(\.requiresKeyword) {
            return true
        }
        return false
    }

    /// The automaton patterns of the keywords that can make the matcher hold:
    /// its own, its regular expression's required literals and those in
    /// `allOf` and `anyOf`, not those in `noneOf` or exclusions.
    var positiveKeywordPatterns: [Int] {
        var patterns = keywords.map(\.pattern) + (pattern?.requiredLiterals ?? [])
        for element in (allOf ?? []) + (anyOf ?? []) {
            patterns.append(contentsOf: element.positiveKeywordPatterns)
        }
        return patterns
    }

    // MARK: - Evaluation

    /// Evaluates the matcher on the message and appends the matches that made
    /// it hold to `evidence`. Matches that `negation` negates do not count,
    /// but `noneOf` elements and exclusions see every match, negated or not.
    func evaluate(in message: MessageMatches, negation: CompiledNegation?, evidence: inout [MatchEvidence]) -> Bool {
        if isExcluded(in: message) {
            return false
        }

        var found: [MatchEvidence] = []

        if hasTerms {
            for keyword in keywords {
                for range in message.occurrences(of: keyword.pattern) where !message.isNegated(range, by: negation) {
                    found.append(MatchEvidence(term: .keyword(keyword.source), range: range))
                }
            }
            if let pattern {
                for range in message.matches(of: pattern) where !message.isNegated(range, by: negation) {
                    found.append(MatchEvidence(term: .pattern(pattern.source), range: range))
                }
            }
            if found.isEmpty {
                return false
            }
        }

        if let allOf {
            for element in allOf where !element.evaluate(in: message, negation: negation, evidence: &found) {
                return false
            }
        }

        if let anyOf {
            var anyHeld = false
            for element in anyOf where element.evaluate(in: message, negation: negation, evidence: &found) {
                anyHeld = true
            }
            if !anyHeld {
                return false
            }
        }

        if let noneOf {
            var ignored: [MatchEvidence] = []
            for element in noneOf where element.evaluate(in: message, negation: nil, evidence: &ignored) {
                return false
            }
        }

        evidence.append(contentsOf: found)
        return true
    }

    private func isExcluded(in message: MessageMatches) -> Bool {
        if exclusionKeywords.contains(where: { !message.occurrences(of: $0).isEmpty }) {
            return true
        }
        if let exclusionPattern, !message.matches(of: exclusionPattern).isEmpty {
            return true
        }
        return false
    }
}

/// A rule's negation with its cues replaced by automaton patterns.
struct CompiledNegation: Sendable {
    let cues: [Int]
    let scope: Int
}

/// A match found while evaluating, before it is turned into a ``RuleEvidence``.
struct MatchEvidence: Hashable {
    let term: RuleEvidence.Term
    /// Scalar offsets into the normalized text.
    let range: Range<Int>

    /// Orders matches by start, the longer first, then by term: keywords
    /// before patterns, each by its source text. Two terms can match the same
    /// range (投诉 and 投訴 both normalize to 投诉), and the evidence is
    /// deduplicated through a `Set`, whose order differs between processes.
    static func precedes(_ left: MatchEvidence, _ right: MatchEvidence) -> Bool {
        if left.range.lowerBound != right.range.lowerBound {
            return left.range.lowerBound < right.range.lowerBound
        }
        if left.range.upperBound != right.range.upperBound {
            return left.range.upperBound > right.range.upperBound
        }
        return left.term.sortKey < right.term.sortKey
    }
}

extension RuleEvidence.Term {
    /// Keywords before patterns, then the source text.
    var sortKey: (Int, String) {
        switch self {
        case .keyword(let keyword): (0, keyword)
        case .pattern(let pattern): (1, pattern)
        }
    }
}
