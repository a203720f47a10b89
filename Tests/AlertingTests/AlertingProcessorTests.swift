import Testing
import VigilContracts
@testable import Alerting

@Suite("AlertingProcessor")
struct AlertingProcessorTests {
    private func message(_ text: String, role: ChatRole = .customer, agent: String = "A-hz-a01",
                         id: String = "m-1") throws -> ChatMessage {
        try AlertingHarness.message(id, text, role: role, agent: agent)
    }

    // MARK: - Who raises alerts

    @Test("customer message raises alert")
    func customerRaisesAlert() throws {
        let harness = try AlertingHarness()
        let alerts = try harness.send(message("再不退款我就投诉"))

        #expect(alerts.map(\.category) == [.complaint])
        #expect(alerts.first?.currentAction == .raised)
        #expect(alerts.first?.notifies == true)
    }

    @Test("agent words need agent rule")
    func agentWords() throws {
        let harness = try AlertingHarness()
        #expect(try harness.send(message("您可以拨打12315或向工商投诉", role: .agent)).isEmpty)
        #expect(try harness.send(message("您可以拨打12315", role: .system, id: "m-2")).isEmpty)

        let agentRule = try harness.send(message("我们的律师会联系您", role: .agent, id: "m-3"))
        #expect(agentRule.map(\.ruleIds) == [["agent-legal"]], "the agent-legal rule asks for agent messages")
        #expect(try harness.send(message("我要找律师", id: "m-4")).isEmpty, "agent-legal does not read customers")
    }

    @Test("plain and other-sense messages silent")
    func otherSenses() throws {
        let harness = try AlertingHarness()
        #expect(try harness.send(message("那可不咋上进")).isEmpty)
        #expect(try harness.send(message("我是个体工商户，能开发票吗", id: "m-2")).isEmpty)
        #expect(try harness.send(message("我不是要投诉你，就问问", id: "m-3")).isEmpty, "negated within scope")
    }

    @Test("alerts per category, max severity first")
    func categories() throws {
        let harness = try AlertingHarness()
        let alerts = try harness.send(message("再不处理我就去１２３１５投诉，找你们领导"))

        #expect(alerts.map(\.category) == [.regulator, .complaint, .escalation])
        #expect(alerts.map(\.severity) == [.critical, .medium, .low])
        #expect(alerts.map(\.alertId) == ["alert/regulator/message/hz/m-1", "alert/complaint/message/hz/m-1",
                                          "alert/escalation/message/hz/m-1"])
        #expect(alerts.allSatisfy { $0.ruleVersion == "test-1" })
    }

    @Test("window rule fires after named rule")
    func windowBefore() throws {
        let harness = try AlertingHarness()
        try harness.send(AlertingHarness.message("m-1", "我去12315", at: "09:00:00"))
        try harness.send(AlertingHarness.message("m-2", "亲", role: .agent, at: "09:00:10"))
        let alert = try #require(try harness.send(AlertingHarness.message("m-3", "我要反映", at: "09:00:20")).first)

        #expect(alert.category == .escalation)
        #expect(alert.ruleIds == ["escalation-near-regulator"])
        #expect(alert.messageId == "m-3")
        let far = try harness.send(AlertingHarness.message("m-4", "我要反映", buyer: "buyer-2", at: "09:01:00"))
        #expect(far.isEmpty, "no regulator hit in buyer-2's conversation")
    }

    @Test("window rule fires on earlier message")
    func windowAfter() throws {
        let harness = try AlertingHarness()
        #expect(try harness.send(AlertingHarness.message("m-1", "这事我要反映", at: "09:00:00")).isEmpty)
        let alerts = try harness.send(AlertingHarness.message("m-2", "我去12315", at: "09:00:10"))

        #expect(alerts.map(\.category) == [.regulator, .escalation])
        let window = try #require(alerts.last)
        #expect(window.messageId == "m-1")
        #expect(window.evidence?.map(\.original) == ["反映"])
        #expect(window.snippet == "这事我要反映")
        #expect(window.raisedAt == alerts[0].raisedAt, "raised when the window completed")
        #expect(window.inhibitedBy == alerts[0].id)
    }

    @Test("window rule silent beyond distance")
    func windowDistance() throws {
        let harness = try AlertingHarness()
        try harness.send(AlertingHarness.message("m-1", "我去12315", at: "09:00:00"))
        try harness.send(AlertingHarness.message("m-2", "亲", role: .agent, at: "09:00:10"))
        try harness.send(AlertingHarness.message("m-3", "在吗", at: "09:00:20"))
        #expect(try harness.send(AlertingHarness.message("m-4", "我要反映", at: "09:00:30")).isEmpty)
    }

    // MARK: - Explanation

    @Test("evidence shows original and normalized")
    func evidence() throws {
        let harness = try AlertingHarness()
        let text = "我要去 工 商 局告你们"
        let alert = try #require(try harness.send(message(text)).first)

        let evidence = try #require(alert.evidence?.first)
        #expect(evidence.ruleId == "regulator")
        #expect(evidence.term == "工商")
        #expect(evidence.original == "工 商")
        #expect(evidence.normalized == "工商")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[evidence.start..<evidence.end])) == "工 商")
        #expect(alert.matchedTerms == ["工商"])
        #expect(alert.snippet == text)
        #expect(alert.text.chinese.contains("「工商」"))
    }

    @Test("context contains earlier messages, masked")
    func context() throws {
        let harness = try AlertingHarness()
        try harness.send(AlertingHarness.message("m-1", "我的电话13812345678", at: "09:00:00"))
        try harness.send(AlertingHarness.message("m-2", "亲，稍等", role: .agent, at: "09:00:10"))
        try harness.send(AlertingHarness.message("m-3", "好", at: "09:00:20"))
        try harness.send(AlertingHarness.message("m-4", "在吗", at: "09:00:30"))
        let alert = try #require(try harness.send(AlertingHarness.message(
            "m-5", "不给退我就打12315，电话13812345678", at: "09:00:40")).first)

        let context = try #require(alert.context)
        #expect(context.map(\.messageId) == ["m-2", "m-3", "m-4", "m-5"])
        #expect(context.last?.text == "不给退我就打12315，电话138****5678")
        #expect(alert.snippet == "不给退我就打12315，电话138****5678")
        #expect(!alert.text.chinese.contains("13812345678"))
        #expect(!alert.text.english.contains("13812345678"))
    }

    // MARK: - Routing

    @Test("alert routes to agent's supervisor")
    func supervisor() throws {
        let alert = try #require(try AlertingHarness().send(message("我要投诉")).first)

        #expect(alert.recipient == AlertRecipient(personId: "S-hz-a", name: "杭州A组主管", role: .supervisor))
        #expect(alert.team == "T-hz-a")
        #expect(alert.text.chinese.contains("请杭州A组主管立即一对一跟进"))
    }

    @Test("no supervisor routes to site manager")
    func siteManager() throws {
        let harness = try AlertingHarness()
        let direct = try #require(try harness.send(message("我要投诉", agent: "A-hz-x09")).first)
        #expect(direct.recipient?.personId == "M-hz")
        #expect(direct.text.chinese.contains("已转交站点项目经理"))

        let unknown = try #require(try harness.send(
            AlertingHarness.message("m-9", "我要投诉", agent: "A-hz-new", buyer: "buyer-2")).first)
        #expect(unknown.recipient?.personId == "M-hz")
        #expect(unknown.team == nil)
    }

    @Test("English text is available")
    func english() throws {
        let alert = try #require(try AlertingHarness().send(message("我要去12315")).first)
        #expect(alert.text.english.hasPrefix("[High-risk alert: regulator] Customer buyer-1 mentioned “12315”"))
        #expect(alert.text.chinese.hasPrefix("【高危预警·监管】顾客 buyer-1"))
    }

    // MARK: - Rules through the log

    @Test("release switches rules and version")
    func release() throws {
        let harness = try AlertingHarness()
        try harness.release("""
            {"version": "test-2", "rules": [{"id": "media", "category": "media", "severity": "high",
             "title": {"zh-CN": "媒体", "en": "Media"}, "keywords": ["曝光"]}]}
            """, version: "test-2")

        #expect(try harness.send(message("我要投诉")).isEmpty, "the old rules are gone")
        let alert = try #require(try harness.send(message("我要曝光你们", id: "m-2")).first)
        #expect(alert.ruleVersion == "test-2")
        #expect(alert.category == .media)
    }

    @Test("invalid release rejected, rules kept")
    func invalidRelease() throws {
        let harness = try AlertingHarness()
        #expect(throws: (any Error).self) {
            try harness.release(#"{"version": "bad", "rules": [{"id": "x"}]}"#, version: "bad")
        }
        #expect(harness.processor.activeRules?.version == "test-1")
        #expect(try harness.send(message("我要投诉")).first?.ruleVersion == "test-1")
    }

    @Test("pinned rules ignore releases")
    func pinnedRules() throws {
        let harness = try AlertingHarness(pinsRules: true)
        try harness.release("""
            {"version": "test-2", "rules": [{"id": "media", "category": "media", "severity": "high",
             "title": {"zh-CN": "媒体", "en": "Media"}, "keywords": ["曝光"]}]}
            """, version: "test-2")
        try harness.release(#"{"version": "bad", "rules": [{"id": "x"}]}"#, version: "bad")

        #expect(harness.processor.activeRules?.version == "test-1")
        let alert = try #require(try harness.send(message("我要投诉")).first, "the pinned rules still match")
        #expect(alert.ruleVersion == "test-1")
        #expect(try harness.send(message("我要曝光你们", id: "m-2")).isEmpty, "the released rules never apply")
    }

    @Test("window hit beyond context keeps text")
    func windowBeyondContext() throws {
        let harness = try AlertingHarness()
        try harness.release("""
            {"version": "w-5", "rules": [
              {"id": "complaint", "category": "complaint", "severity": "medium",
               "title": {"zh-CN": "投诉", "en": "Complaint"}, "keywords": ["投诉"]},
              {"id": "unanswered", "category": "escalation", "severity": "medium",
               "title": {"zh-CN": "没人管", "en": "Nobody helps"}, "keywords": ["没人管"],
               "window": {"rule": "complaint", "messages": 5}}
            ]}
            """, version: "w-5")
        try harness.send(AlertingHarness.message("m-1", "这事一直没人管", at: "09:00:00"))
        for index in 2...5 {
            try harness.send(AlertingHarness.message("m-\(index)", "亲稍等", role: .agent, at: "09:00:0\(index)"))
        }
        let alerts = try harness.send(AlertingHarness.message("m-6", "我要投诉", at: "09:00:09"))
        let window = try #require(alerts.first { $0.category == .escalation })
        #expect(window.messageId == "m-1")
        #expect(window.snippet == "这事一直没人管")
        #expect(window.context?.count == 4, "the context still shows the last four messages")
    }

    @Test("matched numbers masked in every field")
    func matchedNumbersMasked() throws {
        let harness = try AlertingHarness()
        try harness.release("""
            {"version": "contact-1", "rules": [
              {"id": "off-platform", "category": "escalation", "severity": "medium",
               "title": {"zh-CN": "私下联系", "en": "Off-platform contact"}, "pattern": "加我[0-9]{11}"}
            ]}
            """, version: "contact-1")
        let alert = try #require(try harness.send(message("加我 13812345678 私聊")).first)
        let encoded = String(decoding: try EventCoding.encode(alert), as: UTF8.self)
        #expect(!encoded.contains("13812345678"))
        #expect(alert.matchedTerms == ["加我138****5678"])

        let spoken = try #require(try harness.send(message("加我一三八一二三四五六七八", id: "m-2")).first)
        let spokenEncoded = String(decoding: try EventCoding.encode(spoken), as: UTF8.self)
        #expect(!spokenEncoded.contains("13812345678"))
        #expect(!spokenEncoded.contains("一三八一二三四五六七八"))
    }

    /// A release whose pattern backtracks catastrophically would compile and
    /// then stall matching on every message, so the validator rejects it.
    @Test("catastrophic pattern release rejected")
    func catastrophicRelease() throws {
        let harness = try AlertingHarness()
        #expect(throws: (any Error).self) {
            try harness.release("""
                {"version": "redos-1", "rules": [
                  {"id": "slow", "category": "complaint", "severity": "medium",
                   "title": {"zh-CN": "慢", "en": "Slow"}, "pattern": "(\\\\d+)+$"}
                ]}
                """, version: "redos-1")
        }
        #expect(harness.processor.activeRules?.version == "test-1")
        #expect(try harness.send(message("订单" + String(repeating: "1", count: 24) + "号")).isEmpty)
    }
}
