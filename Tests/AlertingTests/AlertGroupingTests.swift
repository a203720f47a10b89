import Testing
import VigilContracts
@testable import Alerting

@Suite("Alert grouping")
struct AlertGroupingTests {
    private func customer(_ id: String, _ text: String, at time: String, buyer: String = "buyer-1") throws -> ChatMessage {
        try AlertingHarness.message(id, text, buyer: buyer, at: time)
    }

    @Test("repeat updates open alert silently")
    func repeats() throws {
        let harness = try AlertingHarness()
        let first = try #require(try harness.send(customer("m-1", "我要投诉", at: "09:00:00")).first)
        let second = try #require(try harness.send(customer("m-2", "我真的要投诉你们", at: "09:05:00")).first)

        #expect(second.alertId == first.alertId)
        #expect(second.currentAction == .repeated)
        #expect(second.notifies == false)
        #expect(second.occurrences == 2)
        #expect(second.eventId == "\(first.id)/repeated/message/hz/m-2")
        #expect(second.snippet == "我真的要投诉你们", "the latest text")
        #expect(second.openedAt == first.raisedAt)
    }

    @Test("higher severity notifies again")
    func escalation() throws {
        let harness = try AlertingHarness()
        try harness.send(customer("m-1", "我要投诉", at: "09:00:00"))
        let higher = try #require(try harness.send(customer("m-2", "我要举报你们", at: "09:01:00")).first)

        #expect(higher.currentAction == .escalated)
        #expect(higher.notifies)
        #expect(higher.severity == .high)
        let same = try #require(try harness.send(customer("m-3", "举报", at: "09:02:00")).first)
        #expect(same.currentAction == .repeated, "the same severity again does not notify")
    }

    @Test("other threads get own alerts")
    func threads() throws {
        let harness = try AlertingHarness()
        let one = try #require(try harness.send(customer("m-1", "我要投诉", at: "09:00:00")).first)
        let two = try #require(try harness.send(customer("m-2", "我要投诉", at: "09:00:10", buyer: "buyer-2")).first)
        #expect(one.alertId != two.alertId)
        #expect(two.currentAction == .raised)
    }

    @Test("regulator inhibits complaint and escalation")
    func inhibition() throws {
        let harness = try AlertingHarness()
        let regulator = try #require(try harness.send(customer("m-1", "我去12315", at: "09:00:00")).first)
        let alerts = try harness.send(customer("m-2", "我要投诉，找你们领导", at: "09:01:00"))

        #expect(alerts.map(\.category) == [.complaint, .escalation])
        #expect(alerts.allSatisfy { $0.currentAction == .raised })
        #expect(alerts.allSatisfy { !$0.notifies })
        #expect(alerts.allSatisfy { $0.inhibitedBy == regulator.id })
        #expect(alerts.first?.text.chinese.contains("本条不单独通知") == true)
        let other = try #require(try harness.send(customer("m-3", "我要投诉", at: "09:02:00", buyer: "buyer-2")).first)
        #expect(other.notifies, "another thread is not inhibited")
    }

    @Test("earlier complaint stays uninhibited")
    func inhibitionOrder() throws {
        let harness = try AlertingHarness()
        let complaint = try #require(try harness.send(customer("m-1", "我要投诉", at: "09:00:00")).first)
        #expect(complaint.notifies)
    }

    @Test("re-notify on hit and watermark")
    func repeatInterval() throws {
        let harness = try AlertingHarness(policy: AlertPolicy(groupWindowSeconds: 86_400, repeatIntervalSeconds: 3_600))
        let raised = try #require(try harness.send(customer("m-1", "我要投诉", at: "09:00:00")).first)

        #expect(try harness.watermark("2026-11-11T09:59:59+08:00").isEmpty)
        let reminder = try #require(try harness.watermark("2026-11-11T10:30:00+08:00").first)
        #expect(reminder.currentAction == .reminded)
        #expect(reminder.notifies)
        #expect(reminder.alertId == raised.id)
        #expect(reminder.raisedAt == (try AlertingHarness.time("2026-11-11T10:00:00+08:00")), "when it fell due")
        #expect(reminder.eventId == "\(raised.id)/reminded/\(reminder.raisedAt.epochMilliseconds)")
        #expect(try harness.watermark("2026-11-11T10:45:00+08:00").isEmpty, "once per interval")

        let hit = try harness.send(customer("m-2", "投诉", at: "11:10:00"))
        #expect(hit.map(\.currentAction) == [.reminded, .repeated],
                "a hit past the interval first gets the reminder a watermark would have sent")
        #expect(hit.first?.raisedAt == (try AlertingHarness.time("2026-11-11T11:00:00+08:00")))
    }

    @Test("reminders ignore watermark placement")
    func remindersWithoutWatermarks() throws {
        let policy = AlertPolicy(groupWindowSeconds: 86_400, repeatIntervalSeconds: 3_600)
        let withWatermark = try AlertingHarness(policy: policy)
        try withWatermark.send(customer("m-1", "我要投诉", at: "09:00:00"))
        try withWatermark.watermark("2026-11-11T11:30:00+08:00")
        try withWatermark.send(customer("m-2", "投诉", at: "11:40:00"))

        let without = try AlertingHarness(policy: policy)
        try without.send(customer("m-1", "我要投诉", at: "09:00:00"))
        try without.send(customer("m-2", "投诉", at: "11:40:00"))

        #expect(try withWatermark.entries().map(\.record.value) == without.entries().map(\.record.value))
        #expect(try without.alerts().map(\.currentAction) == [.raised, .reminded, .reminded, .repeated])
    }

    @Test("quiet close, then new alert")
    func quietClosing() throws {
        let harness = try AlertingHarness(policy: AlertPolicy(groupWindowSeconds: 3_600, repeatIntervalSeconds: 7_200))
        let raised = try #require(try harness.send(customer("m-1", "我要投诉", at: "09:00:00")).first)

        let closed = try #require(try harness.watermark("2026-11-11T10:00:00+08:00").first)
        #expect(closed.currentAction == .closed)
        #expect(!closed.notifies)
        #expect(closed.eventId == "\(raised.id)/closed")
        #expect(closed.raisedAt == (try AlertingHarness.time("2026-11-11T10:00:00+08:00")))

        let again = try #require(try harness.send(customer("m-2", "我要投诉", at: "10:30:00")).first)
        #expect(again.currentAction == .raised)
        #expect(again.alertId != raised.id)
    }

    @Test("late hit closes old alert first")
    func lateHitCloses() throws {
        let harness = try AlertingHarness(policy: AlertPolicy(groupWindowSeconds: 3_600, repeatIntervalSeconds: 7_200))
        try harness.send(customer("m-1", "我要投诉", at: "09:00:00"))
        let alerts = try harness.send(customer("m-2", "我要投诉", at: "11:00:00"))

        #expect(alerts.map(\.currentAction) == [.closed, .raised])
        #expect(alerts.first?.raisedAt == (try AlertingHarness.time("2026-11-11T10:00:00+08:00")))
    }

    @Test("same input, byte-identical events")
    func deterministic() throws {
        func run() throws -> [[UInt8]] {
            let harness = try AlertingHarness(policy: AlertPolicy(groupWindowSeconds: 3_600, repeatIntervalSeconds: 1_800))
            try harness.send(customer("m-1", "我要投诉", at: "09:00:00"))
            try harness.send(customer("m-2", "去12315", at: "09:10:00"))
            try harness.send(customer("m-3", "举报，找领导", at: "09:20:00"))
            try harness.watermark("2026-11-11T10:00:00+08:00")
            try harness.watermark("2026-11-11T12:00:00+08:00")
            return try harness.entries().map(\.record.value)
        }
        let first = try run()
        #expect(first.count >= 6)
        #expect(try run() == first)
    }

    @Test("grouping survives store restart")
    func restart() throws {
        let harness = try AlertingHarness()
        try harness.send(customer("m-1", "我要投诉", at: "09:00:00"))
        let groups = AlertGroups(policy: AlertPolicy())
        let (due, decision) = try groups.hit(
            thread: ThreadKey(shop: "shop-waimai", buyer: "buyer-1"), category: .complaint, severity: .medium,
            at: try AlertingHarness.time("2026-11-11T09:01:00+08:00"), causeId: "message/hz/m-2", partition: 0,
            in: harness.store.database)
        #expect(due.isEmpty)
        #expect(decision.action == .repeated)
        #expect(decision.occurrences == 2)
    }

    @Test("reminder inhibition ignores watermark placement")
    func reminderInhibitionWithoutWatermarks() throws {
        func run(watermarkBeforeHit: Bool) throws -> Alert? {
            let harness = try AlertingHarness()
            try harness.send(customer("m-1", "我去工商", at: "09:00:00"))
            try harness.send(customer("m-2", "我要投诉", at: "19:00:00"))
            if watermarkBeforeHit {
                try harness.watermark("2026-11-11T23:30:00+08:00")
            }
            try harness.send(AlertingHarness.message("m-3", "我去工商", at: "09:00:00").with(
                sentAt: try AlertingHarness.time("2026-11-12T00:00:00+08:00")))
            try harness.watermark("2026-11-12T00:30:00+08:00")
            return try harness.alerts().first { $0.category == .complaint && $0.currentAction == .reminded }
        }
        let withWatermark = try #require(try run(watermarkBeforeHit: true))
        let withoutWatermark = try #require(try run(watermarkBeforeHit: false))
        #expect(withWatermark == withoutWatermark)
        #expect(withWatermark.notifies, "the regulator alert of the next day opened after the reminder fell due")
    }

    @Test("reminder in closed regulator span inhibited")
    func inhibitionByClosedAlert() throws {
        let harness = try AlertingHarness(policy: AlertPolicy(groupWindowSeconds: 3 * 3_600, repeatIntervalSeconds: 3_600))
        try harness.send(customer("m-1", "我去工商", at: "09:00:00"))
        try harness.send(customer("m-2", "我要投诉", at: "09:30:00"))
        // One watermark settles both: the complaint's reminders at 10:30 and 11:30 fell due while the
        // regulator alert was open (until 12:00), whichever of the two the store settles first.
        let alerts = try harness.watermark("2026-11-11T12:40:00+08:00")
        let reminders = alerts.filter { $0.category == .complaint && $0.currentAction == .reminded }
        #expect(reminders.count == 2)
        #expect(reminders.allSatisfy { !$0.notifies })
        #expect(reminders.allSatisfy { $0.inhibitedBy != nil })
    }

    @Test("repeats and reminders keep max severity")
    func severityKept() throws {
        let harness = try AlertingHarness()
        let raised = try #require(try harness.send(customer("m-1", "我要举报", at: "09:00:00")).first)
        #expect(raised.severity == .high)
        let repeated = try #require(try harness.send(customer("m-2", "我要投诉", at: "09:01:00")).first)
        #expect(repeated.currentAction == .repeated)
        #expect(repeated.severity == .high)
        let reminder = try #require(try harness.watermark("2026-11-11T13:30:00+08:00").first)
        #expect(reminder.currentAction == .reminded)
        #expect(reminder.severity == .high)
        #expect(reminder.text.chinese.hasPrefix("【预警提醒·投诉】"))
    }
}

private extension ChatMessage {
    func with(sentAt: Timestamp) -> ChatMessage {
        var copy = self
        copy.sentAt = sentAt
        return copy
    }
}
