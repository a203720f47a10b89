import Testing
import VigilContracts
@testable import Alerting

@Suite("AlertingProcessor.alert(for:)")
struct AlertingProcessorTests {
    static let sentAt = "2026-11-11T08:01:51+08:00"

    /// The Hangzhou chain: brand manager, manager, team A's supervisor and one of its agents,
    /// plus an agent who reports straight to the manager.
    static let roster = [
        RosterPerson(id: "B-001", name: "品牌客服经理", role: .brandManager, reportsTo: nil,
                     vendor: nil, site: nil, team: nil),
        RosterPerson(id: "M-hz", name: "杭州项目经理", role: .manager, reportsTo: "B-001",
                     vendor: "V-BAIXING", site: "hz", team: nil),
        RosterPerson(id: "S-hz-a", name: "杭州A组主管", role: .supervisor, reportsTo: "M-hz",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hz-a01", name: "王小明", role: .agent, reportsTo: "S-hz-a",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hz-x09", name: "李四", role: .agent, reportsTo: "M-hz",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-x"),
    ]

    private func processor(roster: [RosterPerson] = AlertingProcessorTests.roster) -> AlertingProcessor {
        let processor = AlertingProcessor(catalogue: TopicCatalogue())
        for person in roster {
            processor.applyRoster(person)
        }
        return processor
    }

    private func message(_ text: String, role: ChatRole = .customer, agent: String = "A-hz-a01",
                         messageId: String = "mt-dev-90077871-3") throws -> ChatMessage {
        ChatMessage(messageId: messageId, site: "hz", shop: "shop-waimai", conversationId: "mt-dev-90077871",
                    buyer: "buyer-66494408", agent: agent, role: role, text: text,
                    sentAt: try #require(TimestampFormat.parse(Self.sentAt)))
    }

    // MARK: - Who raises alerts

    @Test("customer message raises alert")
    func customerRaisesAlert() throws {
        let alert = processor().alert(for: try message("再不退款我就投诉"))

        #expect(alert != nil)
    }

    @Test("agent and system messages raise none", arguments: [ChatRole.agent, ChatRole.system])
    func otherRolesRaiseNone(role: ChatRole) throws {
        let alert = processor().alert(for: try message("您可以拨打12315或向工商投诉", role: role))

        #expect(alert == nil)
    }

    @Test("plain customer message raises none")
    func plainMessageRaisesNone() throws {
        #expect(processor().alert(for: try message("那可不咋上进")) == nil)
    }

    // MARK: - Fields

    @Test("alert fields come from message")
    func alertFieldsFromMessage() throws {
        let alert = try #require(processor().alert(for: try message("再不退款我就投诉")))

        #expect(alert.eventId == "alert/message/hz/mt-dev-90077871-3")
        #expect(alert.kind == .keyword)
        #expect(alert.ruleVersion == "builtin-1")
        #expect(alert.shop == "shop-waimai")
        #expect(alert.buyer == "buyer-66494408")
        #expect(alert.site == "hz")
        #expect(alert.conversationId == "mt-dev-90077871")
        #expect(alert.messageId == "mt-dev-90077871-3")
        #expect(alert.agent == "A-hz-a01")
        #expect(alert.team == "T-hz-a")
    }

    @Test("raisedAt equals message sentAt")
    func raisedAtEqualsSentAt() throws {
        let alert = try #require(processor().alert(for: try message("再不退款我就投诉")))

        // 2026-11-11T08:01:51+08:00 is 2026-11-11T00:01:51Z, 1 794 355 311 s after the epoch.
        #expect(alert.raisedAt.epochMilliseconds == 1_794_355_311_000)
        #expect(alert.raisedAt.iso8601 == Self.sentAt)
    }

    // MARK: - Category and severity

    @Test("complaint words give high complaint")
    func complaintWordsGiveHigh() throws {
        let alert = try #require(processor().alert(for: try message("我要举报你们，还要投诉")))

        #expect(alert.category == .complaint)
        #expect(alert.severity == .high)
        #expect(alert.matchedTerms == ["举报", "投诉"])
    }

    @Test("regulator word gives critical regulator", arguments: ["工商", "12315", "消协"])
    func regulatorWordGivesCritical(word: String) throws {
        let alert = try #require(processor().alert(for: try message("我要去\(word)")))

        #expect(alert.category == .regulator)
        #expect(alert.severity == .critical)
        #expect(alert.matchedTerms == [word])
    }

    @Test("regulator word after complaint wins")
    func regulatorAfterComplaintWins() throws {
        let alert = try #require(processor().alert(for: try message("我要投诉，投诉不行就打12315，再投诉")))

        #expect(alert.category == .regulator)
        #expect(alert.severity == .critical)
        #expect(alert.matchedTerms == ["投诉", "12315"])
    }

    // MARK: - Recipient

    @Test("recipient is team supervisor")
    func recipientIsSupervisor() throws {
        let alert = try #require(processor().alert(for: try message("我要投诉")))

        let recipient = try #require(alert.recipient)
        #expect(recipient.personId == "S-hz-a")
        #expect(recipient.name == "杭州A组主管")
        #expect(recipient.role == .supervisor)
        #expect(alert.text.chinese.contains("请杭州A组主管立即一对一跟进。"))
        #expect(alert.text.english.contains("杭州A组主管, please follow up one-to-one now."))
        #expect(!alert.text.chinese.contains("已转交品牌方"))
        #expect(!alert.text.english.contains("the brand manager receives it"))
    }

    @Test("unknown agent falls back")
    func unknownAgentFallsBack() throws {
        let alert = try #require(processor().alert(for: try message("我要投诉", agent: "A-gz-c07")))

        let recipient = try #require(alert.recipient)
        #expect(recipient.personId == "B-001")
        #expect(recipient.name == "品牌客服经理")
        #expect(recipient.role == .brandManager)
        #expect(alert.team == nil)
        #expect(alert.text.chinese.contains("（花名册中找不到该客服的主管，已转交品牌方。）"))
        #expect(alert.text.english.contains(
            "(The roster has no supervisor for this agent, so the brand manager receives it.)"))
        #expect(alert.text.chinese.contains("客服 A-gz-c07"))
        #expect(alert.text.english.contains("agent A-gz-c07"))
    }

    @Test("agent without supervisor falls back")
    func agentWithoutSupervisorFallsBack() throws {
        let alert = try #require(processor().alert(for: try message("我要投诉", agent: "A-hz-x09")))

        #expect(alert.recipient?.personId == "B-001")
        #expect(alert.team == "T-hz-x")
        #expect(alert.text.chinese.contains("已转交品牌方"))
    }

    @Test("empty roster gives no recipient")
    func emptyRosterGivesNoRecipient() throws {
        let alert = try #require(processor(roster: []).alert(for: try message("我要投诉")))

        #expect(alert.recipient == nil)
        #expect(alert.team == nil)
        #expect(alert.text.chinese.contains("花名册中找不到跟进人，请尽快补全花名册。"))
        #expect(alert.text.english.contains("The roster names no one to follow up; complete the roster."))
    }

    @Test("later roster record replaces supervisor")
    func laterRosterRecordWins() throws {
        let processor = processor()
        processor.applyRoster(RosterPerson(id: "S-hz-a", name: "杭州A组新主管", role: .supervisor, reportsTo: "M-hz",
                                           vendor: "V-BAIXING", site: "hz", team: "T-hz-a"))

        let alert = try #require(processor.alert(for: try message("我要投诉")))

        #expect(alert.recipient?.name == "杭州A组新主管")
    }

    // MARK: - Texts

    @Test("texts name matched words")
    func textsNameMatchedWords() throws {
        let alert = try #require(processor().alert(for: try message("我要投诉，还要打12315")))

        #expect(alert.text.chinese.contains("「投诉」、「12315」"))
        #expect(alert.text.english.contains("“投诉”, “12315”"))
        #expect(alert.text.chinese.contains("顾客 buyer-66494408"))
        #expect(alert.text.english.contains("Customer buyer-66494408"))
        #expect(alert.text.chinese.contains("王小明（A-hz-a01）"))
        #expect(alert.text.english.contains("王小明 (A-hz-a01)"))
        #expect(alert.text.chinese.contains("店铺 shop-waimai，会话 mt-dev-90077871。"))
        #expect(alert.text.english.contains("Shop shop-waimai, conversation mt-dev-90077871."))
    }

    @Test("texts quote snippet")
    func textsQuoteSnippet() throws {
        let alert = try #require(processor().alert(for: try message("再不退款我就投诉")))

        #expect(alert.text.chinese.contains("“再不退款我就投诉”"))
        #expect(alert.text.english.contains("“再不退款我就投诉”"))
    }

    // MARK: - Snippet

    @Test("short text is whole snippet")
    func shortTextIsWholeSnippet() throws {
        let alert = try #require(processor().alert(for: try message("再不退款我就投诉")))

        #expect(alert.snippet == "再不退款我就投诉")
    }

    @Test("long text is cut both sides")
    func longTextIsCut() throws {
        let before = String(repeating: "甲", count: 40)
        let after = String(repeating: "乙", count: 40)

        let alert = try #require(processor().alert(for: try message(before + "投诉" + after)))

        let expected = "…" + String(repeating: "甲", count: 30) + "投诉" + String(repeating: "乙", count: 30) + "…"
        #expect(alert.snippet == expected)
    }

    @Test("exactly 30 characters are not cut")
    func radiusBoundaryIsNotCut() throws {
        let text = String(repeating: "甲", count: 30) + "投诉" + String(repeating: "乙", count: 30)

        let alert = try #require(processor().alert(for: try message(text)))

        #expect(alert.snippet == text)
    }

    @Test("31 characters are cut to 30")
    func radiusPlusOneIsCut() throws {
        let text = "丙" + String(repeating: "甲", count: 30) + "投诉" + String(repeating: "乙", count: 30) + "丁"

        let alert = try #require(processor().alert(for: try message(text)))

        #expect(alert.snippet == "…" + String(repeating: "甲", count: 30) + "投诉" + String(repeating: "乙", count: 30) + "…")
    }

    @Test("snippet surrounds first match")
    func snippetSurroundsFirstMatch() throws {
        let text = String(repeating: "甲", count: 40) + "工商" + String(repeating: "乙", count: 40) + "投诉"

        let alert = try #require(processor().alert(for: try message(text)))

        #expect(alert.snippet == "…" + String(repeating: "甲", count: 30) + "工商" + String(repeating: "乙", count: 30) + "…")
        #expect(alert.matchedTerms == ["工商", "投诉"])
    }

    @Test("snippet replaces newlines")
    func snippetReplacesNewlines() throws {
        // "\r\n" is one Character in Swift, so it becomes one space.
        let alert = try #require(processor().alert(for: try message("第一行\n我要投诉\r\n第三行\u{2028}完")))

        #expect(alert.snippet == "第一行 我要投诉 第三行 完")
        #expect(!alert.text.chinese.contains("\n"))
        #expect(!alert.text.english.contains("\n"))
    }
}

@Suite("Alert titles")
struct AlertTitleTests {
    private func message(_ text: String) throws -> ChatMessage {
        ChatMessage(messageId: "m-1", site: "hz", shop: "shop-1", conversationId: "c-1", buyer: "buyer-1",
                    agent: "A-1", role: .customer, text: text,
                    sentAt: try #require(TimestampFormat.parse("2026-11-11T09:00:00+08:00")))
    }

    @Test("regulator words get regulator title")
    func regulatorTitle() throws {
        let alert = try #require(AlertingProcessor(catalogue: TopicCatalogue()).alert(for: try message("我去消协")))
        #expect(alert.text.chinese.hasPrefix("【高危预警·监管】"))
        #expect(alert.text.english.hasPrefix("[High-risk alert: regulator]"))
    }

    @Test("complaint words get complaint title")
    func complaintTitle() throws {
        let alert = try #require(AlertingProcessor(catalogue: TopicCatalogue()).alert(for: try message("我要举报")))
        #expect(alert.text.chinese.hasPrefix("【高危预警·投诉】"))
        #expect(alert.text.english.hasPrefix("[High-risk alert: complaint]"))
    }
}
