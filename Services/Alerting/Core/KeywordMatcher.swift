import VigilContracts

/// Finds the risk words the brand named first in a message text.
///
/// The words are matched literally. Disguised spellings (工 商, １２３１５),
/// negation and configurable rules come with the rules engine.
public struct KeywordMatcher: Sendable {
    /// A word and the risk it signals.
    public struct Term: Sendable, Hashable {
        public var word: String
        public var category: RiskCategory
    }

    /// One match: the term and where it starts in the text.
    public struct Match: Sendable, Hashable {
        public var term: Term
        public var range: Range<String.Index>
    }

    /// The five words the brand named first.
    public static let brandTerms: [Term] = [
        Term(word: "工商", category: .regulator),
        Term(word: "12315", category: .regulator),
        Term(word: "消协", category: .regulator),
        Term(word: "投诉", category: .complaint),
        Term(word: "举报", category: .complaint),
    ]

    /// The version recorded on every alert this matcher raises.
    public static let builtinRuleVersion = "builtin-1"

    public let terms: [Term]

    public init(terms: [Term] = KeywordMatcher.brandTerms) {
        self.terms = terms
    }

    /// Finds every occurrence of every term, ordered by position in the text.
    public func matches(in text: String) -> [Match] {
        var found: [Match] = []
        for term in terms {
            var searchStart = text.startIndex
            while let range = text.scalarRange(of: term.word, in: searchStart..<text.endIndex) {
                found.append(Match(term: term, range: range))
                searchStart = range.upperBound
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

private extension String {
    /// Finds `word` by comparing Unicode scalars, with no locale or case folding.
    func scalarRange(of word: String, in range: Range<String.Index>) -> Range<String.Index>? {
        let target = Array(word.unicodeScalars)
        guard let first = target.first else { return nil }
        let scalars = unicodeScalars
        var index = range.lowerBound
        while index < range.upperBound {
            if scalars[index] == first {
                var candidate = index
                var matched = 0
                while matched < target.count, candidate < range.upperBound, scalars[candidate] == target[matched] {
                    matched += 1
                    candidate = scalars.index(after: candidate)
                }
                if matched == target.count {
                    return index..<candidate
                }
            }
            index = scalars.index(after: index)
        }
        return nil
    }
}
