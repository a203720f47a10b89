import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// `vigil-scoring` processes against an embedded broker in the test process,
/// with the catalogue's topics under a unique prefix and stores in a
/// temporary folder. Everything it starts is stopped by deinit.
final class ScoringProcesses {
    /// Consumer settings that let the mock cluster move partitions within seconds when a process joins or leaves.
    static let fastRebalance = ["session.timeout.ms=6000", "max.poll.interval.ms=8000", "heartbeat.interval.ms=500"]

    let broker: EmbeddedBroker
    let catalogue: TopicCatalogue
    let folder: URL
    private var processes: [String: Process] = [:]
    private let logger = Logger(label: "vigil-scoring-process-tests", logLevel: .critical)

    /// Starts the broker and creates the catalogue's topics, except those `skipping` returns.
    init(skipping: (TopicCatalogue) -> [TopicSpec] = { _ in [] }) throws {
        let path = PipelineHarness.binaries.appendingPathComponent("vigil-scoring").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw HarnessError("\(path) is not built; run `make test` (or `swift build` first)")
        }
        broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        catalogue = TopicCatalogue(prefix: "scoring-\(UUID().uuidString.prefix(8)).")
        let skipped = Set(skipping(catalogue).map(\.name))
        for topic in catalogue.all where !skipped.contains(topic.name) {
            try broker.createTopic(name: topic.name, partitions: topic.partitions)
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-scoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        for process in processes.values where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if ProcessInfo.processInfo.environment["VIGIL_KEEP_TEST_LOGS"] == nil {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    // MARK: - Processes

    /// Starts `vigil-scoring` as process `name` with its store `<name>.sqlite`
    /// (the totals stage adds `<name>-totals.sqlite`) and its log `<name>.log`.
    func start(_ name: String, group: String, arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = PipelineHarness.binaries.appendingPathComponent("vigil-scoring")
        process.arguments = [
            "--bootstrap-servers", broker.bootstrapServers, "--topic-prefix", catalogue.prefix,
            "--store", folder.appendingPathComponent("\(name).sqlite").path, "--group-id", group,
        ] + Self.fastRebalance.flatMap { ["--kafka", $0] } + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VIGIL_LOG_LEVEL"] = "info"
        process.environment = environment
        let logURL = folder.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logURL)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        processes[name] = process
    }

    /// Sends SIGTERM to process `name` and returns its exit status, or nil
    /// when it is still running after `seconds`. A process that exited is forgotten.
    func terminate(_ name: String, seconds: Double = 60) throws -> Int32? {
        guard let process = processes[name] else { throw HarnessError("\(name) was not started") }
        process.terminate()
        let status = waitForExit(name, seconds: seconds)
        if status != nil {
            processes[name] = nil
        }
        return status
    }

    /// Waits for process `name` to end by itself and returns its exit status, or nil after `seconds`.
    func waitForExit(_ name: String, seconds: Double) -> Int32? {
        guard let process = processes[name] else { return nil }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Fails when a started process has ended.
    func requireRunning() throws {
        for (name, process) in processes where !process.isRunning {
            throw HarnessError("\(name) stopped with status \(process.terminationStatus):\n\(log(name))")
        }
    }

    /// Returns the log of process `name`.
    func log(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent("\(name).log"), encoding: .utf8)) ?? ""
    }

    /// Returns the lines of the log of process `name` with message `message` from stage `stage`.
    func logLines(_ name: String, message: String, stage: String) -> [Substring] {
        log(name).split(separator: "\n").filter {
            $0.contains("msg=\"\(message)\"") && $0.contains("vigil.stage=\(stage)")
        }
    }

    /// Waits until `condition` holds, checking every 200 ms, for up to `seconds`.
    func wait(seconds: Double, for condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() {
                return true
            }
            try requireRunning()
            Thread.sleep(forTimeInterval: 0.2)
        }
        return try condition()
    }

    // MARK: - Records

    /// Produces events as Vigil's services do (event time as the timestamp,
    /// id and schema headers), to `partition` or by their keys.
    func produce<Event: VigilEvent>(_ events: [Event], to topic: TopicSpec, partition: (Event) -> Int32? = { _ in nil })
        throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        for (index, event) in events.enumerated() {
            let record = OutgoingRecord(
                topic: topic.name, partition: partition(event), key: event.recordKey.map { Array($0.utf8) },
                value: try EventCoding.encode(event), timestampMilliseconds: event.eventTime.epochMilliseconds,
                headers: [KafkaHeader(name: EventHeaders.eventId, text: event.eventId),
                          KafkaHeader(name: EventHeaders.schema, text: "\(Event.schemaName)/\(event.schemaVersion)")])
            try producer.send(record, tag: Int64(index))
        }
        var delivered = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while delivered < events.count, ContinuousClock.now < deadline {
            for report in try producer.poll(timeoutMilliseconds: 100) {
                if let error = report.error {
                    throw error
                }
                delivered += 1
            }
        }
        guard delivered == events.count else {
            throw HarnessError("only \(delivered) of \(events.count) records reached \(topic.name)")
        }
    }

    /// Reads the scores topic and returns its record count and the latest score per record key.
    func scores() throws -> (records: Int, latest: [String: Score]) {
        let reader = TopicReader(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        let records = try reader.records(of: catalogue.scores)
        var latest: [String: Score] = [:]
        for record in records {
            let score = try EventCoding.decode(Score.self, from: record.value)
            latest[score.recordKey ?? ""] = score
        }
        return (records.count, latest)
    }

    /// Waits until the latest scores satisfy `isComplete` and no score
    /// arrives for `quietSeconds`, and returns them. Throws after `seconds`.
    func settledScores(seconds: Double = 180, quietSeconds: Double = 3,
                       isComplete: ([String: Score]) -> Bool) throws -> [String: Score] {
        let deadline = Date().addingTimeInterval(seconds)
        var last: (records: Int, since: Date)?
        while Date() < deadline {
            try requireRunning()
            let (records, latest) = try scores()
            if isComplete(latest) {
                if let last, last.records == records {
                    if Date().timeIntervalSince(last.since) >= quietSeconds {
                        return latest
                    }
                } else {
                    last = (records, Date())
                }
            } else {
                last = nil
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw HarnessError("the scores did not settle within \(Int(seconds)) s")
    }
}
