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

/// Returns whether a matcher, or one nested in it, lists a keyword containing `word` or has a pattern that matches `word`.
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

/// Returns every word a matcher lists: keywords, the lists in `allOf`, `anyOf` and `noneOf`, and keyword exclusions.
private func words(of matcher: RuleMatcher) -> [String] {
    var found = matcher.keywords ?? []
    if case .keywords(let excluded) = matcher.exclusion {
        found += excluded
    }
    for nested in (matcher.allOf ?? []) + (matcher.anyOf ?? []) + (matcher.noneOf ?? []) {
        found += words(of: nested)
    }
    return found
}

/// Returns every word of the default rules, negation cues included, without repeats.
private func defaultWords() throws -> [String] {
    let rules = try defaultRuleSet().rules
    return Array(Set(rules.flatMap { words(of: $0.matcher) + ($0.negation?.cues ?? []) })).sorted()
}

/// Returns the categories the default rules raise on one message, by a customer unless `speaker` names another role.
private func categories(_ text: String, speaker: RuleSpeaker = .customer) throws -> Set<RuleCategory> {
    let compiled = try CompiledRuleSet(try defaultRuleSet(), normalizer: try TextNormalizer())
    return Set(compiled.match(text: text, speaker: speaker).map(\.category))
}

@Suite("Default rule set")
struct DefaultRuleSetTests {
    @Test("default file parses")
    func parses() throws {
        let ruleSet = try defaultRuleSet()
        #expect(ruleSet.version == "2026.12.4")
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

    @Test("other senses and negations silent", arguments: [
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

    @Test("two hotlines written together both count", arguments: [
        ("12315、12345我都打了", ["12315", "12345"]),
        ("我打了12315 12345", ["12315", "12345"]),
        ("打12315！12345也打", ["12315", "12345"]),
        ("打了12315,110", ["12315"]),
    ])
    func adjacentHotlines(text: String, numbers: [String]) throws {
        let compiled = try CompiledRuleSet(try defaultRuleSet(), normalizer: try TextNormalizer())
        let hits = compiled.match(text: text, speaker: .customer)
        let hotline = try #require(hits.first { $0.ruleId == "regulator-hotline" }, "\(text)")
        #expect(hotline.evidence.map(\.originalText) == numbers)
        if text.hasSuffix("110") {
            #expect(hits.contains { $0.ruleId == "legal-police" })
        }
    }

    @Test("numbers in another sense raise nothing", arguments: [
        "一共110元", "孩子穿110的码", "身高110cm的穿多大", "110v的电压能用吗",
        "送到3号楼315室", "我住315宿舍，放门口", "房间号315", "这瓶是315ml的吧", "一共315块",
    ])
    func numbersInAnotherSense(text: String) throws {
        #expect(try categories(text).isEmpty, "\(text)")
    }

    @Test("numbers as hotlines still alert", arguments: [
        ("我要打110", RuleCategory.legal),
        ("再这样我就打110了", .legal),
        ("打315", .regulator),
        ("去315投诉", .regulator),
        ("我要上315晚会曝光你们", .regulator),
        ("打三一五", .regulator),
        ("我打3·15", .regulator),
        ("我要打110，这单一共110元", .legal),
        ("一共315元，我要打315", .regulator),
    ])
    func numbersAsHotlines(text: String, category: RuleCategory) throws {
        #expect(try categories(text).contains(category), "\(text)")
    }

    @Test("Traditional hotline and complaint words", arguments: [
        ("我要打市長熱線", RuleCategory.regulator),
        ("我要打消費者熱線", .regulator),
        ("我要討個說法", .complaint),
        ("咱們微博見", .media),
        ("抖音見", .media),
        ("我要發到大眾點評上", .media),
        ("我去電訴寶投訴", .media),
        ("我要發視頻曝光", .media),
    ])
    func traditionalWords(text: String, category: RuleCategory) throws {
        #expect(try categories(text).contains(category), "\(text)")
    }

    /// Characters of rule words whose Traditional forms were once missing from
    /// the table, written out so that the test does not depend only on the table it checks.
    private static let reviewedTraditional: [Character: Character] = [
        "热": "熱", "讨": "討", "见": "見", "众": "眾", "宝": "寶", "频": "頻", "贴": "貼", "决": "決",
    ]

    @Test("Traditional rule words normalize back")
    func traditionalRuleWords() throws {
        var toTraditional = Self.reviewedTraditional
        for (traditional, simplified) in NormalizationTables.standard.traditionalToSimplified {
            toTraditional[Character(simplified)] = Character(traditional)
        }
        let normalizer = try TextNormalizer()
        var changed = 0
        for word in try defaultWords() {
            let traditional = String(word.map { toTraditional[$0] ?? $0 })
            changed += traditional == word ? 0 : 1
            #expect(normalizer.normalize(traditional).string == normalizer.normalize(word).string,
                    "\(traditional) does not normalize to \(word)")
        }
        #expect(changed > 50, "only \(changed) words have a Traditional form")
    }

    /// ICU's Simplified-Traditional transform, which Foundation on Linux
    /// carries, gives an independent Traditional form of each word. It picks
    /// one form per character (发 → 發, never 髮), so rarer variants that
    /// OpenCC's phrase tables (libopencc) produce are not checked.
    @Test("ICU Traditional rule words normalize back")
    func icuTraditionalRuleWords() throws {
        let normalizer = try TextNormalizer()
        let transform = StringTransform("Simplified-Traditional")
        var missing: Set<String> = []
        for word in try defaultWords() {
            let traditional = try #require(word.applyingTransform(transform, reverse: false))
            guard normalizer.normalize(traditional).string != normalizer.normalize(word).string else { continue }
            for (simplified, written) in zip(word, traditional)
            where normalizer.normalize(String(written)).string != String(simplified) {
                missing.insert("\(written)\(simplified)")
            }
            #expect(!missing.isEmpty, "\(traditional) does not normalize to \(word)")
        }
        #expect(missing.isEmpty, "Traditional characters missing from the table: \(missing.sorted().joined(separator: " "))")
    }

    @Test("complaint denial raises nothing", arguments: [
        "我没有说要投诉", "我没说要投诉，就问问", "我没有想要投诉", "我不是要投诉你，就问问",
    ])
    func deniedComplaint(text: String) throws {
        #expect(try categories(text).isEmpty, "\(text)")
    }

    @Test("complaint threat is not denial", arguments: [
        "别逼我投诉", "你们没说清楚，我要投诉", "没有人管，我要投诉", "我本来不想投诉，但你们太过分了",
    ])
    func complaintThreat(text: String) throws {
        #expect(try categories(text).contains(.complaint), "\(text)")
    }

    @Test("complaint rules share negation cues")
    func complaintCuesConsistent() throws {
        let ruleSet = try defaultRuleSet()
        let complaint = try #require(ruleSet.rule(id: "complaint-report")?.negation)
        let afterHotline = try #require(ruleSet.rule(id: "regulator-complaint-after-hotline")?.negation)
        #expect(complaint == afterHotline)
        for cue in ["不想", "没有说", "没说"] {
            #expect(complaint.cues.contains(cue), "missing cue \(cue)")
        }
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
