import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore
#if canImport(Glibc)
import Glibc
#endif

/// Stream-service executables as separate processes against an embedded
/// broker in the test process, with the catalogue's topics under a unique
/// prefix and stores and logs in a temporary folder. A process may run under
/// a file-size limit, as a full disk would stop it. Everything it starts is
/// killed by deinit.
final class ServiceProcesses {
    let broker: EmbeddedBroker
    let catalogue: TopicCatalogue
    let folder: URL
    let logger = Logger(label: "vigil-service-process-tests", logLevel: .critical)
    private var processes: [String: Process] = [:]

    init() throws {
        broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        catalogue = TopicCatalogue(prefix: "process-\(UUID().uuidString.prefix(8)).")
        for topic in catalogue.all {
            try broker.createTopic(name: topic.name, partitions: topic.partitions)
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-processes-\(UUID().uuidString)")
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

    /// Starts `executable` as process `name`, logging to `<log>.log` (default
    /// `<name>.log`, appended to). `mode` comes before the options, such as
    /// `raw` for `vigil-ingest raw`. With `fileSizeLimitBytes`, the process runs
    /// under `ulimit -f`, so no file it writes, its log included, may grow past the limit.
    func start(_ name: String, executable: String, mode: [String] = [], arguments: [String], log: String? = nil,
               fileSizeLimitBytes: Int? = nil) throws {
        let binary = PipelineHarness.binaries.appendingPathComponent(executable).path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw HarnessError("\(binary) is not built; run `make test` (or `swift build` first)")
        }
        let all = mode + ["--bootstrap-servers", broker.bootstrapServers, "--topic-prefix", catalogue.prefix]
            + arguments
        let process = Process()
        if let fileSizeLimitBytes {
            // POSIX sh counts `ulimit -f` in 512-byte blocks.
            let blocks = (fileSizeLimitBytes + 511) / 512
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(blocks) && exec \"$0\" \"$@\"", binary] + all
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = all
        }
        var environment = ProcessInfo.processInfo.environment
        environment["VIGIL_LOG_LEVEL"] = "info"
        process.environment = environment
        let logURL = folder.appendingPathComponent("\(log ?? name).log")
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: logURL)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        processes[name] = process
    }

    /// Returns the soft file-size limit of running process `name` in bytes,
    /// as /proc reports it, waiting up to 5 s for the shell to set it. Nil
    /// when it has none or has ended.
    func fileSizeLimit(of name: String) -> Int? {
        for _ in 0..<50 {
            if let limit = currentFileSizeLimit(of: name) {
                return limit
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    private func currentFileSizeLimit(of name: String) -> Int? {
        guard let process = processes[name],
              let line = Self.readProcFile("/proc/\(process.processIdentifier)/limits").split(separator: "\n")
                  .first(where: { $0.hasPrefix("Max file size") })
        else { return nil }
        let fields = line.dropFirst("Max file size".count).split(separator: " ")
        return fields.first.flatMap { Int($0) }
    }

    /// Returns the text of a /proc file. Such files report a size of 0, which
    /// Foundation's readers take for empty, so this reads until end of file.
    private static func readProcFile(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sends SIGTERM to process `name` and returns its exit status, or nil
    /// when it still runs after `seconds`. A process that exited is forgotten.
    func terminate(_ name: String, seconds: Double = 60) throws -> Int32? {
        guard let process = processes[name] else { throw HarnessError("\(name) was not started") }
        process.terminate()
        let status = waitForExit(name, seconds: seconds)
        if status != nil {
            processes[name] = nil
        }
        return status
    }

    /// Waits for process `name` to end by itself and returns its exit status,
    /// or nil after `seconds`. A process that exited is forgotten.
    func waitForExit(_ name: String, seconds: Double) -> Int32? {
        guard let process = processes[name] else { return nil }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        guard !process.isRunning else { return nil }
        processes[name] = nil
        return process.terminationStatus
    }

    /// Fails when process `name` has ended.
    func requireRunning(_ name: String) throws {
        if let process = processes[name], !process.isRunning {
            throw HarnessError("\(name) stopped with status \(process.terminationStatus):\n\(log(name))")
        }
    }

    /// Returns the log `<name>.log`.
    func log(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent("\(name).log"), encoding: .utf8)) ?? ""
    }

    /// Returns the lines of log `name` with message `message`.
    func logLines(_ name: String, message: String) -> [Substring] {
        log(name).split(separator: "\n").filter { $0.contains("msg=\"\(message)\"") }
    }

    // MARK: - Records

    /// Returns the record Vigil's services write for `event` to `topic`: keyed,
    /// with the event time as the timestamp and the id and schema headers.
    static func record<Event: VigilEvent>(_ event: Event, to topic: TopicSpec) throws -> OutgoingRecord {
        OutgoingRecord(
            topic: topic.name, key: event.recordKey.map { Array($0.utf8) }, value: try EventCoding.encode(event),
            timestampMilliseconds: event.eventTime.epochMilliseconds,
            headers: [KafkaHeader(name: EventHeaders.eventId, text: event.eventId),
                      KafkaHeader(name: EventHeaders.schema, text: "\(Event.schemaName)/\(event.schemaVersion)")])
    }

    /// Produces events as Vigil's services do.
    func produce<Event: VigilEvent>(_ events: [Event], to topic: TopicSpec) throws {
        try produce(try events.map { try Self.record($0, to: topic) })
    }

    /// Produces `records`, each to its own topic, in order, and waits until
    /// the broker has acknowledged each.
    func produce(_ records: [OutgoingRecord]) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        for (index, record) in records.enumerated() {
            try producer.send(record, tag: Int64(index))
        }
        var delivered = 0
        let deadline = ContinuousClock.now + .seconds(60)
        while delivered < records.count, ContinuousClock.now < deadline {
            for report in try producer.poll(timeoutMilliseconds: 100) {
                if let error = report.error {
                    throw error
                }
                delivered += 1
            }
        }
        guard delivered == records.count else {
            throw HarnessError("only \(delivered) of \(records.count) records reached the broker")
        }
    }

    /// Returns every record on `topic` now.
    func records(of topic: TopicSpec) throws -> [KafkaRecord] {
        try TopicReader(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger).records(of: topic)
    }

    // MARK: - Offsets

    /// Returns the end offset of every partition of `topic`.
    func endOffsets(_ topic: TopicSpec) throws -> [TopicPartition: Int64] {
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        defer { consumer.close() }
        var offsets: [TopicPartition: Int64] = [:]
        for partition in 0..<topic.partitions {
            let topicPartition = TopicPartition(topic: topic.name, partition: partition)
            offsets[topicPartition] = try consumer.watermarks(topicPartition).high
        }
        return offsets
    }

    /// Returns the offsets group `group` has committed for the partitions of
    /// `topic`, leaving out partitions without a commit.
    func committedOffsets(group: String, _ topic: TopicSpec) throws -> [TopicPartition: Int64] {
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": broker.bootstrapServers, "group.id": group],
                                         logger: logger)
        defer { consumer.close() }
        let partitions = (0..<topic.partitions).map { TopicPartition(topic: topic.name, partition: $0) }
        return try consumer.committed(partitions).filter { $0.value >= 0 }
    }

    /// Waits until group `group` has committed the end offset of every
    /// non-empty partition of `topic`, while process `name` keeps running.
    func waitUntilCaughtUp(_ name: String, group: String, topic: TopicSpec, seconds: Double = 240) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            try requireRunning(name)
            let ends = try endOffsets(topic).filter { $0.value > 0 }
            let committed = try committedOffsets(group: group, topic)
            if ends.allSatisfy({ committed[$0.key] == $0.value }) {
                return
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw HarnessError("group \(group) did not catch up with \(topic.name) within \(Int(seconds)) s:\n\(log(name))")
    }

    /// Returns the next offsets stored in the SQLite file at `path`, by partition.
    static func storedOffsets(at path: String) throws -> [TopicPartition: Int64] {
        let database = try Database(path: path)
        var offsets: [TopicPartition: Int64] = [:]
        for row in try database.query("SELECT topic, partition, next_offset FROM vigil_offsets") {
            guard let topic = row[0].string, let partition = row[1].int64, let next = row[2].int64 else { continue }
            offsets[TopicPartition(topic: topic, partition: Int32(partition))] = next
        }
        return offsets
    }
}
