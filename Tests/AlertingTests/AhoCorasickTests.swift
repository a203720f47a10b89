import Testing
@testable import Alerting

private func scalars(_ text: String) -> [Unicode.Scalar] {
    Array(text.unicodeScalars)
}

/// Finds the same occurrences as a naive search, for comparison.
private func naiveMatches(_ patterns: [String], in text: String) -> Set<AhoCorasick.Match> {
    let haystack = scalars(text)
    var found: Set<AhoCorasick.Match> = []
    for (index, pattern) in patterns.enumerated() {
        let needle = scalars(pattern)
        guard !needle.isEmpty, needle.count <= haystack.count else { continue }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            found.insert(AhoCorasick.Match(pattern: index, range: start..<(start + needle.count)))
        }
    }
    return found
}

@Suite("Aho-Corasick automaton")
struct AhoCorasickTests {
    @Test("classic he/she/his/hers example")
    func classic() {
        let automaton = AhoCorasick(patterns: ["he", "she", "his", "hers"].map(scalars))
        let matches = automaton.matches(in: scalars("ushers"))

        #expect(matches == [
            AhoCorasick.Match(pattern: 1, range: 1..<4),
            AhoCorasick.Match(pattern: 0, range: 2..<4),
            AhoCorasick.Match(pattern: 3, range: 2..<6),
        ])
    }

    @Test("overlapping Chinese keywords")
    func chinese() {
        let patterns = ["工商", "工商局", "商局", "投诉", "工商局投诉"]
        let automaton = AhoCorasick(patterns: patterns.map(scalars))
        let text = "我去工商局投诉你们工商"

        #expect(Set(automaton.matches(in: scalars(text))) == naiveMatches(patterns, in: text))
        #expect(automaton.matches(in: scalars(text)).count == 6)
    }

    @Test("empty and duplicate patterns")
    func emptyAndDuplicate() {
        let automaton = AhoCorasick(patterns: ["", "ab", "ab"].map(scalars))
        let matches = automaton.matches(in: scalars("xab"))

        #expect(Set(matches) == [AhoCorasick.Match(pattern: 1, range: 1..<3), AhoCorasick.Match(pattern: 2, range: 1..<3)])
        #expect(automaton.matches(in: []).isEmpty)
    }

    @Test("agrees with naive search on random texts")
    func randomAgreement() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = scalars("ab工商")
        for _ in 0..<200 {
            let patterns = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }))
            }
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...30, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }))
            let automaton = AhoCorasick(patterns: patterns.map(scalars))

            #expect(Set(automaton.matches(in: scalars(text))) == naiveMatches(patterns, in: text),
                    "patterns \(patterns) text \(text)")
        }
    }

    /// Texts with scalars outside every pattern (x, 的) and outside the Basic
    /// Multilingual Plane (😀, 𠀀), which take the search's shortcuts.
    @Test("agrees with naive search on foreign and astral scalars")
    func foreignAndAstral() {
        var generator = SystemRandomNumberGenerator()
        let patternAlphabet = scalars("ab工商😀𠀀")
        let textAlphabet = patternAlphabet + scalars("x的🙂")
        for _ in 0..<300 {
            let patterns = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    patternAlphabet.randomElement(using: &generator)!
                }))
            }
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...30, using: &generator)).map { _ in
                textAlphabet.randomElement(using: &generator)!
            }))
            let automaton = AhoCorasick(patterns: patterns.map(scalars))

            #expect(Set(automaton.matches(in: scalars(text))) == naiveMatches(patterns, in: text),
                    "patterns \(patterns) text \(text)")
        }
    }
}
