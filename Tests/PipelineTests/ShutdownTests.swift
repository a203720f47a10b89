import Foundation
import Synchronization
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime

/// Stream services stopped with SIGTERM while records keep arriving: each
/// must finish its batch, publish its outbox, commit what its stores hold,
/// exit 0, and after a restart publish nothing twice and miss nothing.
@Suite("Shutdown under load", .serialized)
struct ShutdownTests {
    private typealias Load = AlertingLoad

    /// Produces `records` in chunks of `chunk` on a thread of its own, as an import would.
    private final class BackgroundProducer: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private let failure = Mutex<String?>(nil)

        init(_ processes: ServiceProcesses, _ records: [OutgoingRecord], chunk: Int) {
            nonisolated(unsafe) let processes = processes
            Thread.detachNewThread { [self] in
                do {
                    for start in stride(from: 0, to: records.count, by: chunk) {
                        try processes.produce(Array(records[start..<min(start + chunk, records.count)]))
                    }
                } catch {
                    failure.withLock { $0 = String(describing: error) }
                }
                done.signal()
            }
        }

        /// Waits until every chunk is produced and returns the error, if any.
        func wait() -> String? {
            done.wait()
            return failure.withLock { $0 }
        }
    }

    /// Returns the single value of `field` in log line `line`, such as `vigil.outbox.left`.
    private func field(_ field: String, in line: Substring?) -> String? {
        line?.split(separator: " ").first { $0.hasPrefix("\(field)=") }.map { String($0.dropFirst(field.count + 1)) }
    }

    @Test("SIGTERM mid-import stops alerting cleanly")
    func sigtermDuringImport() throws {
        let processes = try ServiceProcesses()
        let topic = processes.catalogue.chatMessages
        let store = "alerting"
        try Load.start(processes, "busy", store: store)
        let producer = BackgroundProducer(processes, try chatRecords(topic), chunk: 250)

        // Stop it once it has published alerts but not yet read everything.
        var published = 0
        for _ in 0..<600 where published < 200 {
            try processes.requireRunning("busy")
            published = try processes.records(of: processes.catalogue.alerts).count
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(published >= 200, "alerting publishes while the import goes on")
        let status = try processes.terminate("busy")
        let producerFailure = producer.wait()

        #expect(status == 0)
        #expect(producerFailure == nil)
        let stopping = processes.logLines("busy", message: "shutting down").last
        #expect(field("vigil.signal", in: stopping) == "SIGTERM")
        let stopped = processes.logLines("busy", message: "service stopped")
        #expect(stopped.count == 1)
        #expect(field("vigil.outbox.left", in: stopped.last) == "0", "every event in the outbox was published")

        // The group has committed exactly the offsets the stores contain, and they stop short of the input's end.
        let committed = try processes.committedOffsets(group: Load.group, topic)
        var stored: [TopicPartition: Int64] = [:]
        for path in try Load.partitionStores(processes, store) {
            stored.merge(try ServiceProcesses.storedOffsets(at: path)) { $1 }
        }
        #expect(committed == stored)
        #expect(stored.values.reduce(0, +) < Int64(Load.referenceCount), "the signal came before the end of the input")
        let beforeRestart = try Load.alerts(processes)
        #expect(beforeRestart.count == beforeRestart.byId.count, "nothing was published twice before the signal")

        try Load.start(processes, "restarted", store: store)
        try processes.waitUntilCaughtUp("restarted", group: Load.group, topic: topic)
        #expect(try processes.terminate("restarted") == 0)

        let alerts = try Load.alerts(processes)
        #expect(alerts.count == alerts.byId.count, "the restart publishes nothing a second time")
        #expect(alerts.byId == (try Load.referenceAlerts()), "the restart misses nothing")
    }

    @Test("SIGTERM mid-stream stops raw ingestion cleanly")
    func sigtermDuringRawStream() throws {
        let processes = try ServiceProcesses()
        let topic = processes.catalogue.rawMessages
        let group = "raw-process-test"
        let storePath = processes.folder.appendingPathComponent("raw.sqlite").path
        let agent = RosterPerson(id: "A-hz-a01", name: "杭州客服01", role: .agent, reportsTo: "S-hz-a",
                                 vendor: "V-BAIXING", site: "hz", team: "T-hz-a")
        try processes.produce([agent], to: processes.catalogue.roster)
        let arguments = ["--store", storePath, "--group-id", group]
        try processes.start("busy", executable: "vigil-ingest", mode: ["raw"], arguments: arguments)

        // The raw lines of the alerting load, as a site's own producer writes
        // them. Raw ingestion keeps pace with the producer, so the stream is
        // long enough for the signal to come before its end.
        let messages = Load.messages(0..<20_000)
        let lines = try messages.map { message in
            let fields: [String: Any] = [
                "messageId": message.messageId, "site": message.site, "shop": message.shop,
                "conversationId": message.conversationId, "buyer": message.buyer, "agent": message.agent,
                "role": message.role.rawValue, "text": message.text, "sentAt": message.sentAt.iso8601,
            ]
            return OutgoingRecord(topic: topic.name, key: Array(message.thread.recordKey.utf8),
                                  value: Array(try JSONSerialization.data(withJSONObject: fields)), timestampMilliseconds: 0)
        }
        let producer = BackgroundProducer(processes, lines, chunk: 250)

        var published = 0
        for _ in 0..<600 where published < 500 {
            try processes.requireRunning("busy")
            published = try processes.records(of: processes.catalogue.chatMessages).count
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(published >= 500, "raw ingestion publishes while the stream goes on")
        let status = try processes.terminate("busy")
        let producerFailure = producer.wait()

        #expect(status == 0)
        #expect(producerFailure == nil)
        let stopped = processes.logLines("busy", message: "service stopped")
        #expect(stopped.count == 1)
        #expect(field("vigil.outbox.left", in: stopped.last) == "0", "every event in the outbox was published")
        let committed = try processes.committedOffsets(group: group, topic)
        let stored = try ServiceProcesses.storedOffsets(at: storePath)
        #expect(committed == stored)
        #expect(stored.values.reduce(0, +) < Int64(messages.count), "the signal came before the end of the stream")

        try processes.start("restarted", executable: "vigil-ingest", mode: ["raw"], arguments: arguments)
        try processes.waitUntilCaughtUp("restarted", group: group, topic: topic)
        #expect(try processes.terminate("restarted") == 0)

        let records = try processes.records(of: processes.catalogue.chatMessages)
            .filter { !WatermarkRecords.isWatermark($0) }
        let ids = records.compactMap { $0.header(EventHeaders.eventId) }
        #expect(records.count == messages.count, "the restart publishes nothing a second time and misses nothing")
        #expect(Set(ids) == Set(messages.map(\.eventId)))
        #expect(try processes.records(of: processes.catalogue.deadLetters).isEmpty)
    }

    // MARK: - Scoring

    private static let scoringGroup = "scoring-process-test"

    /// Returns the chat records of the alerting load, as ingestion writes them.
    private func chatRecords(_ topic: TopicSpec) throws -> [OutgoingRecord] {
        try Load.messages(0..<Load.referenceCount).map { try ServiceProcesses.record($0, to: topic) }
    }

    private func startScoring(_ processes: ServiceProcesses, _ name: String) throws {
        try processes.start(name, executable: "vigil-scoring", arguments: [
            "--store", processes.folder.appendingPathComponent("scoring.sqlite").path, "--group-id", Self.scoringGroup,
        ])
    }

    /// Waits until both stages of process `name` have caught up with their input topics.
    private func waitUntilScored(_ processes: ServiceProcesses, _ name: String) throws {
        try processes.waitUntilCaughtUp(name, group: Self.scoringGroup, topic: processes.catalogue.chatMessages)
        try processes.waitUntilCaughtUp(name, group: "\(Self.scoringGroup)-totals", topic: processes.catalogue.scoringFacts)
    }

    /// Returns the figures of the latest score per record key, and the number
    /// of records and distinct event ids on the facts and scores topics.
    private func scores(_ processes: ServiceProcesses) throws -> (figures: [String: ScoreFigures], records: Int, ids: Int) {
        var figures: [String: ScoreFigures] = [:]
        var records = 0
        var ids: Set<String> = []
        for topic in [processes.catalogue.scoringFacts, processes.catalogue.scores] {
            for record in try processes.records(of: topic) {
                records += 1
                ids.insert(record.header(EventHeaders.eventId) ?? "missing-id")
                if topic.name == processes.catalogue.scores.name {
                    let score = try EventCoding.decode(Score.self, from: record.value)
                    figures[record.keyString ?? ""] = score.figures
                }
            }
        }
        return (figures, records, ids.count)
    }

    @Test("SIGTERM mid-import stops scoring cleanly")
    func sigtermDuringScoring() throws {
        let reference = try ServiceProcesses()
        try reference.produce(try chatRecords(reference.catalogue.chatMessages))
        try startScoring(reference, "reference")
        try waitUntilScored(reference, "reference")
        #expect(try reference.terminate("reference") == 0)
        let expected = try scores(reference).figures
        #expect(!expected.isEmpty)
        // How many score updates a run publishes depends on how its input was
        // batched, so the busy run waits for a share of the reference run's.
        let threshold = max(1, min(50, try reference.records(of: reference.catalogue.scores).count / 5))

        let processes = try ServiceProcesses()
        let topic = processes.catalogue.chatMessages
        try startScoring(processes, "busy")
        let producer = BackgroundProducer(processes, try chatRecords(topic), chunk: 250)
        var published = 0
        for _ in 0..<600 where published < threshold {
            try processes.requireRunning("busy")
            published = try processes.records(of: processes.catalogue.scores).count
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(published >= threshold, "scoring publishes while the import goes on")
        let status = try processes.terminate("busy")
        let producerFailure = producer.wait()

        #expect(status == 0)
        #expect(producerFailure == nil)
        let stopped = processes.logLines("busy", message: "service stopped")
        #expect(stopped.count == 2, "both stages stop")
        #expect(stopped.allSatisfy { field("vigil.outbox.left", in: $0) == "0" }, "every event in the outboxes was published")
        let stages: [(group: String, topic: TopicSpec, stores: String)] = [
            (Self.scoringGroup, topic, "scoring.partitions"),
            ("\(Self.scoringGroup)-totals", processes.catalogue.scoringFacts, "scoring-totals.partitions"),
        ]
        for stage in stages {
            let folder = processes.folder.appendingPathComponent(stage.stores)
            var stored: [TopicPartition: Int64] = [:]
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".sqlite") {
                stored.merge(try ServiceProcesses.storedOffsets(at: folder.appendingPathComponent(file).path)) { $1 }
            }
            #expect(try processes.committedOffsets(group: stage.group, stage.topic) == stored, "\(stage.group)")
        }
        let before = try scores(processes)
        #expect(before.records == before.ids, "nothing was published twice before the signal")

        try startScoring(processes, "restarted")
        try waitUntilScored(processes, "restarted")
        #expect(try processes.terminate("restarted") == 0)

        let after = try scores(processes)
        #expect(after.records == after.ids, "the restart publishes nothing a second time")
        #expect(after.figures == expected, "the latest scores equal an uninterrupted run's")
    }

    // MARK: - Escalation

    private static let escalationGroup = "escalation-process-test"

    /// Returns the input of `vigil-escalation` as ingestion and alerting would
    /// write it: 30 rounds of a minute, each with 150 raised alerts spread over 300
    /// threads, then a watermark at the round's end on every partition of the
    /// four input topics, which releases the round's alerts.
    private func escalationRecords(_ catalogue: TopicCatalogue) throws -> [OutgoingRecord] {
        let start: Int64 = 1_794_362_400_000 // 2026-11-11T10:00:00+08:00
        var records: [OutgoingRecord] = []
        for round in 0..<30 {
            for index in 0..<150 {
                let thread = (round * 150 + index) % 300
                let raisedAt = Timestamp(epochMilliseconds: start + Int64(round) * 60_000 + Int64(index) * 100,
                                         utcOffsetSeconds: 28_800)
                let alert = Alert(
                    eventId: "alert/message/hz/m-\(round)-\(index)", kind: .keyword, category: .complaint,
                    severity: index % 10 == 0 ? .critical : .high, matchedTerms: ["投诉"], ruleVersion: "test-1",
                    shop: "shop-load", buyer: "buyer-\(thread)", site: "hz", conversationId: "c-\(thread)",
                    messageId: "m-\(round)-\(index)", agent: "A-hz-a01", team: "T-hz-a", recipient: nil,
                    raisedAt: raisedAt, snippet: "我要投诉", text: LocalizedText(chinese: "预警", english: "alert"),
                    action: .raised)
                records.append(try ServiceProcesses.record(alert, to: catalogue.alerts))
            }
            let end = Timestamp(epochMilliseconds: start + Int64(round + 1) * 60_000, utcOffsetSeconds: 28_800)
            for topic in [catalogue.alerts, catalogue.complaints, catalogue.chatMessages, catalogue.caseCommands] {
                for partition in 0..<topic.partitions {
                    let watermark = Watermark(source: "vigil-ingest/test", topic: topic.name, partition: partition,
                                              time: end)
                    var record = try ServiceProcesses.record(watermark, to: topic)
                    record.partition = partition
                    record.key = nil
                    records.append(record)
                }
            }
        }
        return records
    }

    private func startEscalation(_ processes: ServiceProcesses, _ name: String) throws {
        try processes.start(name, executable: "vigil-escalation", arguments: [
            "--store", processes.folder.appendingPathComponent("escalation.sqlite").path,
            "--group-id", Self.escalationGroup,
        ])
    }

    /// Waits until escalation has caught up with all four input topics.
    private func waitUntilEscalated(_ processes: ServiceProcesses, _ name: String) throws {
        let catalogue = processes.catalogue
        for topic in [catalogue.alerts, catalogue.complaints, catalogue.chatMessages, catalogue.caseCommands] {
            try processes.waitUntilCaughtUp(name, group: Self.escalationGroup, topic: topic)
        }
    }

    /// Returns the case events by event id, the ids seen with other bytes, and the record count.
    private func caseEvents(_ processes: ServiceProcesses) throws -> (byId: [String: [UInt8]], conflicts: Int, count: Int) {
        var byId: [String: [UInt8]] = [:]
        var conflicts = 0
        let records = try processes.records(of: processes.catalogue.caseEvents)
        for record in records {
            let id = record.header(EventHeaders.eventId) ?? "missing-id"
            if let earlier = byId[id], earlier != record.value {
                conflicts += 1
            }
            byId[id] = record.value
        }
        return (byId, conflicts, records.count)
    }

    @Test("SIGTERM mid-import stops escalation cleanly")
    func sigtermDuringEscalation() throws {
        let reference = try ServiceProcesses()
        try reference.produce(try escalationRecords(reference.catalogue))
        try startEscalation(reference, "reference")
        try waitUntilEscalated(reference, "reference")
        #expect(try reference.terminate("reference") == 0)
        let expected = try caseEvents(reference)
        #expect(expected.byId.count >= 300, "every thread gets a case")

        let processes = try ServiceProcesses()
        try startEscalation(processes, "busy")
        let producer = BackgroundProducer(processes, try escalationRecords(processes.catalogue), chunk: 300)
        var published = 0
        for _ in 0..<600 where published < 100 {
            try processes.requireRunning("busy")
            published = try processes.records(of: processes.catalogue.caseEvents).count
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(published >= 100, "escalation publishes while the import goes on")
        let status = try processes.terminate("busy")
        let producerFailure = producer.wait()

        #expect(status == 0)
        #expect(producerFailure == nil)
        let stopped = processes.logLines("busy", message: "service stopped")
        #expect(stopped.count == 1)
        #expect(field("vigil.outbox.left", in: stopped.last) == "0", "every event in the outbox was published")
        let folder = processes.folder.appendingPathComponent("escalation.partitions")
        var stored: [TopicPartition: Int64] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".sqlite") {
            stored.merge(try ServiceProcesses.storedOffsets(at: folder.appendingPathComponent(file).path)) { $1 }
        }
        var committed: [TopicPartition: Int64] = [:]
        let catalogue = processes.catalogue
        for topic in [catalogue.alerts, catalogue.complaints, catalogue.chatMessages, catalogue.caseCommands] {
            committed.merge(try processes.committedOffsets(group: Self.escalationGroup, topic)) { $1 }
        }
        #expect(committed == stored)
        let before = try caseEvents(processes)
        #expect(before.count == before.byId.count, "nothing was published twice before the signal")

        try startEscalation(processes, "restarted")
        try waitUntilEscalated(processes, "restarted")
        #expect(try processes.terminate("restarted") == 0)

        let after = try caseEvents(processes)
        #expect(after.count == after.byId.count, "the restart publishes nothing a second time")
        #expect(after.conflicts == 0)
        #expect(after.byId == expected.byId, "the case events equal an uninterrupted run's")
    }
}
