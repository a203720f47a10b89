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

private func message(_ id: String, _ role: ChatRole, _ text: String, conversation: String = "c1") -> ChatMessage {
    ChatMessage(messageId: id, site: "hz", shop: "shop", conversationId: conversation, buyer: "b", agent: "A1",
                role: role, text: text, sentAt: Timestamp(epochMilliseconds: 0))
}

@Suite("Conversation matcher")
struct ConversationMatcherTests {
    @Test("ordinary hits belong to the message")
    func ordinaryHits() throws {
        let matcher = ConversationMatcher(ruleSet: try defaultRules())

        let detected = matcher.observe(message: message("1", .customer, "我要打12315"))

        #expect(detected.map(\.messageId) == ["1"])
        #expect(detected.map(\.hit.ruleId) == ["regulator-hotline"])
    }

    @Test("roles become speakers")
    func roles() throws {
        let matcher = ConversationMatcher(ruleSet: try defaultRules())

        #expect(matcher.observe(message: message("1", .agent, "您可以拨打12315")).isEmpty)
        #expect(matcher.observe(message: message("2", .system, "系统提示：投诉请拨打12315")).isEmpty)
        #expect(matcher.observe(message: message("3", .agent, "随便你投诉")).map(\.hit.ruleId) == ["complaint-agent-dares"])
        #expect(ConversationMatcher.speaker(of: .system) == .any)
    }

    @Test("window rule fires on an earlier message, listed first")
    func windowOnEarlierMessage() throws {
        let matcher = ConversationMatcher(ruleSet: try defaultRules())

        #expect(matcher.observe(message: message("1", .customer, "等了这么久")).isEmpty)
        let detected = matcher.observe(message: message("2", .customer, "我要投诉"))

        #expect(detected.map(\.messageId) == ["1", "2"])
        #expect(detected.map(\.hit.ruleId) == ["escalation-unanswered-complaint", "complaint-report"])
    }

    @Test("a denial after a hotline is no regulator complaint")
    func denialAfterHotline() throws {
        let matcher = ConversationMatcher(ruleSet: try defaultRules())

        #expect(matcher.observe(message: message("1", .customer, "我打过12315了")).map(\.hit.ruleId) == ["regulator-hotline"])
        #expect(matcher.observe(message: message("2", .customer, "但我不想投诉你们")).isEmpty)
        #expect(matcher.observe(message: message("3", .customer, "我没有说要投诉")).isEmpty)
        let detected = matcher.observe(message: message("4", .customer, "本来不想投诉，但你们太过分了"))

        #expect(Set(detected.map(\.hit.ruleId)) == ["regulator-complaint-after-hotline", "complaint-report"])
    }

    @Test("windows are per conversation")
    func perConversation() throws {
        let matcher = ConversationMatcher(ruleSet: try defaultRules())

        _ = matcher.observe(message: message("1", .customer, "我要投诉", conversation: "a"))
        let other = matcher.observe(message: message("2", .customer, "等了这么久", conversation: "b"))
        let same = matcher.observe(message: message("3", .customer, "等了这么久", conversation: "a"))

        #expect(other.isEmpty)
        #expect(same.map(\.hit.ruleId) == ["escalation-unanswered-complaint"])
        #expect(matcher.conversationCount == 2)
    }
}
