import Foundation

/// The automaton's matches in one normalized message, grouped by pattern,
/// with regular expressions run on demand. Lives for one call of
/// ``CompiledRuleSet/match(_:speaker:)`` and is not shared.
final class MessageMatches {
    let text: NormalizedText
    private let byPattern: [Int: [Range<Int>]]

    /// The normalized text as a string and the scalar offset of each of its
    /// UTF-16 offsets, built when the first regular expression runs.
    private var searchable: (string: String, scalarOffsets: [Int])?

    init(text: NormalizedText, matches: [AhoCorasick.Match]) {
        self.text = text
        var byPattern: [Int: [Range<Int>]] = [:]
        for match in matches {
            byPattern[match.pattern, default: []].append(match.range)
        }
        self.byPattern = byPattern
    }

    /// The automaton patterns that occur in the message.
    var patterns: Dictionary<Int, [Range<Int>]>.Keys {
        byPattern.keys
    }

    /// Returns the occurrences of an automaton pattern, ordered by end offset.
    func occurrences(of pattern: Int) -> [Range<Int>] {
        byPattern[pattern] ?? []
    }

    /// Returns whether a cue of `negation` starts before `range` and ends at
    /// most `scope` scalars before `range` starts. A cue that overlaps the
    /// start of the range (the cue 不给 before the keyword 给一星) also negates it.
    func isNegated(_ range: Range<Int>, by negation: CompiledNegation?) -> Bool {
        guard let negation else { return false }
        for cue in negation.cues {
            for cueRange in occurrences(of: cue)
            where cueRange.lowerBound < range.lowerBound && range.lowerBound - cueRange.upperBound <= negation.scope {
                return true
            }
        }
        return false
    }

    /// Returns the matches of a regular expression in the normalized text, as
    /// normalized scalar offsets. Skips the expression, returning no
    /// matches, when none of its required literals occurs.
    func matches(of regex: CompiledRegex) -> [Range<Int>] {
        if let literals = regex.requiredLiterals, !literals.contains(where: { byPattern[$0] != nil }) {
            return []
        }
        let (string, scalarOffsets) = searchableText()
        let results = regex.expression.matches(in: string, range: NSRange(location: 0, length: scalarOffsets.count - 1))
        return results.compactMap { result in
            let range = result.range
            guard range.location != NSNotFound, range.length > 0 else { return nil }
            return scalarOffsets[range.location]..<scalarOffsets[range.location + range.length]
        }
    }

    private func searchableText() -> (string: String, scalarOffsets: [Int]) {
        if let searchable {
            return searchable
        }

        var offsets: [Int] = []
        offsets.reserveCapacity(text.scalars.count + 1)
        for (index, scalar) in text.scalars.enumerated() {
            offsets.append(index)
            if scalar.value > 0xFFFF {
                // A surrogate pair: a match cannot start inside it, so either offset works.
                offsets.append(index)
            }
        }
        offsets.append(text.scalars.count)

        let built = (text.string, offsets)
        searchable = built
        return built
    }
}
