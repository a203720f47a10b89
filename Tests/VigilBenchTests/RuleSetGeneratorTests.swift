import Alerting
import Foundation
import Testing
@testable import VigilBenchKit

/// Parses rules/default.json at the repository root.
private func defaultRuleSet() throws -> RuleSet {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bytes = try Data(contentsOf: root.appendingPathComponent("rules/default.json"))
    return try RuleSetParser.parse(bytes: Array(bytes))
}

@Suite("Rule set generator")
struct RuleSetGeneratorTests {
    @Test("same seed, same file", arguments: KeywordStyle.allCases)
    func deterministic(style: KeywordStyle) throws {
        let generator = RuleSetGenerator(base: try defaultRuleSet(), style: style)

        let first = RuleSetJSON.encode(generator.generate(ruleCount: 500, seed: 7))
        let second = RuleSetJSON.encode(generator.generate(ruleCount: 500, seed: 7))
        let otherSeed = RuleSetJSON.encode(generator.generate(ruleCount: 500, seed: 8))

        #expect(first == second)
        #expect(first != otherSeed)
    }

    @Test("generated files are valid", arguments: KeywordStyle.allCases, [50, 10_000])
    func valid(style: KeywordStyle, ruleCount: Int) throws {
        let base = try defaultRuleSet()
        let text = RuleSetJSON.encode(RuleSetGenerator(base: base, style: style).generate(ruleCount: ruleCount, seed: 20_261_111))

        let parsed = try RuleSetParser.parse(text: text)

        #expect(parsed.rules.count == ruleCount)
        #expect(Array(parsed.rules.prefix(base.rules.count)) == base.rules)
        #expect(RuleSetJSON.encode(parsed) == text)
        _ = try CompiledRuleSet(parsed, normalizer: try TextNormalizer())
    }

    @Test("default rules round-trip")
    func defaultRoundTrip() throws {
        let base = try defaultRuleSet()

        #expect(try RuleSetParser.parse(text: RuleSetJSON.encode(base)) == base)
    }

    @Test("features follow the base set", arguments: KeywordStyle.allCases)
    func profile(style: KeywordStyle) throws {
        let base = try defaultRuleSet()
        let profile = RuleSetGenerator.Profile(of: base)
        let generated = RuleSetGenerator(base: base, style: style).generate(ruleCount: 10_000, seed: 1)
        let rules = generated.rules.dropFirst(base.rules.count)

        /// Returns the share of generated rules with a feature, in percent.
        func share(_ predicate: (Rule) -> Bool) -> Double {
            Double(rules.filter(predicate).count) * 100 / Double(rules.count)
        }

        #expect(profile.pattern > 0)
        #expect(profile.negation > 0)
        #expect(abs(share { $0.negation != nil } - Double(profile.negation)) < 3)
        #expect(abs(share { !$0.matcher.isFlat } - Double(profile.combination)) < 3)
        // Patterns and exclusions go only on rules with top-level keywords, which the combined ones lack.
        let flatShare = Double(100 - profile.combination) / 100
        #expect(abs(share { $0.matcher.pattern != nil } - Double(profile.pattern) * flatShare) < 3)
        #expect(abs(share { $0.matcher.exclusion != nil } - Double(profile.exclusion) * flatShare) < 3)
        #expect(abs(share { $0.speaker == .agent } - Double(profile.agentSpeaker)) < 3)
        #expect(abs(share { $0.window != nil } - Double(profile.window)) < 3)
    }

    @Test("keyword lengths follow the style", arguments: KeywordStyle.allCases)
    func keywordLengths(style: KeywordStyle) throws {
        let base = try defaultRuleSet()
        let generated = RuleSetGenerator(base: base, style: style).generate(ruleCount: 2_000, seed: 3)
        let lengths = generated.rules.dropFirst(base.rules.count)
            .flatMap { allKeywords(of: $0.matcher) }
            .map(\.unicodeScalars.count)

        let allowed = style == .specificPhrases ? 3...6 : 2...6
        #expect(!lengths.isEmpty)
        #expect(lengths.allSatisfy { allowed.contains($0) })
    }

    @Test("specific phrases rarely use only common characters")
    func phrasesAreSpecific() throws {
        let base = try defaultRuleSet()
        let common = Set(RuleSetGenerator.commonCharacters)
        /// Returns the share of keywords made of common characters alone, in percent.
        func commonShare(_ style: KeywordStyle) -> Double {
            let keywords = RuleSetGenerator(base: base, style: style).generate(ruleCount: 2_000, seed: 5).rules
                .dropFirst(base.rules.count)
                .flatMap { allKeywords(of: $0.matcher) }
            let onlyCommon = keywords.filter { $0.unicodeScalars.allSatisfy(common.contains) }
            return Double(onlyCommon.count) * 100 / Double(keywords.count)
        }

        #expect(commonShare(.commonCharacters) == 100)
        #expect(commonShare(.specificPhrases) < 20)
    }

    /// Returns the keywords of a matcher and of its `allOf`, `anyOf` and `noneOf` elements.
    private func allKeywords(of matcher: RuleMatcher) -> [String] {
        let elements = (matcher.allOf ?? []) + (matcher.anyOf ?? []) + (matcher.noneOf ?? [])
        return (matcher.keywords ?? []) + elements.flatMap { allKeywords(of: $0) }
    }

    @Test("JSON strings are escaped")
    func escaping() {
        #expect(RuleSetJSON.string("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }
}
