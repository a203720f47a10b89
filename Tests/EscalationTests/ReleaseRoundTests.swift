import Testing
import VigilContracts
import VigilRuntime
import VigilStore
@testable import Escalation

/// Releasing alerts, complaints and case commands by watermark rounds, so
/// late records land in the same place whatever the arrival order across topics.
@Suite("Release rounds")
struct ReleaseRoundTests {
    typealias F = EscalationFixtures
    typealias Step = (EscalationHarness) throws -> Void

    // MARK: - Helpers

    /// Runs the steps on a fresh processor and returns the JSON of every outbox entry, in order.
    private func run(_ steps: [Step]) throws -> [String] {
        let harness = try EscalationHarness()
        for step in steps {
            try step(harness)
        }
        return try harness.entries().map { String(decoding: $0.record.value, as: UTF8.self) }
    }

    private func mark(_ topic: @escaping (TopicCatalogue) -> TopicSpec, at text: String,
                      source: String = "test") throws -> Step {
        let time = try F.time(text)
        return { try $0.watermark(topic($0.catalogue), at: time, source: source) }
    }

    /// Returns a harness whose buyer-1 case an alert opened at 08:00, with event time at `time`.
    private func caseOpenedAt8(advancedTo time: String) throws -> EscalationHarness {
        let harness = try EscalationHarness()
        try harness.process(try F.alert("m-1", at: "2026-11-11T08:00:00+08:00"), on: harness.catalogue.alerts)
        try harness.advance(to: time)
        return harness
    }

    private func decodeTypes(_ entries: [String]) throws -> [CaseEventType] {
        try entries.map { try EventCoding.decode(CaseEvent.self, from: Array($0.utf8)).type }
    }

    // MARK: - Late records

    @Test("late records land the same in two interleavings")
    func lateRecordsIndependent() throws {
        // buyer-1: an alert of round 0 and a complaint filed before it that arrives late, in round 1.
        let alert = try F.alert("m-1", at: "2026-11-11T08:01:51+08:00")
        let lateComplaint = try F.complaint("C-1", channel: .platform, at: "2026-11-11T08:00:00+08:00")
        // buyer-2: a complaint of round 0 whose only chat message arrives late, in round 1.
        let complaint2 = try F.complaint("C-2", buyer: "buyer-2", channel: .platform, at: "2026-11-11T08:30:00+08:00")
        let lateMessage = try F.message("c-2", buyer: "buyer-2", at: "2026-11-11T08:20:00+08:00")
        let message1 = try F.message("c-1", at: "2026-11-11T07:55:00+08:00")

        let raised: Step = { try $0.process(alert, on: $0.catalogue.alerts) }
        let filedLate: Step = { try $0.process(lateComplaint, on: $0.catalogue.complaints) }
        let filed2: Step = { try $0.process(complaint2, on: $0.catalogue.complaints) }
        let chat1: Step = { try $0.process(message1, on: $0.catalogue.chatMessages) }
        let chatLate: Step = { try $0.process(lateMessage, on: $0.catalogue.chatMessages) }
        let round1Alerts = try mark(\.alerts, at: "2026-11-11T09:00:00+08:00")
        let round1Complaints = try mark(\.complaints, at: "2026-11-11T09:00:00+08:00")
        let round1Chat = try mark(\.chatMessages, at: "2026-11-11T09:00:00+08:00")
        let round2Alerts = try mark(\.alerts, at: "2026-11-11T12:00:00+08:00")
        let round2Complaints = try mark(\.complaints, at: "2026-11-11T12:00:00+08:00")
        let round2Chat = try mark(\.chatMessages, at: "2026-11-11T12:00:00+08:00")
        let round1Commands = try mark(\.caseCommands, at: "2026-11-11T09:00:00+08:00")
        let round2Commands = try mark(\.caseCommands, at: "2026-11-11T12:00:00+08:00")

        // Per topic: alerts [alert, r1, r2]; complaints [C-2, r1, C-1, r2]; chat [c-1, r1, c-2, r2].
        // First: buyer-1's alert and buyer-2's complaint are released before the late records arrive.
        let first = try run([chat1, raised, filed2, round1Commands, round1Chat, round1Alerts, round1Complaints,
                             filedLate, chatLate, round2Alerts, round2Complaints, round2Chat, round2Commands])
        // Second: the late records arrive before the alerts stream completes round 1.
        let second = try run([filed2, round1Complaints, filedLate, chat1, round1Chat, chatLate, raised,
                              round1Alerts, round1Commands, round2Commands, round2Chat, round2Complaints,
                              round2Alerts])

        #expect(first == second, "byte for byte, in order")
        // The alert opens buyer-1's case; the late complaint joins it one round later.
        let types = try decodeTypes(first)
        #expect(types.first == .opened)
        #expect(types.contains(.complaintLinked))
        let events = try first.map { try EventCoding.decode(CaseEvent.self, from: Array($0.utf8)) }
        let buyer1 = events.filter { $0.buyer == "buyer-1" }
        #expect(buyer1.first?.type == .opened)
        #expect(buyer1.first?.alertId == "alert/message/hf/m-1")
        #expect(buyer1.contains { $0.complaintId == "complaint/C-1" && $0.type == .complaintLinked })
        // buyer-2's complaint is released in round 1, before its late chat message counts.
        let buyer2Opened = try #require(events.first { $0.buyer == "buyer-2" && $0.type == .opened })
        #expect(buyer2Opened.agent == nil)
    }

    @Test("conversation of an earlier round names the agent")
    func earlierRoundConversationSeen() throws {
        let harness = try EscalationHarness()

        try harness.process(try F.message("c-1", at: "2026-11-13T10:00:00+08:00"), on: harness.catalogue.chatMessages)
        try harness.advance(to: "2026-11-13T11:00:00+08:00")
        try harness.process(try F.complaint("C-1"), on: harness.catalogue.complaints)
        try harness.advance(to: "2026-11-13T12:00:00+08:00")

        let opened = try #require(try harness.caseEvents().first)
        #expect(opened.type == .opened)
        #expect(opened.agent == "A-hf-b03")
    }

    // MARK: - Case commands

    @Test("command before its case's alert")
    func commandBeforeItsCase() throws {
        let alert = try F.alert("m-1", at: "2026-11-11T08:00:00+08:00")
        let ack = try F.command(.ack, caseId: CaseOpeningTests.caseBuyer1, id: "k-1", at: "2026-11-11T08:05:00+08:00")
        let raised: Step = { try $0.process(alert, on: $0.catalogue.alerts) }
        let acknowledged: Step = { try $0.process(ack, on: $0.catalogue.caseCommands) }
        let round: Step = { try $0.advance(to: "2026-11-11T09:00:00+08:00") }

        let first = try run([acknowledged, raised, round])
        let second = try run([raised, acknowledged, round])

        #expect(first == second, "byte for byte, in order")
        // Acknowledged at 08:05, so the 30-minute acknowledgement deadline of 08:30 never passes.
        #expect(try decodeTypes(first) == [.opened, .acknowledged])
    }

    @Test("command waits for its round")
    func commandWaitsForItsRound() throws {
        let harness = try caseOpenedAt8(advancedTo: "2026-11-11T08:01:00+08:00")

        try harness.process(try F.command(.ack, caseId: CaseOpeningTests.caseBuyer1, id: "k-1",
                                          at: "2026-11-11T08:05:00+08:00"),
                            on: harness.catalogue.caseCommands)
        #expect(try harness.caseEvents().map(\.type) == [.opened])
        #expect(try harness.count("pending_inputs") == 1)

        try harness.advance(to: "2026-11-11T08:10:00+08:00")
        #expect(try harness.caseEvents().map(\.type) == [.opened, .acknowledged])
        #expect(try harness.count("pending_inputs") == 0)
    }

    @Test("late command follows passed deadlines")
    func lateCommandAfterDeadlines() throws {
        let harness = try caseOpenedAt8(advancedTo: "2026-11-11T09:00:00+08:00")

        try harness.command(try F.command(.ack, caseId: CaseOpeningTests.caseBuyer1, id: "k-1",
                                          at: "2026-11-11T08:05:00+08:00"))

        // The deadline of 08:30 passed before the round that released the 08:05 acknowledgement.
        let events = try harness.caseEvents()
        #expect(events.first?.type == .opened)
        #expect(events.dropFirst().first?.type == .deadlineMissed)
        #expect(events.dropFirst().dropLast().allSatisfy { $0.type == .deadlineMissed })
        #expect(events.last?.type == .acknowledged)
        #expect(events.last?.acknowledgedAt?.iso8601 == "2026-11-11T08:05:00+08:00")
    }

    @Test("migration aligns command rounds")
    func commandRoundsMigrated() throws {
        let harness = try EscalationHarness()
        for time in ["2026-11-11T08:00:00+08:00", "2026-11-11T09:00:00+08:00"] {
            for topic in [harness.catalogue.alerts, harness.catalogue.complaints, harness.catalogue.chatMessages] {
                try harness.watermark(topic, at: try F.time(time))
            }
        }
        // As a store written before commands were a stream: no command rounds, migration not run.
        let database = harness.store.database
        try database.run("DELETE FROM vigil_migrations WHERE identifier = 'escalation-4-command-rounds'")
        #expect(try harness.processor.clock.release(partition: 0, in: database) == nil)

        var migrator = Migrator()
        PartitionClock.registerMigrations(in: &migrator)
        try migrator.migrate(database)

        #expect(try harness.processor.clock.completed(.commands, partition: 0, in: database) == 2)
        let release = try #require(try harness.processor.clock.release(partition: 0, in: database))
        #expect(release.round == 2)
        #expect(release.time.iso8601 == "2026-11-11T09:00:00+08:00")
    }

    // MARK: - Rounds

    @Test("input waits for the round after it on every stream")
    func inputWaitsForItsRound() throws {
        let harness = try EscalationHarness()
        try harness.advance(to: "2026-11-11T09:00:00+08:00")

        // Late: before the alerts stream's 09:00 watermark, so it belongs to round 1.
        try harness.process(try F.alert("m-1", at: "2026-11-11T08:01:51+08:00"), on: harness.catalogue.alerts)
        try harness.watermark(harness.catalogue.chatMessages, at: try F.time("2026-11-11T10:00:00+08:00"))
        try harness.watermark(harness.catalogue.complaints, at: try F.time("2026-11-11T10:00:00+08:00"))
        try harness.watermark(harness.catalogue.caseCommands, at: try F.time("2026-11-11T10:00:00+08:00"))
        #expect(try harness.entries().isEmpty)

        try harness.watermark(harness.catalogue.alerts, at: try F.time("2026-11-11T10:00:00+08:00"))
        // Opened at 08:01:51; the acknowledgement steps that passed by 10:00 follow.
        let events = try harness.caseEvents()
        #expect(events.first?.type == .opened)
        #expect(events.first?.occurredAt.iso8601 == "2026-11-11T08:01:51+08:00")
        #expect(events.dropFirst().allSatisfy { $0.type == .deadlineMissed })
    }

    @Test("record times do not move the clock")
    func recordTimesIgnored() throws {
        let harness = try EscalationHarness()
        try harness.advance(to: "2026-11-11T08:00:00+08:00")

        try harness.process(try F.alert("m-1", at: "2026-11-11T08:01:51+08:00"), on: harness.catalogue.alerts)
        try harness.process(try F.message("c-9", at: "2026-11-11T10:00:00+08:00"), on: harness.catalogue.chatMessages)
        try harness.process(try F.complaint("C-9", buyer: "buyer-9", at: "2026-11-11T10:00:00+08:00"),
                            on: harness.catalogue.complaints)
        try harness.process(try F.alert("m-9", buyer: "buyer-9", at: "2026-11-11T10:00:00+08:00"),
                            on: harness.catalogue.alerts)

        #expect(try harness.entries().isEmpty)
        #expect(try harness.count("pending_inputs") == 3)
    }

    @Test("repeated watermark is no new round")
    func repeatedWatermarkIgnored() throws {
        let harness = try EscalationHarness()
        let time = try F.time("2026-11-11T09:00:00+08:00")

        try harness.watermark(harness.catalogue.alerts, at: time)
        try harness.watermark(harness.catalogue.alerts, at: time)
        try harness.watermark(harness.catalogue.alerts, at: try F.time("2026-11-11T08:00:00+08:00"))

        let rounds = try harness.processor.clock.completed(.alerts, partition: 0, in: harness.store.database)
        #expect(rounds == 1)
    }

    @Test("every source's watermark is a round")
    func sourcesCountTogether() throws {
        let harness = try EscalationHarness()
        let time = try F.time("2026-11-11T09:00:00+08:00")

        try harness.watermark(harness.catalogue.chatMessages, at: time, source: "vigil-ingest/a")
        try harness.watermark(harness.catalogue.chatMessages, at: time, source: "vigil-ingest/b")

        let rounds = try harness.processor.clock.completed(.chat, partition: 0, in: harness.store.database)
        #expect(rounds == 2)
    }

    @Test("release time is the earliest stream time at the release round")
    func releaseTimeAtRound() throws {
        let harness = try EscalationHarness()
        try harness.watermark(harness.catalogue.alerts, at: try F.time("2026-11-11T09:00:00+08:00"))
        try harness.watermark(harness.catalogue.complaints, at: try F.time("2026-11-11T08:30:00+08:00"))
        try harness.watermark(harness.catalogue.caseCommands, at: try F.time("2026-11-11T09:00:00+08:00"))
        // Chat runs two rounds ahead; its later round must not lift the release time.
        try harness.watermark(harness.catalogue.chatMessages, at: try F.time("2026-11-11T08:40:00+08:00"))
        try harness.watermark(harness.catalogue.chatMessages, at: try F.time("2026-11-11T11:00:00+08:00"))

        let release = try #require(try harness.processor.clock.release(partition: 0, in: harness.store.database))
        #expect(release.round == 1)
        #expect(release.time.iso8601 == "2026-11-11T08:30:00+08:00")
    }
}
