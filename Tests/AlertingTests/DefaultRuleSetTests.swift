import Foundation
import Testing
import VigilContracts
@testable import Alerting

/// Parses rules/default.json at the repository root.
private func defaultRuleSet() throws -> RuleSet {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bytes = try Data(contentsOf: root.appendingPathComponent("rules/default.json"))
    return try RuleSetParser.parse(bytes: Array(bytes))
}

/// True when a matcher, or one nested in it, lists a keyword containing `word` or has a pattern that matches `word`.
private func mentions(_ matcher: RuleMatcher, _ word: String) -> Bool {
    if matcher.keywords?.contains(where: { $0.contains(word) }) == true {
        return true
    }
    if let pattern = matcher.pattern, let expression = try? NSRegularExpression(pattern: pattern),
       expression.firstMatch(in: word, range: NSRange(word.startIndex..., in: word)) != nil {
        return true
    }
    return (matcher.allOf ?? []).contains { mentions($0, word) } || (matcher.anyOf ?? []).contains { mentions($0, word) }
}

@Suite("Default rule set")
struct DefaultRuleSetTests {
    @Test("default file parses")
    func parses() throws {
        let ruleSet = try defaultRuleSet()
        #expect(ruleSet.version == "2026.12.1")
        #expect(ruleSet.rules.count >= 15)
        #expect(Set(ruleSet.rules.map(\.category)) == Set(RuleCategory.allCases))
    }

    @Test("words are covered by category", arguments: [
        (RuleCategory.regulator, ["工商", "市场监管", "12315", "12345", "消协", "消费者协会", "315", "工信部", "卫生局", "食药监"]),
        (.legal, ["律师", "起诉", "法院", "报警"]),
        (.media, ["曝光", "媒体", "记者", "微博", "抖音", "小红书", "黑猫投诉"]),
        (.complaint, ["投诉", "举报", "差评", "维权"]),
        (.escalation, ["找你们领导", "经理", "上级"]),
    ])
    func covers(category: RuleCategory, words: [String]) throws {
        let rules = try defaultRuleSet().rules.filter { $0.category == category }
        for word in words {
            #expect(rules.contains { mentions($0.matcher, word) }, "no \(category) rule mentions \(word)")
        }
    }

    @Test("severities follow category")
    func severities() throws {
        let expected: [RuleCategory: RuleSeverity] = [.regulator: .high, .legal: .high, .media: .high,
                                                      .complaint: .medium, .escalation: .medium]
        for rule in try defaultRuleSet().rules {
            #expect(rule.severity == expected[rule.category], "rule \(rule.id)")
        }
    }

    @Test("complaint words have negation")
    func complaintNegation() throws {
        let rule = try #require(try defaultRuleSet().rule(id: "complaint-report"))
        let negation = try #require(rule.negation)
        for cue in ["不是要", "不会", "没有", "别"] {
            #expect(negation.cues.contains(cue), "missing cue \(cue)")
        }
        #expect(rule.speaker == .customer)
    }

    @Test("exclusions cover other senses")
    func exclusions() throws {
        let ruleSet = try defaultRuleSet()
        let market = try #require(ruleSet.rule(id: "regulator-market-authority")?.matcher.exclusion)
        #expect(market == .keywords(["个体工商户", "工商银行", "工商管理", "工商注册", "工商执照", "工商局营业执照"]))
        let police = try #require(ruleSet.rule(id: "legal-police")?.matcher.exclusion)
        guard case .keywords(let words) = police else {
            Issue.record("expected a keyword exclusion")
            return
        }
        #expect(words.contains("报警器"))
    }
}
