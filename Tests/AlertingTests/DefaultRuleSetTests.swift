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

/// Returns the categories the default rules raise on one message, by a customer unless `speaker` says otherwise.
private func categories(_ text: String, speaker: RuleSpeaker = .customer) throws -> Set<RuleCategory> {
    let compiled = try CompiledRuleSet(try defaultRuleSet(), normalizer: try TextNormalizer())
    return Set(compiled.match(text: text, speaker: speaker).map(\.category))
}

@Suite("Default rule set")
struct DefaultRuleSetTests {
    @Test("default file parses")
    func parses() throws {
        let ruleSet = try defaultRuleSet()
        #expect(ruleSet.version == "2026.12.3")
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
        let expected: [RuleCategory: RuleSeverity] = [.regulator: .critical, .legal: .high, .media: .high,
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
        #expect(market == .keywords(["个体工商户", "工商银行", "工商管理", "工商注册", "工商执照", "工商局营业执照", "消费者权益保护法"]))
        let police = try #require(ruleSet.rule(id: "legal-police")?.matcher.exclusion)
        guard case .keywords(let words) = police else {
            Issue.record("expected a keyword exclusion")
            return
        }
        #expect(words.contains("报警器"))
    }

    // MARK: - Behaviour on written messages

    @Test("README examples still alert", arguments: [
        ("我要去工 商反映", RuleCategory.regulator),
        ("我打１２３１５", .regulator),
        ("再不退我打一二三一五", .regulator),
        ("我去找gong shang", .regulator),
        ("我要去消費者協會", .regulator),
    ])
    func readmeExamples(text: String, category: RuleCategory) throws {
        #expect(try categories(text).contains(category), "\(text)")
    }

    @Test("other senses and negations do not alert", arguments: [
        "我是个体工商户，开发票要写什么",
        "用工商银行的卡付的款",
        "我不是要投诉你，就问问",
        "买的是烟雾报警器",
        "这瓶是315ml的吧",
        "我翻了历史差评才知道",
        "你们相关部门几点上班",
        "销售经理的电话是多少，让我们改地址",
    ])
    func otherSenses(text: String) throws {
        #expect(try categories(text).isEmpty, "\(text)")
    }

    @Test("tuned rules catch what customers write", arguments: [
        ("不处理我就去找食品监督管理局", RuleCategory.regulator),
        ("我会让当地相关部门来查", .regulator),
        ("那就按法律法规来处理", .legal),
        ("我要追究他们的法律责任", .legal),
        ("我要去公安告他们", .legal),
        ("咱们抖音见", .media),
        ("我已经把照片发到网上去了", .media),
        ("我会在微博上实名举报", .media),
        ("我给他们打了差评", .complaint),
        ("让你们经理来跟我说", .escalation),
    ])
    func tunedRules(text: String, category: RuleCategory) throws {
        let found = try categories(text)
        #expect(LabelSeverity.mostSevere(found) == category, "\(text): \(found)")
    }

    @Test("agents' words raise no customer alert")
    func agentWords() throws {
        #expect(try categories("您可以拨打12315，也可以找食品监督管理局", speaker: .agent).isEmpty)
        #expect(try categories("按法律法规我们会处理，不需要曝光", speaker: .agent).isEmpty)
    }
}

/// The label file's severity order, repeated here because the Operator module is not a dependency of these tests.
private enum LabelSeverity {
    static func mostSevere(_ categories: Set<RuleCategory>) -> RuleCategory? {
        RuleCategory.allCases.first { categories.contains($0) }
    }
}
