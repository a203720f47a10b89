import Testing
import VigilContracts
@testable import Alerting

@Suite("Reply-timeout alerts")
struct ReplyTimeoutAlertTests {
    /// Three minutes everywhere, one minute in shop-waimai's sister shop.
    private func harness() throws -> AlertingHarness {
        try AlertingHarness(replyLimits: ReplyLimits(defaultSeconds: 180, shops: ["shop-fast": 60]))
    }

    private func message(_ id: String, _ text: String, role: ChatRole = .customer, at time: String,
                         agent: String = "A-hz-a01") throws -> ChatMessage {
        try AlertingHarness.message(id, text, role: role, agent: agent, at: time)
    }

    @Test("watermark raises, reply closes")
    func raisedAndClosed() throws {
        let harness = try harness()
        try harness.send(message("m-1", "我的电话13812345678，东西什么时候到", at: "09:00:00"))
        #expect(try harness.watermark("2026-11-11T09:03:00+08:00").isEmpty, "at the deadline is still in time")

        let raised = try #require(try harness.watermark("2026-11-11T09:03:01+08:00").first)
        #expect(raised.kind == .replyTimeout)
        #expect(raised.category == .replyTimeout)
        #expect(raised.severity == .medium)
        #expect(raised.raisedAt == (try AlertingHarness.time("2026-11-11T09:03:00+08:00")), "the deadline, in event time")
        #expect(raised.messageId == "m-1")
        #expect(raised.replyLimitSeconds == 180)
        #expect(raised.recipient?.personId == "S-hz-a")
        #expect(raised.snippet == "我的电话138****5678，东西什么时候到")
        #expect(raised.text.chinese.hasPrefix("【回复不及时】顾客 buyer-1 的消息"))
        #expect(raised.text.chinese.contains("已等待 180 秒"))
        #expect(raised.notifies)

        let closed = try #require(try harness.send(message("m-2", "亲，明天到", role: .agent, at: "09:05:00")).first)
        #expect(closed.alertId == raised.id)
        #expect(closed.currentAction == .closed)
        #expect(!closed.notifies)
        #expect(closed.waitedSeconds == 300)
        #expect(closed.text.chinese.contains("客服已回复"))
    }

    @Test("timely reply raises nothing")
    func inTime() throws {
        let harness = try harness()
        try harness.send(message("m-1", "在吗", at: "09:00:00"))
        try harness.send(message("m-2", "在的", role: .agent, at: "09:02:59"))
        #expect(try harness.watermark("2026-11-11T10:00:00+08:00").isEmpty)
    }

    @Test("late reply raises and closes")
    func lateReplyWithoutWatermark() throws {
        let harness = try harness()
        try harness.send(message("m-1", "在吗", at: "09:00:00"))
        let alerts = try harness.send(message("m-2", "抱歉久等", role: .agent, at: "09:04:00"))

        #expect(alerts.map(\.currentAction) == [.raised, .closed])
        #expect(alerts.first?.raisedAt == (try AlertingHarness.time("2026-11-11T09:03:00+08:00")))
        #expect(alerts.last?.waitedSeconds == 240)
    }

    @Test("timeout same from watermark or reply")
    func sameEitherWay() throws {
        let byWatermark = try harness()
        try byWatermark.send(message("m-1", "在吗", at: "09:00:00"))
        try byWatermark.watermark("2026-11-11T09:03:30+08:00")
        try byWatermark.send(message("m-2", "抱歉久等", role: .agent, at: "09:04:00"))

        let byReply = try harness()
        try byReply.send(message("m-1", "在吗", at: "09:00:00"))
        try byReply.send(message("m-2", "抱歉久等", role: .agent, at: "09:04:00"))

        #expect(try byWatermark.entries().map(\.record.value) == byReply.entries().map(\.record.value))
    }

    @Test("closing remark starts no wait")
    func closingRemark() throws {
        let harness = try harness()
        try harness.send(message("m-1", "好的，谢谢！", at: "09:00:00"))
        #expect(try harness.watermark("2026-11-11T10:00:00+08:00").isEmpty)
    }

    @Test("shop's own limit applies")
    func shopLimit() throws {
        let harness = try harness()
        let fast = ChatMessage(messageId: "f-1", site: "hz", shop: "shop-fast", conversationId: "c-f", buyer: "buyer-9",
                               agent: "A-hz-a01", role: .customer, text: "在吗",
                               sentAt: try AlertingHarness.time("2026-11-11T09:00:00+08:00"))
        try harness.send(fast)
        try harness.send(message("m-1", "在吗", at: "09:00:00"))

        let alerts = try harness.watermark("2026-11-11T09:01:30+08:00")
        #expect(alerts.map(\.shop) == ["shop-fast"])
        #expect(alerts.first?.replyLimitSeconds == 60)
    }

    @Test("unanswered wait closes without reminder")
    func unanswered() throws {
        let harness = try AlertingHarness(policy: AlertPolicy(groupWindowSeconds: 7_200, repeatIntervalSeconds: 3_600),
                                          replyLimits: ReplyLimits(defaultSeconds: 180))
        try harness.send(message("m-1", "在吗", at: "09:00:00"))
        let alerts = try harness.watermark("2026-11-11T12:00:00+08:00")

        #expect(alerts.map(\.currentAction) == [.raised, .closed], "reply timeouts do not remind")
        #expect(alerts.map(\.raisedAt.epochMilliseconds) == (try [
            "2026-11-11T09:03:00+08:00", "2026-11-11T11:03:00+08:00",
        ].map { try AlertingHarness.time($0).epochMilliseconds }))
        #expect(alerts.last?.text.chinese.contains("客服已回复") == false, "nobody replied")
        #expect(alerts.last?.text.chinese.contains("预警关闭") == true)
    }
}

@Suite("ClosingRemarks")
struct ClosingRemarksTests {
    @Test("thanks, acknowledgements, emoji need no reply", arguments: [
        "好的", "好的，谢谢！", "嗯嗯", "OK", "谢谢您~", "👍", "。。。", "拜拜", "离开人工会话",
    ])
    func closing(text: String) {
        #expect(ClosingRemarks.needsNoReply(text))
    }

    @Test("questions and complaints need a reply", arguments: [
        "好的，那什么时候发货？", "谢谢，但是我还没收到", "在吗", "?", "我要投诉", "12315",
    ])
    func needsReply(text: String) {
        #expect(!ClosingRemarks.needsNoReply(text))
    }
}
