import Foundation
import Testing
import VigilContracts
@testable import Alerting

/// Returns the required literals of `pattern` as strings, or nil.
private func literals(_ pattern: String) -> [String]? {
    RegexLiterals.required(in: pattern)?.map { scalars in
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

@Suite("Regex literals")
struct RegexLiteralsTests {
    @Test("default rule patterns", arguments: [
        ("(?<![0-9])(12315|12345|12331)(?![0-9])", ["12315", "12331", "12345"]),
        ("(?<![0-9])315(?![0-9])", ["315"]),
        ("(?<![0-9])110(?![0-9]|\\s*[vV伏])", ["110"]),
        ("(?<![0-9])315\\s*(ml|ML|毫升|g|克|元|块|mm|cm|毫米|厘米|码|号)", ["315"]),
    ])
    func defaultPatterns(pattern: String, expected: [String]) {
        #expect(literals(pattern) == expected)
    }

    @Test("sequences keep the most selective part", arguments: [
        ("退款.{0,3}不到账", ["不到账"]),
        ("退款(了|过)?不到", ["退款"]),
        ("(?:工商|市场监管)局", ["工商", "市场监管"]),
        ("(ab)+c", ["ab"]),
        ("ab?", ["a"]),
        ("[abc]def", ["def"]),
        ("^投诉$", ["投诉"]),
        ("\\b12315\\b", ["12315"]),
        ("\\.com", [".com"]),
        ("(?<name>投诉)", ["投诉"]),
        ("a{2,}b", ["a"]),
    ])
    func sequences(pattern: String, expected: [String]) {
        #expect(literals(pattern) == expected)
    }

    @Test("no prefilter when a match needs no literal", arguments: [
        "[0-9]+", "a|.", "x*", "a?b?", "(投诉)?", "\\d{5}", "", "(|投诉)",
    ])
    func noRequirement(pattern: String) {
        #expect(literals(pattern) == nil)
    }

    @Test("no prefilter for syntax it does not read", arguments: [
        "(?i)abc", "(?x)a b", "\\x{4E00}", "\\p{Han}投诉", "\\Q.\\E", "(a)\\1", "[[a-z]&&[^x]]投诉",
        "[]a]投诉", "(?#note)投诉", "\\N{DIGIT ONE}", "\\u6295诉",
    ])
    func unsupported(pattern: String) {
        #expect(literals(pattern) == nil)
    }

    /// Every match of every pattern below, on every text, contains one of the
    /// pattern's required literals: the property that makes skipping sound.
    @Test("every match contains a literal")
    func soundness() throws {
        let patterns = [
            "(?<![0-9])(12315|12345|12331)(?![0-9])", "(?<![0-9])315(?![0-9])", "(?<![0-9])110(?![0-9]|\\s*[vV伏])",
            "(?<![0-9])315\\s*(ml|ML|毫升|g|克|元|块|mm|cm|毫米|厘米|码|号)", "退款.{0,3}不到账", "退款(了|过)?不到",
            "(?:工商|市场监管)局", "(ab)+c", "ab?", "a{2,}b", "[0-9]{3}15", "(投|头)诉", "找(你们)?(领导|经理)",
        ]
        let texts = [
            "打12315", "12345和12331", "123156", "315ml", "我要打315", "110v", "报110", "退款了不到", "退款还没不到账",
            "工商局", "市场监管局", "ababc", "a", "ab", "aab", "b", "12315", "99915", "头诉", "找你们领导", "找经理",
            "", "投诉", "工商", "局",
        ]
        for pattern in patterns {
            let required = try #require(literals(pattern), "\(pattern) has no literals")
            let expression = try NSRegularExpression(pattern: pattern)
            for text in texts {
                let nsText = text as NSString
                for match in expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
                    let matched = nsText.substring(with: match.range)
                    #expect(required.contains { matched.contains($0) }, "\(pattern) matched \(matched) in \(text)")
                }
            }
        }
    }
}

@Suite("Regex prefilter")
struct RegexPrefilterTests {
    private func compile(_ patterns: [String]) throws -> CompiledRuleSet {
        let rules = patterns.enumerated().map { index, pattern in
            Rule(id: "pattern-\(index)", category: .regulator, severity: .high,
                 title: LocalizedText(chinese: pattern, english: pattern), matcher: RuleMatcher(pattern: pattern))
        }
        return try CompiledRuleSet(RuleSet(version: "t", rules: rules), normalizer: try TextNormalizer())
    }

    private func firing(_ rules: CompiledRuleSet, _ text: String) -> [String] {
        rules.match(text: text, speaker: .customer).map(\.ruleId)
    }

    @Test("pattern-only rule fires through its literals")
    func patternOnlyRule() throws {
        let rules = try compile(["(?<![0-9])12315(?![0-9])"])

        #expect(firing(rules, "我要打12315") == ["pattern-0"])
        #expect(firing(rules, "我要打一二三一五") == ["pattern-0"])
        #expect(firing(rules, "订单123156").isEmpty)
        #expect(firing(rules, "没有数字").isEmpty)
    }

    @Test("unanalysed pattern still runs")
    func unanalysedPattern() throws {
        let rules = try compile(["(?i)abc", "[0-9]{5}"])

        #expect(firing(rules, "ABC") == ["pattern-0"])
        #expect(firing(rules, "订单12345") == ["pattern-1"])
    }

    @Test("skipped expression returns no matches")
    func skippedExpression() throws {
        var table = KeywordTable(normalizer: try TextNormalizer())
        let regex = try CompiledRegex("(?<![0-9])315(?![0-9])", ruleId: "r", table: &table)
        let automaton = AhoCorasick(patterns: table.patterns)
        let normalizer = try TextNormalizer()

        for text in ["打315", "这个315元", "3150", "没有"] {
            let normalized = normalizer.normalize(text)
            let message = MessageMatches(text: normalized, matches: automaton.matches(in: normalized.scalars))
            let direct = regex.expression.matches(in: normalized.string,
                                                  range: NSRange(location: 0, length: (normalized.string as NSString).length))
            #expect(message.matches(of: regex).count == direct.count, "\(text)")
        }
        #expect(regex.requiredLiterals?.count == 1)
    }
}
