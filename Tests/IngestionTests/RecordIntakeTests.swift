import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
@testable import Ingestion

/// A record intake on a real temporary store, with a small roster of two sites.
final class IntakeFixture {
    let directory: URL
    let catalogue = TopicCatalogue()
    // Optional only so that a reopen can release the store's lock before opening it again.
    private(set) var store: ServiceStore!
    private(set) var intake: RecordIntake!

    static let roster = [
        RosterPerson(id: "B-001", name: "品牌经理", role: .brandManager, reportsTo: nil, vendor: nil, site: nil, team: nil),
        RosterPerson(id: "S-hf-b", name: "合肥B组主管", role: .supervisor, reportsTo: "B-001", vendor: "V-1", site: "hf",
                     team: "T-hf-b"),
        RosterPerson(id: "A-hf-b03", name: "合肥客服03", role: .agent, reportsTo: "S-hf-b", vendor: "V-1", site: "hf",
                     team: "T-hf-b"),
        RosterPerson(id: "A-cd-b05", name: "成都客服05", role: .agent, reportsTo: "S-hf-b", vendor: "V-2", site: "cd",
                     team: "T-cd-b"),
    ]

    init(clockInterval: Int64 = 60_000) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        (store, intake) = try Self.open(directory, catalogue: catalogue, clockInterval: clockInterval)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Closes and reopens the store, as a restart does.
    func reopen(clockInterval: Int64 = 60_000) throws {
        intake = nil
        store = nil
        (store, intake) = try Self.open(directory, catalogue: catalogue, clockInterval: clockInterval)
    }

    private static func open(_ directory: URL, catalogue: TopicCatalogue,
                             clockInterval: Int64) throws -> (ServiceStore, RecordIntake) {
        let store = try ServiceStore(path: directory.appendingPathComponent("ingest.sqlite").path,
                                     registerMigrations: RecordIntake.registerMigrations)
        let clock = EventClock(source: "vigil-ingest/test", intervalMilliseconds: clockInterval)
        try clock.load(from: store.database)
        let intake = RecordIntake(store: store, catalogue: catalogue, serviceName: "vigil-ingest",
                                  roster: RosterDirectory(roster), clock: clock,
                                  logger: Logger(label: "test", logLevel: .critical))
        return (store, intake)
    }

    /// Offers one record in its own transaction.
    @discardableResult
    func offer(_ fields: [String: Any], scope: SiteScope = .any, line: Int = 1) throws -> IntakeOutcome {
        try offer(Array(InterchangeLines.line(fields)), scope: scope, line: line)
    }

    @discardableResult
    func offer(_ bytes: [UInt8], scope: SiteScope = .any, line: Int = 1) throws -> IntakeOutcome {
        try store.database.transaction {
            try intake.offer(bytes[...], parser: InterchangeParser(), source: .file(path: "in.ndjson", line: line),
                             scope: scope)
        }
    }

    /// Returns the outbox's records, oldest first.
    func outbox() throws -> [OutgoingRecord] {
        try store.outbox.pending(limit: 10_000).map(\.record)
    }

    /// Returns the dead letters in the outbox.
    func deadLetters() throws -> [DeadLetter] {
        try outbox().filter { $0.topic == catalogue.deadLetters.name }
            .map { try EventCoding.decode(DeadLetter.self, from: $0.value) }
    }
}

@Suite("Record intake")
struct RecordIntakeTests {
    @Test("accepts a valid message into the chat topic")
    func acceptsValidMessage() throws {
        let fixture = try IntakeFixture()
        let outcome = try fixture.offer(InterchangeLines.message())
        #expect(outcome == .accepted(eventId: "message/hf/mt-dev-90077871-0", kind: .message))
        let records = try fixture.outbox()
        #expect(records.map(\.topic) == ["vigil.chat.messages"])
        #expect(records.first?.key == Array("shop-waimai/buyer-66494408".utf8))
        #expect(fixture.intake.counters.total.accepted == [.message: 1])
    }

    @Test("drops an identical record as a duplicate, also after a restart")
    func dropsDuplicates() throws {
        let fixture = try IntakeFixture()
        try fixture.offer(InterchangeLines.message())
        // Another key order and spacing is the same content.
        let reordered = Array(#"{ "text":"我要打12315投诉你们","sentAt":"2026-11-11T08:01:51+08:00","site":"hf","shop":"shop-waimai","messageId":"mt-dev-90077871-0","conversationId":"mt-dev-90077871","buyer":"buyer-66494408","agent":"A-hf-b03","role":"customer" }"#.utf8)
        #expect(try fixture.offer(reordered) == .duplicate(eventId: "message/hf/mt-dev-90077871-0"))
        try fixture.reopen()
        #expect(try fixture.offer(InterchangeLines.message()) == .duplicate(eventId: "message/hf/mt-dev-90077871-0"))
        #expect(try fixture.outbox().count == 1)
        #expect(fixture.intake.counters.total.duplicates == 1)
    }

    @Test("rejects the same id with other content as a conflicting duplicate")
    func rejectsConflictingDuplicate() throws {
        let fixture = try IntakeFixture()
        try fixture.offer(InterchangeLines.message())
        let outcome = try fixture.offer(InterchangeLines.message(["text": "改过的内容"]), line: 2)
        guard case .rejected(.conflictingDuplicate, let message) = outcome else {
            Issue.record("expected a conflicting duplicate, got \(outcome)")
            return
        }
        #expect(message.contains("message/hf/mt-dev-90077871-0"))
        let letters = try fixture.deadLetters()
        #expect(letters.map(\.reasonCode) == [.conflictingDuplicate])
        #expect(letters.first?.payload.contains("改过的内容") == true)
        #expect(letters.first?.source == DeadLetterSource(file: "in.ndjson", line: 2))
    }

    @Test("a message id is unique within its site only")
    func sameIdOnOtherSiteIsNew() throws {
        let fixture = try IntakeFixture()
        try fixture.offer(InterchangeLines.message())
        let other = try fixture.offer(InterchangeLines.message(["site": "cd", "agent": "A-cd-b05"]))
        #expect(other == .accepted(eventId: "message/cd/mt-dev-90077871-0", kind: .message))
    }

    /// One bad record per reason code ingestion gives, with what makes it bad.
    static let badRecords: [(DeadLetterReason, String, [UInt8], SiteScope)] = [
        (.invalidJSON, "not JSON", Array("{\"messageId\": ".utf8), .any),
        (.invalidUTF8, "invalid UTF-8", Array("{\"text\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8), .any),
        (.invalidField, "role out of range", json(InterchangeLines.message(["role": "robot"])), .any),
        (.invalidField, "missing field", json(InterchangeLines.message().filter { $0.key != "buyer" }), .any),
        (.invalidTime, "time without offset", json(InterchangeLines.message(["sentAt": "2026-11-11T08:01:51"])), .any),
        (.invalidTime, "time out of range", json(InterchangeLines.message(["sentAt": "1999-12-31T23:59:59Z"])), .any),
        (.unknownRecord, "unknown shape", Array(#"{"hello":"world"}"#.utf8), .any),
        (.unsupportedSchema, "newer schema", json(InterchangeLines.message(["schemaVersion": 99])), .any),
        (.unknownAgent, "agent not in roster", json(InterchangeLines.message(["agent": "A-nobody"])), .any),
        (.unknownAgent, "agent of another site", json(InterchangeLines.message(["agent": "A-cd-b05"])), .any),
        (.unknownSite, "site not in roster", json(InterchangeLines.message(["site": "xx"])), .any),
        (.wrongSite, "another site's message", json(InterchangeLines.message()), .site("cd")),
        (.wrongSite, "complaint from a site token", json(InterchangeLines.complaint()), .site("hf")),
        (.wrongSite, "another site's roster entry", json(InterchangeLines.person()), .site("hf")),
    ]

    private static func json(_ fields: [String: Any]) -> [UInt8] {
        Array((try? InterchangeLines.line(fields)) ?? [])
    }

    @Test("rejects each bad record with its reason and keeps the good ones", arguments: 0..<badRecords.count)
    func rejectsWithReason(index: Int) throws {
        let (reason, what, bytes, scope) = Self.badRecords[index]
        let fixture = try IntakeFixture()
        try fixture.offer(InterchangeLines.message(["messageId": "good-1"]), scope: .any, line: 1)
        let outcome = try fixture.offer(bytes, scope: scope, line: 2)
        try fixture.offer(InterchangeLines.message(["messageId": "good-2"]), scope: .any, line: 3)

        guard case .rejected(let found, _) = outcome else {
            Issue.record("\(what): expected \(reason), got \(outcome)")
            return
        }
        #expect(found == reason, "\(what)")
        let letters = try fixture.deadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.reasonCode == reason)
        #expect(letters.first?.payloadBytes == bytes.count)
        #expect(letters.first?.source.line == 2)
        let accepted = try fixture.outbox().filter { $0.topic == "vigil.chat.messages" }
        #expect(accepted.count == 2, "\(what): the good records around it are kept")
        #expect(fixture.intake.counters.snapshot[scope.label]?.rejected[reason] == 1)
    }

    @Test("a site's token may submit its own site's records")
    func acceptsOwnSite() throws {
        let fixture = try IntakeFixture()
        #expect(try fixture.offer(InterchangeLines.message(), scope: .site("hf")) ==
            .accepted(eventId: "message/hf/mt-dev-90077871-0", kind: .message))
        let order = InterchangeLines.order()
        #expect(try fixture.offer(order, scope: .site("cd")) == .accepted(eventId: "order/shop-jd-3c/O-537203294", kind: .order))
        #expect(fixture.intake.counters.snapshot["hf"]?.accepted == [.message: 1])
        #expect(fixture.intake.counters.snapshot["cd"]?.accepted == [.order: 1])
    }

    @Test("a roster entry accepted earlier makes its agent known")
    func learnsRosterFromAcceptedRecords() throws {
        let fixture = try IntakeFixture()
        let newcomer = ["agent": "A-hf-b09", "messageId": "m-9"]
        guard case .rejected(.unknownAgent, _) = try fixture.offer(InterchangeLines.message(newcomer)) else {
            Issue.record("an unknown agent must be rejected")
            return
        }
        try fixture.offer(InterchangeLines.person(["id": "A-hf-b09", "site": "hf", "reportsTo": "S-hf-b"]))
        #expect(try fixture.offer(InterchangeLines.message(newcomer)) ==
            .accepted(eventId: "message/hf/m-9", kind: .message))
    }
}

@Suite("Event clock")
struct EventClockTests {
    private func clocks(_ fixture: IntakeFixture) throws -> [Watermark] {
        try fixture.outbox().filter { $0.headers.contains { $0.name == EventHeaders.schema && $0.value == Array("watermark/1".utf8) } }
            .map { try EventCoding.decode(Watermark.self, from: $0.value) }
    }

    private func emit(_ fixture: IntakeFixture) throws -> Int {
        let topics = [fixture.catalogue.chatMessages, fixture.catalogue.complaints, fixture.catalogue.orders]
        return try fixture.store.database.transaction {
            try fixture.intake.clock.emitIfDue(into: topics.map { ($0, $0.partitions) }, store: fixture.store)
        }
    }

    @Test("writes one clock into every partition of each thread topic")
    func writesEveryPartition() throws {
        let fixture = try IntakeFixture()
        #expect(try emit(fixture) == 0, "no clock before the first record")
        try fixture.offer(InterchangeLines.message())
        #expect(try emit(fixture) == 36)

        let written = try fixture.outbox().filter { $0.partition != nil }
        #expect(written.count == 36)
        #expect(Set(written.map { "\($0.topic)/\($0.partition ?? -1)" }).count == 36)
        #expect(written.allSatisfy { $0.key == nil })
        let times = Set(try clocks(fixture).map(\.time.iso8601))
        #expect(times == ["2026-11-11T00:01:51Z"])
    }

    @Test("waits for event time to move by the interval, across a restart")
    func waitsForInterval() throws {
        let fixture = try IntakeFixture(clockInterval: 60_000)
        try fixture.offer(InterchangeLines.message())
        #expect(try emit(fixture) == 36)
        try fixture.offer(InterchangeLines.message(["messageId": "m-2", "sentAt": "2026-11-11T08:02:30+08:00"]))
        #expect(try emit(fixture) == 0, "39 s is less than the interval")
        try fixture.reopen(clockInterval: 60_000)
        try fixture.offer(InterchangeLines.message(["messageId": "m-3", "sentAt": "2026-11-11T08:02:52+08:00"]))
        #expect(try emit(fixture) == 36, "61 s after the last round")
        // An earlier record does not move time back.
        try fixture.offer(InterchangeLines.message(["messageId": "m-4", "sentAt": "2026-11-11T07:00:00+08:00"]))
        #expect(fixture.intake.clock.time?.iso8601 == "2026-11-11T00:02:52Z")
    }

    @Test("final round whenever time moved")
    func finalRound() throws {
        let fixture = try IntakeFixture(clockInterval: 60_000)
        #expect(try emitIfMoved(fixture) == 0, "no clock before the first record")
        try fixture.offer(InterchangeLines.message())
        #expect(try emit(fixture) == 36)
        #expect(try emitIfMoved(fixture) == 0, "time has not moved since the round")

        try fixture.offer(InterchangeLines.message(["messageId": "m-2", "sentAt": "2026-11-11T08:02:30+08:00"]))
        #expect(try emit(fixture) == 0, "39 s is less than the interval")
        #expect(try emitIfMoved(fixture) == 36)
        let times = try clocks(fixture).map(\.time.iso8601)
        #expect(times.suffix(36).allSatisfy { $0 == "2026-11-11T00:02:30Z" })

        try fixture.reopen(clockInterval: 60_000)
        #expect(try emitIfMoved(fixture) == 0, "the round is stored across a restart")
    }

    private func emitIfMoved(_ fixture: IntakeFixture) throws -> Int {
        let topics = [fixture.catalogue.chatMessages, fixture.catalogue.complaints, fixture.catalogue.orders]
        return try fixture.store.database.transaction {
            try fixture.intake.clock.emitIfMoved(into: topics.map { ($0, $0.partitions) }, store: fixture.store)
        }
    }
}

@Suite("Record intake roster updates")
struct RosterUpdateTests {
    @Test("a person changed back is published again")
    func publishesChangeBack() throws {
        let fixture = try IntakeFixture()
        let teamA = InterchangeLines.person(["id": "A-hf-b07", "site": "hf", "reportsTo": "S-hf-b", "team": "T-hf-a"])
        let teamB = InterchangeLines.person(["id": "A-hf-b07", "site": "hf", "reportsTo": "S-hf-b", "team": "T-hf-b"])

        guard case .accepted = try fixture.offer(teamA), case .accepted = try fixture.offer(teamB) else {
            Issue.record("both versions of the person must be accepted")
            return
        }
        guard case .accepted = try fixture.offer(teamA) else {
            Issue.record("changing back must be published, or the compacted roster keeps the old team")
            return
        }
        guard case .duplicate = try fixture.offer(teamA) else {
            Issue.record("the same state twice in a row is a duplicate")
            return
        }
        let published = try fixture.outbox().filter { $0.topic == "vigil.roster" }
            .map { try EventCoding.decode(RosterPerson.self, from: $0.value).team }
        #expect(published == ["T-hf-a", "T-hf-b", "T-hf-a"])
    }
}

@Suite("Record intake guards")
struct RecordIntakeGuardTests {
    @Test("a site's token cannot change another site's person or a manager")
    func guardsRoster() throws {
        let fixture = try IntakeFixture()
        let takeOver = InterchangeLines.person(["id": "A-cd-b05", "site": "hf", "reportsTo": "S-hf-b", "team": "T-hf-b"])
        let manager = InterchangeLines.person(["id": "M-hf", "role": "manager", "site": "hf", "reportsTo": "B-001",
                                               "team": NSNull()])
        let brandManager = InterchangeLines.person(["id": "B-002", "role": "brand_manager", "site": NSNull(),
                                                    "reportsTo": NSNull(), "vendor": NSNull(), "team": NSNull()])
        for fields in [takeOver, manager, brandManager] {
            guard case .rejected(.wrongSite, _) = try fixture.offer(fields, scope: .site("hf")) else {
                Issue.record("expected wrong-site for \(fields["id"] ?? "")")
                continue
            }
        }
        let newAgent = InterchangeLines.person(["id": "A-hf-b10", "site": "hf", "reportsTo": "S-hf-b", "team": "T-hf-b"])
        guard case .accepted = try fixture.offer(newAgent, scope: .site("hf")) else {
            Issue.record("a site may add its own agent")
            return
        }
        guard case .accepted = try fixture.offer(manager, scope: .any) else {
            Issue.record("the brand may add a manager")
            return
        }
    }

    @Test("rejects an event time more than a day ahead")
    func rejectsFutureTimes() throws {
        let fixture = try IntakeFixture()
        let future = Timestamp(epochMilliseconds: WallClock.now().epochMilliseconds + 2 * 86_400_000).iso8601
        let outcome = try fixture.offer(InterchangeLines.message(["sentAt": future]))
        guard case .rejected(.invalidTime, let message) = outcome else {
            Issue.record("expected invalid-time, got \(outcome)")
            return
        }
        #expect(message.contains("in the future"))
        #expect(fixture.intake.clock.time == nil, "a rejected record does not move event time")
    }

    @Test("file dead letters carry the event time reached")
    func fileDeadLetterTime() throws {
        let fixture = try IntakeFixture()
        try fixture.offer(InterchangeLines.message(["messageId": "m-1", "sentAt": "2026-11-11T08:01:51+08:00"]))
        try fixture.offer(InterchangeLines.message(["messageId": "m-2", "sentAt": "2026-11-11T09:30:00+08:00"]),
                          line: 2)
        try fixture.offer(Array(#"{"messageId":"#.utf8), line: 3)

        let reached = try #require(TimestampFormat.parse("2026-11-11T09:30:00+08:00"))
        let letter = try #require(try fixture.deadLetters().first)
        #expect(letter.recordedAt.epochMilliseconds == reached.epochMilliseconds)
        let record = try #require(try fixture.outbox().last)
        #expect(record.timestampMilliseconds == reached.epochMilliseconds)
    }

    @Test("raw topic dead letters carry the record time")
    func rawTopicDeadLetterTime() throws {
        let fixture = try IntakeFixture()
        try fixture.offer(InterchangeLines.message(["sentAt": "2026-11-11T08:01:51+08:00"]))
        let source = IntakeSource.topic(name: "vigil.raw.messages", partition: 0, offset: 7,
                                        timestampMilliseconds: 1_700_000_000_000)
        try fixture.store.database.transaction {
            _ = try fixture.intake.offer(Array(#"{"messageId":"#.utf8)[...], parser: InterchangeParser(),
                                         source: source)
        }

        let letter = try #require(try fixture.deadLetters().first)
        #expect(letter.recordedAt.epochMilliseconds == 1_700_000_000_000)
        #expect(letter.source.offset == 7)
    }

    @Test("rejects a schema version below 1")
    func rejectsSchemaVersionZero() throws {
        let fixture = try IntakeFixture()
        let outcome = try fixture.offer(InterchangeLines.message(["schemaVersion": 0]))
        guard case .rejected(.unsupportedSchema, _) = outcome else {
            Issue.record("expected unsupported-schema, got \(outcome)")
            return
        }
    }

    @Test("names the watermark source after the store")
    func namesSource() {
        #expect(EventClock.source(serviceName: "vigil-ingest-http", storePath: "/var/lib/vigil/http-hz.sqlite")
            == "vigil-ingest-http/http-hz")
        #expect(EventClock.source(serviceName: "vigil-ingest", storePath: "ingest") == "vigil-ingest/ingest")
    }
}
