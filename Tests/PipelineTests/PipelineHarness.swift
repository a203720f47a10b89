import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built executables as separate processes: `vigil broker`, the
/// three stream services and `vigil-ingest`, each with its own store in a
/// temporary folder. Everything it starts is stopped by `stop()` or deinit.
final class PipelineHarness {
    static let streamServices = ["vigil-alerting", "vigil-escalation", "vigil-scoring"]

    let work: URL
    let catalogue = TopicCatalogue()
    private(set) var bootstrap = ""
    private var broker: Process?
    private var services: [String: Process] = [:]
    private var others: [Process] = []
    private let logger = Logger(label: "vigil-pipeline-tests", logLevel: .error)

    static var binaries: URL {
        if let override = ProcessInfo.processInfo.environment["VIGIL_BIN_DIR"] {
            return URL(fileURLWithPath: override)
        }
        return SharedData.packageRoot.appendingPathComponent(".build/debug")
    }

    init() throws {
        for name in ["vigil", "vigil-ingest"] + Self.streamServices {
            let path = Self.binaries.appendingPathComponent(name).path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw HarnessError("\(path) is not built; run `make test` (or `swift build` first)")
            }
        }
        work = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let bootstrapFile = work.appendingPathComponent("bootstrap")
        broker = try launch("vigil", ["broker", "--bootstrap-file", bootstrapFile.path, "--control", controlPath],
                            log: "broker")
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: bootstrapFile.path) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        bootstrap = try String(contentsOf: bootstrapFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        stop()
        if ProcessInfo.processInfo.environment["VIGIL_KEEP_TEST_LOGS"] == nil {
            try? FileManager.default.removeItem(at: work)
        }
    }

    // MARK: - Processes

    /// Starts a stream service with its store in the work folder; a restart reuses the store.
    /// Scoring runs with ``PipelineScorecard``, written into the work folder.
    /// With `instance`, it is one more member of the service's group under
    /// that name, with a store and log of its own.
    func startService(_ name: String, instance: String? = nil) throws {
        let member = instance ?? name
        var arguments = ["--store", work.appendingPathComponent("\(member).sqlite").path]
        if name == "vigil-alerting" {
            arguments += ["--rules", SharedData.packageRoot.appendingPathComponent("rules/default.json").path]
        }
        if name == "vigil-scoring" {
            let scorecard = work.appendingPathComponent("scorecard.json")
            try PipelineScorecard.cachedText().write(to: scorecard, atomically: true, encoding: .utf8)
            arguments += ["--scorecard", scorecard.path]
        }
        services[member] = try launch(name, arguments, log: member)
    }

    /// Starts an ingestion run over the files and returns its process.
    func startIngest(_ files: [URL]) throws -> Process {
        let process = try launch("vigil-ingest", ["--store", work.appendingPathComponent("ingest.sqlite").path]
                                 + files.map(\.path), log: "vigil-ingest")
        others.append(process)
        return process
    }

    /// Runs an ingestion to its end and checks it succeeded.
    func ingest(_ files: [URL]) throws {
        let process = try startIngest(files)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HarnessError("vigil-ingest exited with \(process.terminationStatus):\n\(logTail("vigil-ingest"))")
        }
    }

    /// The control socket of the broker process, for `vigil broker down|up`.
    var controlPath: String { work.appendingPathComponent("broker.control").path }

    /// Takes every broker down or brings them all back, through `vigil broker down|up all`.
    func setBrokers(up: Bool) throws {
        let result = try runVigil(["broker", up ? "up" : "down", "all", "--control", controlPath])
        guard result.status == 0 else {
            throw HarnessError("vigil broker \(up ? "up" : "down") all exited with \(result.status): \(result.output)")
        }
    }

    /// Returns the process id of a running stream service, to tell a restart from the same process.
    func processIdentifier(_ name: String) -> Int32? {
        services[name].flatMap { $0.isRunning ? $0.processIdentifier : nil }
    }

    /// Starts any built executable with its output in the log `log`, with
    /// `environment` added to the harness's; ``stop()`` ends it with SIGTERM.
    func startProcess(_ executable: String, _ arguments: [String], log: String,
                      environment: [String: String] = [:]) throws -> Process {
        let process = try launch(executable, arguments, log: log, environment: environment)
        others.append(process)
        return process
    }

    /// Kills a stream service with SIGKILL, as a crash would.
    func kill(_ name: String) throws {
        guard let process = services[name] else { throw HarnessError("\(name) is not running") }
        crash(process)
        services[name] = nil
    }

    /// Kills a process this harness started, such as an ingestion run, with SIGKILL and waits for it.
    func crash(_ process: Process) {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Deletes the partition stores of a stopped service member, as if it
    /// restarted on a new disk: its next start rebuilds them from the topics.
    /// Scoring's totals stage keeps its own beside the facts stage's.
    func removePartitionStores(of member: String) throws {
        for folder in ["\(member).partitions", "\(member)-totals.partitions"] {
            let url = work.appendingPathComponent(folder)
            if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
        }
    }

    /// Throws when a service stopped on its own, with the end of its log.
    func checkServicesRunning() throws {
        for (name, process) in services where !process.isRunning {
            throw HarnessError("\(name) stopped with status \(process.terminationStatus):\n\(logTail(name))")
        }
    }

    /// Waits until every service group has consumed everything on its topics.
    func waitUntilIdle(timeoutSeconds: Int = 300) throws {
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        while Date() < deadline {
            try checkServicesRunning()
            let lag = try launch("vigil", ["lag", "--wait", "--timeout", "5"], log: "lag")
            lag.waitUntilExit()
            if lag.terminationStatus == 0 {
                return
            }
        }
        throw HarnessError("the services did not catch up within \(timeoutSeconds) s")
    }

    /// Runs the `vigil` command line to its end and returns its status and
    /// standard output; standard error goes to the log `vigil-cli`.
    func runVigil(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent("vigil")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VIGIL_BOOTSTRAP_SERVERS"] = bootstrap
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        let logURL = work.appendingPathComponent("vigil-cli.log")
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        process.standardError = log
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }

    /// Stops the services with SIGTERM (each must exit 0), then the broker.
    @discardableResult
    func stop() -> [String: Int32] {
        var statuses: [String: Int32] = [:]
        for (name, process) in services {
            process.terminate()
            process.waitUntilExit()
            statuses[name] = process.terminationStatus
        }
        services.removeAll()
        for process in others where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        others.removeAll()
        if let broker {
            broker.terminate()
            broker.waitUntilExit()
        }
        broker = nil
        return statuses
    }

    /// Returns the last lines of a process's log, for failure messages. Set
    /// VIGIL_KEEP_TEST_LOGS=1 to keep the whole folder.
    func logTail(_ name: String, lines: Int = 15) -> String {
        log(name).split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Returns the whole log of process `name`.
    func log(_ name: String) -> String {
        (try? String(contentsOf: work.appendingPathComponent("\(name).log"), encoding: .utf8)) ?? ""
    }

    /// Returns the size of process `name`'s log in bytes: where the next process of that name starts writing.
    func logSize(_ name: String) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: work.appendingPathComponent("\(name).log").path)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Returns process `name`'s log from byte `offset` on.
    func log(_ name: String, from offset: Int) -> String {
        guard let handle = try? FileHandle(forReadingFrom: work.appendingPathComponent("\(name).log")) else { return "" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: UInt64(offset))
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }

    private func launch(_ executable: String, _ arguments: [String], log name: String,
                        environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent(executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VIGIL_BOOTSTRAP_SERVERS"] = bootstrap
        environment["VIGIL_LOG_LEVEL"] = "info"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let logURL = work.appendingPathComponent("\(name).log")
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: logURL)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        return process
    }

    // MARK: - Outputs

    var reader: TopicReader {
        TopicReader(properties: ["bootstrap.servers": bootstrap], logger: logger)
    }

    /// Counts the records on a topic now.
    func recordCount(_ topic: TopicSpec) throws -> Int {
        try reader.records(of: topic).count
    }

    /// Everything the services published, reduced to what a consumer acts on.
    func outputs() throws -> PipelineOutputs {
        var outputs = PipelineOutputs()
        for record in try reader.records(of: catalogue.alerts) {
            if WatermarkRecords.isWatermark(record) {
                let watermark = try WatermarkRecords.decode(record)
                outputs.alertWatermarks[watermark.partition] = watermark.time
                outputs.add(record, into: \.forwardedWatermarks)
                continue
            }
            outputs.add(record, into: \.alerts)
        }
        var caseEvents: [CaseEvent] = []
        for record in try reader.records(of: catalogue.caseEvents) {
            outputs.add(record, into: \.caseEvents)
            let event = try EventCoding.decode(CaseEvent.self, from: record.value)
            caseEvents.append(event)
            var links = outputs.cases[event.caseId] ?? PipelineOutputs.CaseLinks()
            if event.type == .opened {
                links.openedBy.insert(event.alertId ?? "")
            }
            if let alertId = event.alertId {
                links.alerts.insert(alertId)
            }
            if let complaintId = event.complaintId {
                links.complaints.insert(complaintId)
            }
            outputs.cases[event.caseId] = links
        }
        for file in CaseFile.fold(caseEvents) {
            outputs.caseFiles[file.thread.recordKey, default: []].append(
                PipelineOutputs.CaseSummary(caseId: file.caseId, state: file.state, site: file.site,
                                            openedAt: file.openedAt, agent: file.agent))
        }
        outputs.addFacts(try reader.records(of: catalogue.scoringFacts))
        for topic in [catalogue.chatMessages, catalogue.complaints, catalogue.orders, catalogue.roster,
                      catalogue.caseCommands] {
            var records: [String: [UInt8]] = [:]
            for record in try reader.records(of: topic) {
                outputs.add(record, into: &records)
            }
            outputs.ingested[topic.baseName] = records
        }
        outputs.scores = try scores()
        outputs.deadLetters = try reader.distinctEventCount(of: catalogue.deadLetters)
        return outputs
    }


    /// Reads every topic ``PipelineRecords`` covers as it is now.
    func records() throws -> PipelineRecords {
        var records = PipelineRecords()
        for topic in PipelineRecords.topics(of: catalogue) {
            records.topics[topic.baseName] = try reader.records(of: topic)
        }
        return records
    }

    /// Returns the latest score per record key, as compaction keeps it. A key lives
    /// in one partition, so the last record read for it is its latest.
    func scores() throws -> [String: PublishedScore] {
        var scores: [String: PublishedScore] = [:]
        for record in try reader.records(of: catalogue.scores) {
            // A tombstone (no value) deletes its key, as compaction would.
            guard !record.value.isEmpty else {
                scores[record.keyString ?? ""] = nil
                continue
            }
            let score = try EventCoding.decode(Score.self, from: record.value)
            scores[record.keyString ?? score.recordKey ?? ""] = PublishedScore(score)
        }
        return scores
    }
}

/// What the pipeline published, keyed so two runs compare independently of order.
struct PipelineOutputs: Equatable {
    struct CaseLinks: Equatable {
        var openedBy: Set<String> = []
        var alerts: Set<String> = []
        var complaints: Set<String> = []
    }

    /// Alert bytes by event id, watermarks left out.
    var alerts: [String: [UInt8]] = [:]
    /// The time of the last watermark alerting forwarded to each alerts partition.
    var alertWatermarks: [Int32: Timestamp] = [:]
    /// Every watermark alerting forwarded to the alerts topic, by event id.
    var forwardedWatermarks: [String: [UInt8]] = [:]
    /// Case event bytes by event id.
    var caseEvents: [String: [UInt8]] = [:]
    var cases: [String: CaseLinks] = [:]
    /// The cases of each thread (`shop/buyer`), folded from their timelines.
    var caseFiles: [String: [CaseSummary]] = [:]

    struct CaseSummary: Equatable {
        var caseId: String
        var state: CaseState?
        var site: String?
        var openedAt: Timestamp
        var agent: String?
    }
    /// The latest score per score key (`<kind>/<id>/<period key>`), as compaction keeps them.
    var scores: [String: PublishedScore] = [:]
    /// The latest scoring fact per subject and fact id, retractions left out.
    var facts: [String: [UInt8]] = [:]
    /// What ingestion published, watermarks included, by topic base name and event id:
    /// chat.messages, complaints, orders, roster and case.commands.
    var ingested: [String: [String: [UInt8]]] = [:]
    var deadLetters = 0
    /// Event ids seen twice with different bytes: the one thing a duplicate must never be.
    var conflicts: [String] = []

    mutating func add(_ record: KafkaRecord, into keyPath: WritableKeyPath<PipelineOutputs, [String: [UInt8]]>) {
        if let conflict = Self.insert(record, into: &self[keyPath: keyPath]) {
            conflicts.append(conflict)
        }
    }

    /// Adds a record's bytes under its event id, noting a repeat with other bytes as a conflict.
    mutating func add(_ record: KafkaRecord, into records: inout [String: [UInt8]]) {
        if let conflict = Self.insert(record, into: &records) {
            conflicts.append(conflict)
        }
    }

    /// Keeps the latest of the scoring facts `records` (one topic's records in
    /// offset order per partition) per subject and fact id, without retracted
    /// ones, as the totals stage reads them, and notes conflicting repeats.
    /// The event id is `fact/<subject key>/<fact id>/<revision>`, so the pair
    /// is the id without its last component.
    mutating func addFacts(_ records: [KafkaRecord]) {
        var byId: [String: [UInt8]] = [:]
        var latest: [String: [UInt8]] = [:]
        for record in records {
            add(record, into: &byId)
            let id = record.header(EventHeaders.eventId) ?? "missing-id"
            latest[id.split(separator: "/").dropLast().joined(separator: "/")] = record.value
        }
        facts = latest.filter { _, value in
            (try? EventCoding.decode(ScoringFact.self, from: value))?.retracted != true
        }
    }

    /// Stores a record's bytes under its event id and returns the id when an earlier record had other bytes.
    private static func insert(_ record: KafkaRecord, into records: inout [String: [UInt8]]) -> String? {
        let id = record.header(EventHeaders.eventId) ?? "missing-id"
        let conflict = records[id].map { $0 != record.value } ?? false
        records[id] = record.value
        return conflict ? id : nil
    }

    /// Returns the figures of every score of one subject kind and period kind, by subject id and period start.
    func figures(of subject: ScoreSubjectKind, per period: ScorePeriodKind) -> [String: ScoreFigures] {
        var figures: [String: ScoreFigures] = [:]
        for score in scores.values where score.subject.kind == subject && score.period.kind == period {
            figures["\(score.subject.id)/\(score.period.start)"] = score.figures
        }
        return figures
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
