/// The normalized keywords of a rule set, each stored once, in the order the
/// automaton numbers its patterns.
struct KeywordTable {
    private(set) var patterns: [[Unicode.Scalar]] = []
    private var indices: [String: Int] = [:]
    private let normalizer: TextNormalizer

    init(normalizer: TextNormalizer) {
        self.normalizer = normalizer
    }

    /// Returns the automaton pattern of `keyword` after normalization, adding
    /// it on first use. Returns nil for a keyword that normalizes to nothing,
    /// which can never match.
    mutating func pattern(for keyword: String) -> Int? {
        let scalars = normalizer.normalize(keyword).scalars
        guard !scalars.isEmpty else { return nil }
        return literalPattern(for: scalars)
    }

    /// Returns the automaton pattern of `scalars` taken as they are, adding
    /// it on first use. A keyword that normalizes to the same scalars shares the pattern.
    mutating func literalPattern(for scalars: [Unicode.Scalar]) -> Int {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: scalars)
        let text = String(key)
        if let index = indices[text] {
            return index
        }
        patterns.append(scalars)
        indices[text] = patterns.count - 1
        return patterns.count - 1
    }
}
