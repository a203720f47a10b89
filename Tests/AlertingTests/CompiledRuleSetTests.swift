import Foundation
import Testing
import VigilContracts
@testable import Alerting

/// Compiles rules/default.json at the repository root with the standard normalizer.
private func defaultRules() throws -> CompiledRuleSet {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bytes = try Data(contentsOf: root.appendingPathComponent("rules/default.json"))
    return try CompiledRuleSet(try RuleSetParser.parse(bytes: Array(bytes)), normalizer: try TextNormalizer())
}

/// Returns the ids of the rules that fire on a message by `speaker`, a customer unless given.
private func firing(_ rules: CompiledRuleSet, _ text: String, speaker: RuleSpeaker = .customer) -> Set<String> {
    Set(rules.match(text: text, speaker: speaker).map(\.ruleId))
}

private func title(_ text: String) -> LocalizedText {
    LocalizedText(chinese: text, english: text)
}

@Suite("Compiled rule set")
struct CompiledRuleSetTests {
    // MARK: - Default rules

    @Test("regulator and complaint spans")
    func regulatorAndComplaint() throws {
        let hits = try defaultRules().match(text: "我要去工商投诉你们", speaker: .customer)
        let regulator = try #require(hits.first { $0.ruleId == "regulator-market-authority" })
        let complaint = try #require(hits.first { $0.ruleId == "complaint-report" })

        #expect(hits.count == 2)
        #expect(regulator.category == .regulator)
        #expect(regulator.severity == .critical)
        #expect(regulator.evidence == [RuleEvidence(term: .keyword("工商"), normalizedRange: 3..<5, normalizedText: "工商",
                                                    originalRange: 3..<5, originalText: "工商")])
        #expect(complaint.category == .complaint)
        #expect(complaint.severity == .medium)
        #expect(complaint.evidence == [RuleEvidence(term: .keyword("投诉"), normalizedRange: 5..<7, normalizedText: "投诉",
                                                    originalRange: 5..<7, originalText: "投诉")])
    }

    @Test("disguised forms fire", arguments: [
        ("我要去工 商告你", "regulator-market-authority", "工 商"),
        ("打１２３１５", "regulator-hotline", "１２３１５"),
        ("我打一二三一五", "regulator-hotline", "一二三一五"),
        ("找gong shang来处理", "regulator-market-authority", "gong shang"),
        ("我去消費者協會", "regulator-consumer-association", "消費者協會"),
        ("我要举.报你们", "complaint-report", "举.报"),
    ])
    func disguised(text: String, ruleId: String, original: String) throws {
        let hits = try defaultRules().match(text: text, speaker: .customer)
        let hit = try #require(hits.first { $0.ruleId == ruleId }, "\(ruleId) did not fire on \(text)")

        #expect(hit.evidence.map(\.originalText) == [original])
    }

    @Test("hotline pattern keeps its source")
    func patternEvidence() throws {
        let hit = try #require(try defaultRules().match(text: "打１２３１５", speaker: .customer).first)

        #expect(hit.evidence.first?.term == .pattern("(?<![0-9])(12315|12345|12331)(?![0-9])"))
        #expect(hit.evidence.first?.normalizedText == "12315")
        #expect(hit.evidence.first?.originalRange == 1..<6)
    }

    @Test("negated complaint does not fire")
    func negation() throws {
        let rules = try defaultRules()

        #expect(!firing(rules, "我不是要投诉你").contains("complaint-report"))
        #expect(!firing(rules, "我不会去投诉的").contains("complaint-report"))
        #expect(firing(rules, "别逼我投诉").contains("complaint-report"))
        #expect(firing(rules, "我不会投诉，但我要举报").contains("complaint-report"))
    }

    @Test("exclusions suppress the rule")
    func exclusions() throws {
        let rules = try defaultRules()

        #expect(firing(rules, "我是个体工商户").isEmpty)
        #expect(!firing(rules, "用工商银行付的").contains("regulator-market-authority"))
        #expect(!firing(rules, "这瓶是315ml的吗").contains("regulator-315"))
        #expect(firing(rules, "我要打315").contains("regulator-315"))
    }

    @Test("speaker filter")
    func speakerFilter() throws {
        let rules = try defaultRules()

        #expect(firing(rules, "我要去工商投诉你们", speaker: .agent).isEmpty)
        #expect(firing(rules, "随便你投诉", speaker: .agent) == ["complaint-agent-dares"])
        #expect(!firing(rules, "随便你投诉", speaker: .customer).contains("complaint-agent-dares"))
    }

    @Test("allOf, anyOf and noneOf")
    func combinators() throws {
        let rules = try defaultRules()

        #expect(firing(rules, "让经理来跟我说").contains("escalation-manager-demand"))
        #expect(!firing(rules, "我找产品经理").contains("escalation-manager-demand"))
        #expect(firing(rules, "我要把这个发到小红书上").contains("media-social-post"))
        #expect(!firing(rules, "我在小红书上看到的").contains("media-social-post"))
        #expect(!firing(rules, "直播间发到小红书").contains("media-social-post"))
    }

    @Test("window rules need context")
    func windowRules() throws {
        let rules = try defaultRules()

        #expect(rules.rulesNeedingContext == ["regulator-complaint-after-hotline", "escalation-unanswered-complaint"])
        #expect(rules.window(ofRule: "escalation-unanswered-complaint")?.rule == "complaint-report")
        #expect(rules.largestWindow == 5)
        #expect(!firing(rules, "一直没人回").contains("escalation-unanswered-complaint"))
        #expect(rules.matches(text: "一直没人回", speaker: .customer).windowCandidates.map(\.ruleId)
                == ["escalation-unanswered-complaint"])
    }

    // MARK: - Built rule sets

    @Test("negation cue overlapping the keyword")
    func overlappingCue() throws {
        let rule = Rule(id: "review", category: .complaint, severity: .medium, title: title("差评"),
                        matcher: RuleMatcher(keywords: ["给一星"]),
                        negation: RuleNegation(cues: ["不给"], scope: 0))
        let rules = try CompiledRuleSet(RuleSet(version: "t", rules: [rule]), normalizer: try TextNormalizer())

        #expect(firing(rules, "我不给一星").isEmpty)
        #expect(firing(rules, "我要给一星") == ["review"])
    }

    @Test("evidence at one range ordered by term")
    func evidenceTiesOrderedByTerm() throws {
        // Three spellings that normalize to the same keyword match the same range.
        let rule = Rule(id: "complaint", category: .complaint, severity: .medium, title: title("投诉"),
                        matcher: RuleMatcher(keywords: ["投诉", "投訴", "投 诉"]))
        let rules = try CompiledRuleSet(RuleSet(version: "t", rules: [rule]), normalizer: try TextNormalizer())
        let expected: [RuleEvidence.Term] = [.keyword("投 诉"), .keyword("投訴"), .keyword("投诉")]

        // Without a tie-break the order follows Swift's per-process hash seed
        // and matches this expectation only by chance.
        let hit = try #require(rules.match(text: "我要投诉", speaker: .customer).first)
        #expect(hit.evidence.map(\.term) == expected)
    }

    @Test("invalid pattern is an error")
    func invalidPattern() throws {
        let rule = Rule(id: "broken", category: .legal, severity: .high, title: title("x"),
                        matcher: RuleMatcher(pattern: "(unclosed"))

        #expect(throws: RuleCompileError.invalidRegularExpression(ruleId: "broken", pattern: "(unclosed")) {
            try CompiledRuleSet(RuleSet(version: "t", rules: [rule]), normalizer: try TextNormalizer())
        }
    }

    @Test("10,000 generated keyword rules")
    func manyRules() throws {
        let count = 10_000
        let base = 0x4E00
        var rules: [Rule] = []
        for index in 0..<count {
            // Three Han characters per keyword, distinct for every index.
            let word = String(String.UnicodeScalarView([
                Unicode.Scalar(UInt32(base + index / 400))!,
                Unicode.Scalar(UInt32(base + 100 + index % 400 / 20))!,
                Unicode.Scalar(UInt32(base + 200 + index % 20))!,
            ]))
            rules.append(Rule(id: "generated-\(index)", category: .complaint, severity: .low, title: title(word),
                              matcher: RuleMatcher(keywords: [word])))
        }
        let normalizer = try TextNormalizer()
        let started = Date()
        let compiled = try CompiledRuleSet(RuleSet(version: "t", rules: rules), normalizer: normalizer)
        let compileSeconds = Date().timeIntervalSince(started)

        let targets = [7, 4_321, 9_999]
        let words = targets.map { rules[$0].matcher.keywords![0] }
        let text = "客户说：" + words.joined(separator: "还有") + "，就这样。"
        let hits = compiled.match(text: text, speaker: .customer)

        #expect(hits.map(\.ruleId) == targets.map { "generated-\($0)" })
        #expect(hits.map { $0.evidence.first?.originalText } == words)

        let message = String(repeating: "您好，请问这件衣服什么时候发货？", count: 4)
        let rounds = 2_000
        let matchStarted = Date()
        for _ in 0..<rounds {
            _ = compiled.match(text: message, speaker: .customer)
        }
        let perMessage = Date().timeIntervalSince(matchStarted) / Double(rounds)
        print("10,000 rules: compile \(compileSeconds) s, \(compiled.keywordCount) keywords, "
              + "\(Int(perMessage * 1_000_000)) µs per \(message.unicodeScalars.count)-scalar message")
    }
}
