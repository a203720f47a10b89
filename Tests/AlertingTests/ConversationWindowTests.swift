import Foundation
import Testing
import VigilContracts
@testable import Alerting

private func title(_ text: String) -> LocalizedText {
    LocalizedText(chinese: text, english: text)
}

/// Compiles a complaint rule and a window rule that fires on 没人管 within `messages` messages of a complaint.
private func windowRules(messages: Int = 2, speaker: RuleSpeaker = .customer) throws -> CompiledRuleSet {
    let complaint = Rule(id: "complaint", category: .complaint, severity: .medium, title: title("投诉"),
                         speaker: speaker, matcher: RuleMatcher(keywords: ["投诉"]))
    let unanswered = Rule(id: "unanswered", category: .escalation, severity: .medium, title: title("没人管"),
                          matcher: RuleMatcher(keywords: ["没人管"]),
                          window: RuleWindow(rule: "complaint", messages: messages))
    return try CompiledRuleSet(RuleSet(version: "t", rules: [complaint, unanswered]), normalizer: try TextNormalizer())
}

/// Feeds customer texts through one window and returns, per text, the "message-rule" pairs that fired.
private func run(_ texts: [String], rules: CompiledRuleSet, window: inout ConversationWindow) -> [[String]] {
    texts.enumerated().map { index, text in
        window.observe(messageId: "m\(index)", matches: rules.matches(text: text, speaker: .customer), ruleSet: rules)
            .map { "\($0.messageId)-\($0.hit.ruleId)" }
    }
}

private func run(_ texts: [String], rules: CompiledRuleSet) -> [[String]] {
    var window = ConversationWindow()
    return run(texts, rules: rules, window: &window)
}

@Suite("Conversation window")
struct ConversationWindowTests {
    @Test("candidates are reported apart from hits")
    func candidatesApart() throws {
        let matches = try windowRules().matches(text: "我要投诉，一直没人管", speaker: .customer)

        #expect(matches.hits.map(\.ruleId) == ["complaint"])
        #expect(matches.windowCandidates.map(\.ruleId) == ["unanswered"])
        #expect(matches.windowCandidates.first?.evidence.map(\.originalText) == ["没人管"])
        #expect(try windowRules().match(text: "一直没人管", speaker: .customer).isEmpty)
    }

    @Test("the same message counts as distance 0")
    func sameMessage() throws {
        #expect(run(["我要投诉，一直没人管"], rules: try windowRules()) == [["m0-unanswered"]])
    }

    @Test("a hit before the candidate fires it at once")
    func hitBefore() throws {
        let fired = run(["我要投诉", "好的", "一直没人管"], rules: try windowRules(messages: 2))

        #expect(fired == [[], [], ["m2-unanswered"]])
    }

    @Test("a hit after the candidate fires the earlier message")
    func hitAfter() throws {
        let fired = run(["一直没人管", "您好", "我要投诉"], rules: try windowRules(messages: 2))

        #expect(fired == [[], [], ["m0-unanswered"]])
    }

    @Test("distance edges", arguments: [(1, true), (2, true), (3, false)])
    func distanceEdges(gap: Int, fires: Bool) throws {
        let filler = Array(repeating: "嗯", count: gap - 1)
        let before = run(["我要投诉"] + filler + ["一直没人管"], rules: try windowRules(messages: 2))
        let after = run(["一直没人管"] + filler + ["我要投诉"], rules: try windowRules(messages: 2))

        #expect(before.last == (fires ? ["m\(gap)-unanswered"] : []))
        #expect(after.last == (fires ? ["m0-unanswered"] : []))
    }

    @Test("a message fires a rule once")
    func neverTwice() throws {
        let fired = run(["一直没人管", "我要投诉", "我还要投诉", "一直没人管"], rules: try windowRules(messages: 3))

        #expect(fired == [[], ["m0-unanswered"], [], ["m3-unanswered"]])
        #expect(fired.joined().filter { $0 == "m0-unanswered" }.count == 1)
    }

    @Test("every speaker counts towards the distance")
    func everySpeakerCounts() throws {
        let rules = try windowRules(messages: 1)
        var window = ConversationWindow()
        _ = window.observe(messageId: "c0", matches: rules.matches(text: "我要投诉", speaker: .customer), ruleSet: rules)
        // The agent's message matches nothing but still moves the conversation on.
        _ = window.observe(messageId: "a1", matches: rules.matches(text: "投诉请稍等", speaker: .agent), ruleSet: rules)
        let fired = window.observe(messageId: "c2", matches: rules.matches(text: "一直没人管", speaker: .customer),
                                   ruleSet: rules)

        #expect(fired.isEmpty, "the complaint is two messages back, beyond a window of 1")
    }

    @Test("speaker filter applies to the named rule")
    func speakerFilter() throws {
        let rules = try windowRules(messages: 2, speaker: .customer)
        var window = ConversationWindow()
        let agent = window.observe(messageId: "a0", matches: rules.matches(text: "您要投诉吗", speaker: .agent),
                                   ruleSet: rules)
        let customer = window.observe(messageId: "c1", matches: rules.matches(text: "一直没人管", speaker: .customer),
                                      ruleSet: rules)

        #expect(agent.isEmpty)
        #expect(customer.isEmpty, "an agent's 投诉 is no customer complaint")
    }

    @Test("Codable round trip keeps waiting candidates")
    func codableRoundTrip() throws {
        let rules = try windowRules(messages: 2)
        var window = ConversationWindow()
        _ = run(["一直没人管"], rules: rules, window: &window)

        let data = try JSONEncoder().encode(window)
        var decoded = try JSONDecoder().decode(ConversationWindow.self, from: data)
        let fired = decoded.observe(messageId: "m1", matches: rules.matches(text: "我要投诉", speaker: .customer),
                                    ruleSet: rules)

        #expect(decoded != window)
        #expect(try JSONDecoder().decode(ConversationWindow.self, from: data) == window)
        #expect(fired.map(\.messageId) == ["m0"])
        #expect(fired.first?.hit.evidence.map(\.originalText) == ["没人管"])
        #expect(!String(decoding: data, as: UTF8.self).contains("一直"), "only the evidence is kept, not the text")
    }

    @Test("history stays within the largest window")
    func bounded() throws {
        let rules = try windowRules(messages: 3)
        var window = ConversationWindow()
        _ = run(["我要投诉"] + Array(repeating: "一直没人管", count: 50), rules: rules, window: &window)

        let data = try JSONEncoder().encode(window)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(object["entries"] as? [Any])

        #expect(window.observedMessages == 51)
        #expect(entries.count <= 3)
    }
}
