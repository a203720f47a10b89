import Testing
import VigilContracts
import VigilStore
@testable import Alerting

@Suite("ReplyTimers")
struct ReplyTimersTests {
    private typealias F = ReplyFixtures

    private let timers = ReplyTimers(limits: ReplyLimits(defaultSeconds: 180, shops: ["shop-fast": 60]))

    /// Returns the waits that `events` time out, in order.
    private func timedOut(_ events: [ReplyTimerEvent]) -> [ReplyWait] {
        events.compactMap { if case .timedOut(let wait) = $0 { wait } else { nil } }
    }

    private func pendingCount(_ database: Database) throws -> Int {
        try database.scalar("SELECT count(*) FROM alerting_reply_waits").int ?? -1
    }

    // MARK: - Starting and answering

    @Test("reply within limit returns nothing")
    func replyInTime() throws {
        try F.withDatabase { database in
            let question = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let replied = try timers.observe(F.message(.agent, at: 180, id: "a1"), partition: 3, in: database)

            #expect(question.isEmpty)
            #expect(replied.isEmpty)
            #expect(try pendingCount(database) == 0)
        }
    }

    @Test("customer message starts a wait")
    func waitFields() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let events = try timers.advance(partition: 3, to: F.time(181), in: database)

            let wait = try #require(timedOut(events).first)
            #expect(wait == ReplyWait(shop: "shop-waimai", buyer: "buyer-66494408", site: "hz",
                                      conversationId: "conv-buyer-66494408", agent: "A-hz-a01",
                                      customerMessageId: "c1", since: F.time(0), deadline: F.time(180),
                                      limitSeconds: 180))
            #expect(wait.customerEventId == "message/hz/c1")
            #expect(wait.deadline.iso8601 == "2026-11-11T09:03:00+08:00")
        }
    }

    @Test("timed-out wait answered by agent")
    func answeredAfterTimeout() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let fired = try timers.advance(partition: 3, to: F.time(200), in: database)
            let reply = F.message(.agent, at: 250, id: "a1")
            let answered = try timers.observe(reply, partition: 3, in: database)

            let wait = try #require(timedOut(fired).first)
            #expect(fired.count == 1)
            #expect(answered == [.answered(wait, reply: reply)])
            #expect(try pendingCount(database) == 0)
        }
    }

    @Test("late reply before timer fires")
    func lateReplyBeforeTimer() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let reply = F.message(.agent, at: 200, id: "a1")
            let events = try timers.observe(reply, partition: 3, in: database)

            #expect(events.count == 2)
            let wait = try #require(timedOut(events).first)
            #expect(events.first == .timedOut(wait))
            #expect(events.last == .answered(wait, reply: reply))
            #expect(try timers.advance(partition: 3, to: F.time(3600), in: database).isEmpty)
        }
    }

    @Test("agent reply before wait start ignored")
    func earlierReplyIgnored() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 100, id: "c1"), partition: 3, in: database)
            let early = try timers.observe(F.message(.agent, at: 90, id: "a0"), partition: 3, in: database)
            let fired = try timers.advance(partition: 3, to: F.time(281), in: database)

            #expect(early.isEmpty)
            #expect(timedOut(fired).map(\.customerMessageId) == ["c1"])
        }
    }

    @Test("agent reply without wait returns nothing")
    func replyWithoutWait() throws {
        try F.withDatabase { database in
            let events = try timers.observe(F.message(.agent, at: 0, id: "a1"), partition: 3, in: database)

            #expect(events.isEmpty)
            #expect(try pendingCount(database) == 0)
        }
    }

    // MARK: - Repeated customer messages

    @Test("later customer messages keep first start")
    func repeatedCustomerMessages() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let second = try timers.observe(F.message(.customer, at: 120, id: "c2"), partition: 3, in: database)
            let fired = try timers.advance(partition: 3, to: F.time(181), in: database)

            #expect(second.isEmpty)
            #expect(timedOut(fired).map(\.customerMessageId) == ["c1"])
            #expect(timedOut(fired).map(\.since) == [F.time(0)])
        }
    }

    @Test("customer message past deadline fires once")
    func customerMessageFiresTimer() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let third = try timers.observe(F.message(.customer, at: 200, id: "c2"), partition: 3, in: database)
            let fourth = try timers.observe(F.message(.customer, at: 400, id: "c3"), partition: 3, in: database)
            let watermark = try timers.advance(partition: 3, to: F.time(500), in: database)

            #expect(timedOut(third).map(\.customerMessageId) == ["c1"])
            #expect(fourth.isEmpty)
            #expect(watermark.isEmpty)
        }
    }

    @Test("answered wait allows new wait")
    func newWaitAfterAnswer() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            _ = try timers.observe(F.message(.agent, at: 30, id: "a1"), partition: 3, in: database)
            _ = try timers.observe(F.message(.customer, at: 60, id: "c2"), partition: 3, in: database)
            let fired = try timers.advance(partition: 3, to: F.time(241), in: database)

            #expect(timedOut(fired).map(\.customerMessageId) == ["c2"])
            #expect(timedOut(fired).map(\.deadline) == [F.time(240)])
        }
    }

    // MARK: - System messages

    @Test("system message starts no wait")
    func systemStartsNothing() throws {
        try F.withDatabase { database in
            let events = try timers.observe(F.message(.system, at: 0, id: "s1"), partition: 3, in: database)

            #expect(events.isEmpty)
            #expect(try pendingCount(database) == 0)
        }
    }

    @Test("system message answers nothing")
    func systemAnswersNothing() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let bot = try timers.observe(F.message(.system, at: 5, id: "s1"), partition: 3, in: database)
            let fired = try timers.advance(partition: 3, to: F.time(181), in: database)

            #expect(bot.isEmpty)
            #expect(timedOut(fired).map(\.customerMessageId) == ["c1"])
        }
    }

    @Test("system message past deadline fires timer")
    func systemFiresTimer() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)
            let bot = try timers.observe(F.message(.system, at: 181, id: "s1"), partition: 3, in: database)

            #expect(timedOut(bot).map(\.customerMessageId) == ["c1"])
            #expect(try pendingCount(database) == 1)
        }
    }

    // MARK: - Watermarks

    @Test("watermark fires its own partition only")
    func watermarkPerPartition() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1", buyer: "b-1"), partition: 1, in: database)
            _ = try timers.observe(F.message(.customer, at: 0, id: "c2", buyer: "b-2"), partition: 2, in: database)

            let first = try timers.advance(partition: 1, to: F.time(600), in: database)
            let second = try timers.advance(partition: 2, to: F.time(600), in: database)

            #expect(timedOut(first).map(\.buyer) == ["b-1"])
            #expect(timedOut(second).map(\.buyer) == ["b-2"])
        }
    }

    @Test("watermark at deadline waits")
    func watermarkAtDeadline() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)

            let atDeadline = try timers.advance(partition: 3, to: F.time(180), in: database)
            let justAfter = try timers.advance(partition: 3, to: F.time(180.001), in: database)

            #expect(atDeadline.isEmpty)
            #expect(timedOut(justAfter).count == 1)
        }
    }

    @Test("wait times out once")
    func noSecondTimeout() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1"), partition: 3, in: database)

            let first = try timers.advance(partition: 3, to: F.time(200), in: database)
            let second = try timers.advance(partition: 3, to: F.time(900), in: database)
            let reply = try timers.observe(F.message(.agent, at: 950, id: "a1"), partition: 3, in: database)

            #expect(first.count == 1)
            #expect(second.isEmpty)
            #expect(reply.count == 1)
            if case .answered = reply.first {} else { Issue.record("expected .answered, got \(reply)") }
        }
    }

    @Test("watermark orders by deadline then thread")
    func watermarkOrder() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 10, id: "c1", buyer: "b-late"), partition: 3, in: database)
            _ = try timers.observe(F.message(.customer, at: 0, id: "c2", buyer: "b-z"), partition: 3, in: database)
            _ = try timers.observe(F.message(.customer, at: 0, id: "c3", buyer: "b-a"), partition: 3, in: database)
            _ = try timers.observe(F.message(.customer, at: 0, id: "c4", shop: "shop-a", buyer: "b-z"),
                                   partition: 3, in: database)

            let events = try timers.advance(partition: 3, to: F.time(600), in: database)

            let order = timedOut(events).map { "\($0.shop)/\($0.buyer)" }
            #expect(order == ["shop-a/b-z", "shop-waimai/b-a", "shop-waimai/b-z", "shop-waimai/b-late"])
        }
    }

    @Test("watermark scan uses due index")
    func advanceUsesIndex() throws {
        try F.withDatabase { database in
            let plan = try database.query("""
                EXPLAIN QUERY PLAN SELECT shop FROM alerting_reply_waits
                WHERE partition = ? AND timed_out = 0 AND deadline_ms < ?
                ORDER BY deadline_ms, shop, buyer
                """, [3, 0])
            let details = plan.compactMap { $0[3].string }.joined(separator: "\n")

            #expect(details.contains("USING INDEX alerting_reply_waits_due"))
            #expect(!details.contains("TEMP B-TREE"))
        }
    }

    // MARK: - Limits

    @Test("per-shop limit sets deadline")
    func perShopLimit() throws {
        try F.withDatabase { database in
            _ = try timers.observe(F.message(.customer, at: 0, id: "c1", shop: "shop-fast"), partition: 3, in: database)
            _ = try timers.observe(F.message(.customer, at: 0, id: "c2"), partition: 3, in: database)

            let events = try timers.advance(partition: 3, to: F.time(61), in: database)

            let wait = try #require(timedOut(events).first)
            #expect(timedOut(events).count == 1)
            #expect(wait.shop == "shop-fast")
            #expect(wait.limitSeconds == 60)
            #expect(wait.deadline == F.time(60))
        }
    }

    // MARK: - Restart and determinism

    @Test("new timers on same file continue")
    func restartContinues() throws {
        try F.withStorePath { path in
            try F.withStore(at: path) { database in
                _ = try timers.observe(F.message(.customer, at: 0, id: "c1", buyer: "b-1"), partition: 3, in: database)
                _ = try timers.observe(F.message(.customer, at: 100, id: "c2", buyer: "b-2"), partition: 3, in: database)
                _ = try timers.advance(partition: 3, to: F.time(200), in: database)
            }

            try F.withStore(at: path) { database in
                let restarted = ReplyTimers(limits: ReplyLimits())
                let fired = try restarted.advance(partition: 3, to: F.time(300), in: database)
                let reply = F.message(.agent, at: 310, id: "a1", buyer: "b-1")
                let answered = try restarted.observe(reply, partition: 3, in: database)

                #expect(timedOut(fired).map(\.buyer) == ["b-2"])
                #expect(answered.count == 1)
                #expect(answered.first?.wait.customerMessageId == "c1")
                #expect(answered.first?.wait.since.iso8601 == "2026-11-11T09:00:00+08:00")
            }
        }
    }

    @Test("same input gives same events")
    func deterministic() throws {
        let script = Self.script()
        let first = try F.withDatabase { try run(script, in: $0) }
        let second = try F.withDatabase { try run(script, in: $0) }

        #expect(first == second)
        #expect(first.count { if case .timedOut = $0 { true } else { false } } > 5)
        #expect(first.count { if case .answered = $0 { true } else { false } } > 5)
    }

    /// One step of a scripted run: a message on its partition, or a watermark.
    private enum Step {
        case message(ChatMessage, partition: Int32)
        case watermark(partition: Int32, seconds: Double)
    }

    private func run(_ script: [Step], in database: Database) throws -> [ReplyTimerEvent] {
        var events: [ReplyTimerEvent] = []
        for step in script {
            switch step {
            case .message(let message, let partition):
                events += try timers.observe(message, partition: partition, in: database)
            case .watermark(let partition, let seconds):
                events += try timers.advance(partition: partition, to: F.time(seconds), in: database)
            }
        }
        return events
    }

    /// Returns 12 threads on 3 partitions over an hour, with replies from 5 s to 7 minutes
    /// and a watermark per partition every minute, from a fixed linear congruential sequence.
    private static func script() -> [Step] {
        var seed: UInt64 = 42
        func next(_ bound: UInt64) -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (seed >> 33) % bound
        }

        var steps: [(seconds: Double, order: Int, step: Step)] = []
        for thread in 0..<12 {
            let buyer = "b-\(thread)"
            let shop = thread % 4 == 0 ? "shop-fast" : "shop-waimai"
            let partition = Int32(thread % 3)
            var clock = Double(next(60))
            for turn in 0..<6 {
                let question = F.message(.customer, at: clock, id: "c-\(thread)-\(turn)", shop: shop, buyer: buyer)
                steps.append((clock, steps.count, .message(question, partition: partition)))
                clock += Double(5 + next(420))
                let role: ChatRole = next(10) == 0 ? .system : .agent
                let reply = F.message(role, at: clock, id: "r-\(thread)-\(turn)", shop: shop, buyer: buyer)
                steps.append((clock, steps.count, .message(reply, partition: partition)))
                clock += Double(next(120))
            }
        }
        for minute in 1...60 {
            for partition in 0..<Int32(3) {
                steps.append((Double(minute * 60), steps.count, .watermark(partition: partition, seconds: Double(minute * 60))))
            }
        }
        return steps.sorted { ($0.seconds, $0.order) < ($1.seconds, $1.order) }.map(\.step)
    }
}
