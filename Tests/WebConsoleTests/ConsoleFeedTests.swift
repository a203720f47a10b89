import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilTestSupport
import WebConsole

/// The console's feed on the embedded broker: what it stores from each topic,
/// restarts, bad records, masking and the event clock.
@Suite("ConsoleFeed", .serialized)
struct ConsoleFeedTests {
    typealias Fixtures = ConsoleFixtures

    @Test("stores what is published")
    func storesWhatIsPublished() throws {
        let harness = try ConsoleFeedHarness()
        let catalogue = harness.catalogue
        try harness.publishRoster()
        try harness.publish([
            Fixtures.alert("alert/a1", agent: "A-a1", site: "hz", buyer: "buyer-1"),
            Fixtures.alert("alert/b1", agent: "A-unknown", site: "sh", buyer: "buyer-2"),
            Fixtures.alert("alert/n1", agent: "A-unknown", site: "gz", buyer: "buyer-3"),
        ], to: catalogue.alerts)
        try harness.publish([Fixtures.opened("case-a", vendor: "V-A", at: Fixtures.minute(1), dueAt: nil)],
                            to: catalogue.caseEvents)
        let day = "2026-11-11"
        try harness.publish([
            Fixtures.score(.agent, "A-a1", day: day, total: 90),
            Fixtures.score(.vendor, "V-B", day: day, total: 80),
            Fixtures.score(.team, "T-a", day: day, total: 70),
            Fixtures.score(.site, "sh", day: day, total: 60),
            Fixtures.score(.shop, "shop-tmall", day: day, total: nil),
        ], to: catalogue.scores)

        let feed = try harness.runFeed(handling: 14)
        #expect(feed.appliedRecords == 14)
        #expect(feed.skippedRecords == 0)

        let model = try harness.readModel()
        let alerts = try model.recentAlerts(vendor: nil, limit: 10)
        #expect(Set(alerts.map(\.alert.eventId)) == ["alert/a1", "alert/b1", "alert/n1"])
        #expect(alerts.map(\.sequence) == alerts.map(\.sequence).sorted(by: >), "newest first")
        let vendors = Dictionary(uniqueKeysWithValues: alerts.map { ($0.alert.eventId, $0.vendor) })
        #expect(vendors["alert/a1"] == "V-A", "the agent's vendor")
        #expect(vendors["alert/b1"] == "V-B", "the vendor of the people at the alert's site")
        #expect(vendors["alert/n1"] == .some(nil), "neither the agent nor the site is known")

        #expect(try model.person(id: "A-a1")?.name == "客服甲一")
        #expect(try model.person(id: "nobody") == nil)
        let file = try #require(try model.caseFile(id: "case-a"))
        #expect(file.vendor == "V-A")
        #expect(file.timeline.count == 1)

        #expect(try scoreRow(model, .agent)?.vendor == "V-A")
        #expect(try scoreRow(model, .agent)?.name == "客服甲一")
        #expect(try scoreRow(model, .vendor)?.vendor == "V-B")
        #expect(try scoreRow(model, .team)?.vendor == "V-A")
        #expect(try scoreRow(model, .site)?.vendor == "V-B")
        #expect(try scoreRow(model, .shop)?.vendor == nil)
        #expect(try scoreRow(model, .shop)?.name == "shop-tmall")
    }

    private func scoreRow(_ model: ConsoleReadModel, _ kind: ScoreSubjectKind) throws -> ConsoleScoreRow? {
        let rows = try model.league(kind: kind, periodKind: .day, vendor: nil).rows
        #expect(rows.count == 1)
        return rows.first
    }

    @Test("restart continues without loss or doubles")
    func restartContinues() throws {
        let harness = try ConsoleFeedHarness()
        let alerts = harness.catalogue.alerts
        try harness.publishRoster()
        let first = (1...3).map { Fixtures.alert("alert/\($0)", agent: "A-a1", site: "hz", buyer: "buyer-\($0)") }
        try harness.publish(first, to: alerts)

        // The feed holds the store's lock until it is released, so only its count is kept.
        let appliedFirst = try harness.runFeed(handling: 8).appliedRecords
        #expect(appliedFirst == 8)
        let before = try harness.readModel().recentAlerts(vendor: nil, limit: 10)
        #expect(before.count == 3)

        // The same event again at a new offset, as an upstream service that
        // crashed before clearing its outbox republishes it, and two new ones.
        let later = (4...5).map { Fixtures.alert("alert/\($0)", agent: "A-a1", site: "hz", buyer: "buyer-\($0)") }
        try harness.publish([first[0]] + later, to: alerts)

        let restarted = try harness.runFeed(handling: 3, settle: 1)
        #expect(restarted.appliedRecords == 3, "the restarted feed reads only the records after the stored offsets")

        let after = try harness.readModel().recentAlerts(vendor: nil, limit: 10)
        #expect(after.count == 5)
        #expect(Set(after.map(\.alert.eventId)) == Set((1...5).map { "alert/\($0)" }))
        #expect(Set(after.map(\.sequence)).count == 5)
        let unchanged = after.filter { before.map(\.sequence).contains($0.sequence) }
        #expect(Set(unchanged.map(\.alert.eventId)) == Set(before.map(\.alert.eventId)), "stored alerts keep their sequence")
        let newest = after.filter { $0.alert.eventId == "alert/4" || $0.alert.eventId == "alert/5" }
        #expect(newest.allSatisfy { $0.sequence > before.map(\.sequence).max() ?? 0 })

        let lastSequence = before.map(\.sequence).max() ?? 0
        let following = try harness.readModel().alerts(after: lastSequence, vendor: nil, limit: 10)
        #expect(Set(following.map(\.alert.eventId)) == ["alert/4", "alert/5"])
        #expect(following.map(\.sequence) == following.map(\.sequence).sorted(), "oldest first")
    }

    @Test("skips an undecodable alert and stores the rest")
    func skipsBadRecord() throws {
        let harness = try ConsoleFeedHarness()
        let alerts = harness.catalogue.alerts
        try harness.publishRoster()
        let good = [Fixtures.alert("alert/1", agent: "A-a1", site: "hz", buyer: "buyer-1"),
                    Fixtures.alert("alert/2", agent: "A-a1", site: "hz", buyer: "buyer-2")]
        let bad = OutgoingRecord(topic: alerts.name, key: Array("shop-tmall/buyer-1".utf8),
                                 value: Array("{not json".utf8), timestampMilliseconds: 0,
                                 headers: [KafkaHeader(name: EventHeaders.schema, text: "alert/1")])
        try harness.topics.produce([try EmbeddedTopics.record(good[0], to: alerts), bad,
                                    try EmbeddedTopics.record(good[1], to: alerts)])

        let feed = try harness.runFeed(handling: 8)
        #expect(feed.skippedRecords == 1)
        #expect(feed.appliedRecords == 7)
        let stored = try harness.readModel().recentAlerts(vendor: nil, limit: 10)
        #expect(Set(stored.map(\.alert.eventId)) == ["alert/1", "alert/2"])
    }

    @Test("masks a phone number in an older unmasked case event")
    func masksPersonalNumbers() throws {
        let harness = try ConsoleFeedHarness()
        let catalogue = harness.catalogue
        let phone = "13812345678"
        try harness.publishRoster()
        var opened = Fixtures.caseEvent("case-a", .opened, vendor: "V-A", state: .open, at: Fixtures.minute(0),
                                        text: "客户留下电话 \(phone) 要求回电")
        opened.deadline = .acknowledge
        opened.dueAt = Fixtures.minute(30)
        var plan = Fixtures.caseEvent("case-a", .planSubmitted, vendor: "V-A", state: .open, at: Fixtures.minute(5),
                                      text: "整改方案已提交")
        plan.plan = "回访客户 \(phone)，培训客服"
        plan.rectification = .submitted
        try harness.publish([opened, plan], to: catalogue.caseEvents)
        try harness.publish([Fixtures.alert("alert/1", agent: "A-a1", site: "hz", snippet: "打我电话\(phone)")],
                            to: catalogue.alerts)

        try harness.runFeed(handling: 8)

        let model = try harness.readModel()
        let file = try #require(try model.caseFile(id: "case-a"))
        #expect(file.timeline.count == 2)
        #expect(file.timeline[0].text.chinese == "客户留下电话 138****5678 要求回电")
        #expect(file.plan == "回访客户 138****5678，培训客服")
        let alert = try #require(try model.recentAlerts(vendor: nil, limit: 1).first)
        #expect(alert.alert.snippet == "打我电话138****5678")
        #expect(!alert.alert.text.chinese.contains(phone))

        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: harness.storePath + suffix))) ?? Data()
            #expect(bytes.range(of: Data(phone.utf8)) == nil, "the store file\(suffix) holds the unmasked number")
        }
    }

    @Test("event clock follows alerts, case events and watermarks")
    func eventClock() throws {
        let harness = try ConsoleFeedHarness()
        let catalogue = harness.catalogue
        #expect(try harness.readModel().eventClock() == nil)

        try harness.publish([Fixtures.alert("alert/1", agent: "A-a1", site: "hz", at: Fixtures.minute(5)),
                             Fixtures.alert("alert/2", agent: "A-a1", site: "hz", buyer: "buyer-2",
                                            at: Fixtures.minute(8))], to: catalogue.alerts)
        try harness.publish([Fixtures.opened("case-a", vendor: "V-A", at: Fixtures.minute(12), dueAt: nil)],
                            to: catalogue.caseEvents)
        try harness.runFeed(handling: 3)
        let clock = try #require(try harness.readModel().eventClock())
        #expect(clock == Fixtures.minute(12))
        #expect(clock.utcOffsetSeconds == 8 * 3_600, "the clock keeps the offset of the event that set it")

        // A watermark moves the clock; an older event after it does not move it back.
        try harness.topics.produce([try EmbeddedTopics.watermark(catalogue.alerts, partition: 0,
                                                                 at: Fixtures.minute(30))])
        try harness.publish([Fixtures.caseEvent("case-a", .noted, vendor: "V-A", state: .open,
                                                at: Fixtures.minute(20))], to: catalogue.caseEvents)
        let feed = try harness.runFeed(handling: 2)
        #expect(feed.skippedRecords == 0, "a watermark is no bad record")
        #expect(try harness.readModel().eventClock() == Fixtures.minute(30))
    }

    @Test("roster tombstone removes the person and their score's vendor")
    func rosterTombstone() throws {
        let harness = try ConsoleFeedHarness()
        let catalogue = harness.catalogue
        try harness.publishRoster()
        try harness.publish([Fixtures.score(.agent, "A-b1", day: "2026-11-11", total: 75)], to: catalogue.scores)
        try harness.runFeed(handling: 6)
        let model = try harness.readModel()
        #expect(try model.league(kind: .agent, periodKind: .day, vendor: "V-B").rows.count == 1)

        try harness.topics.produce([OutgoingRecord(topic: catalogue.roster.name, key: Array("A-b1".utf8), value: [],
                                                   timestampMilliseconds: 0)])
        try harness.runFeed(handling: 1)
        #expect(try model.person(id: "A-b1") == nil)
        #expect(try model.person(id: "S-b") != nil)
        #expect(try model.league(kind: .agent, periodKind: .day, vendor: "V-B").rows.isEmpty)
        let row = try #require(try model.league(kind: .agent, periodKind: .day, vendor: nil).rows.first)
        #expect(row.vendor == nil)
        #expect(row.name == "A-b1")
    }

    @Test("a second feed on the same store fails")
    func storeLock() throws {
        let harness = try ConsoleFeedHarness()
        let configuration = try harness.topics.configuration(serviceName: "vigil-console", store: "console.sqlite")
        let first = try ConsoleFeed(configuration: configuration, storePath: harness.storePath, logger: harness.logger)
        #expect(throws: StoreLockError.self) {
            _ = try ConsoleFeed(configuration: configuration, storePath: harness.storePath, logger: harness.logger)
        }
        withExtendedLifetime(first) {}
    }
}
