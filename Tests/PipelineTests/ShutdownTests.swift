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

        init(_ processes: ServiceProcesses, _ records: [OutgoingRecord], to topic: TopicSpec, chunk: Int) {
            nonisolated(unsafe) let processes = processes
            Thread.detachNewThread { [self] in
                do {
                    for start in stride(from: 0, to: records.count, by: chunk) {
                        try processes.produce(Array(records[start..<min(start + chunk, records.count)]), to: topic)
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
        let producer = BackgroundProducer(processes, try chatRecords(topic), to: topic, chunk: 250)

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

        // The raw lines of the alerting load, as a site's own producer writes them.
        let messages = Load.messages(0..<Load.referenceCount)
        let lines = try messages.map { message in
            let fields: [String: Any] = [
                "messageId": message.messageId, "site": message.site, "shop": message.shop,
                "conversationId": message.conversationId, "buyer": message.buyer, "agent": message.agent,
                "role": message.role.rawValue, "text": message.text, "sentAt": message.sentAt.iso8601,
            ]
            return OutgoingRecord(topic: topic.name, key: Array(message.thread.recordKey.utf8),
                                  value: Array(try JSONSerialization.data(withJSONObject: fields)), timestampMilliseconds: 0)
        }
        let producer = BackgroundProducer(processes, lines, to: topic, chunk: 250)

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
        try Load.messages(0..<Load.referenceCount).map { message in
            OutgoingRecord(topic: topic.name, key: Array(message.thread.recordKey.utf8),
                           value: try EventCoding.encode(message), timestampMilliseconds: message.sentAt.epochMilliseconds,
                           headers: [KafkaHeader(name: EventHeaders.eventId, text: message.eventId),
                                     KafkaHeader(name: EventHeaders.schema, text: "chat-message/1")])
        }
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
        try reference.produce(try chatRecords(reference.catalogue.chatMessages), to: reference.catalogue.chatMessages)
        try startScoring(reference, "reference")
        try waitUntilScored(reference, "reference")
        #expect(try reference.terminate("reference") == 0)
        let expected = try scores(reference).figures
        #expect(!expected.isEmpty)

        let processes = try ServiceProcesses()
        let topic = processes.catalogue.chatMessages
        try startScoring(processes, "busy")
        let producer = BackgroundProducer(processes, try chatRecords(topic), to: topic, chunk: 250)
        var published = 0
        for _ in 0..<600 where published < 50 {
            try processes.requireRunning("busy")
            published = try processes.records(of: processes.catalogue.scores).count
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(published >= 50, "scoring publishes while the import goes on")
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
}
