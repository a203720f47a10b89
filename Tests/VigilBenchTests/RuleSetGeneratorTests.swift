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
    @Test("same seed, same file")
    func deterministic() throws {
        let generator = RuleSetGenerator(base: try defaultRuleSet())

        let first = RuleSetJSON.encode(generator.generate(ruleCount: 500, seed: 7))
        let second = RuleSetJSON.encode(generator.generate(ruleCount: 500, seed: 7))
        let otherSeed = RuleSetJSON.encode(generator.generate(ruleCount: 500, seed: 8))

        #expect(first == second)
        #expect(first != otherSeed)
    }

    @Test("generated files are valid", arguments: [50, 10_000])
    func valid(ruleCount: Int) throws {
        let base = try defaultRuleSet()
        let text = RuleSetJSON.encode(RuleSetGenerator(base: base).generate(ruleCount: ruleCount, seed: 20_261_111))

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

    @Test("features follow the base set")
    func profile() throws {
        let base = try defaultRuleSet()
        let profile = RuleSetGenerator.Profile(of: base)
        let generated = RuleSetGenerator(base: base).generate(ruleCount: 10_000, seed: 1)
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
        #expect(rules.allSatisfy { rule in
            (rule.matcher.keywords ?? []).allSatisfy { (2...6).contains($0.unicodeScalars.count) }
        })
    }

    @Test("JSON strings are escaped")
    func escaping() {
        #expect(RuleSetJSON.string("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }
}
