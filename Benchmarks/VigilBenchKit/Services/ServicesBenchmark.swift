import Alerting
import Foundation
import VigilContracts
import VigilKafka
import VigilLog

/// `vigil-bench services`: the release executables on the embedded broker.
/// It measures the throughput of every stream service against the librdkafka
/// limit of the same path, the latency from ingestion to the alerts topic
/// under steady loads, and the peak memory of every process.
///
/// The throughput part runs one `vigil broker` process and fills it once
/// with the shared data (``DataCopies``). Each service then reads its inputs
/// from the beginning, alone on the machine, in pipeline order: alerting,
/// escalation, scoring. Each latency run has a broker of its own, so its
/// services start on empty topics.
public struct ServicesBenchmark {
    public struct Options: Sendable {
        /// The folder with the roster, chats, complaints and orders.
        public var dataDirectory = "../shared/data"
        public var rulesPath = "rules/default.json"
        public var scorecardPath = "scorecards/default.json"
        /// The folder of the release executables.
        public var binaryFolder = ".build/release"
        /// The folder for the report's Markdown and JSON.
        public var outputDirectory = ".bench"
        /// How many copies of the data the timed import reads (``DataCopies``).
        public var copies = 2
        /// Reads of the chat topic by the plain consumer; the report gives the median.
        public var limitRuns = 3
        /// The steady loads of the latency runs, in messages per second.
        public var latencyRates = [2_000, 10_000]
        public var latencySeconds = 30
        public var warmupSeconds = 5
        /// The time between two requests of one site.
        public var intervalMilliseconds = 25
        /// Messages per thousand that the rules alert on, in the latency runs.
        public var alertsPerThousand = 50
        /// `fetch.wait.max.ms` for a second latency run at each load, or nil for one run with librdkafka's defaults.
        public var fetchWaitMilliseconds: Int? = 5
        /// The parts to run: `throughput`, `latency`.
        public var parts: Set<String> = ["throughput", "latency"]
        /// Keep the work folder with the stores and logs.
        public var keepWorkFolder = false

        public init() {}
    }

    public static let partNames = ["throughput", "latency"]
    /// The files the throughput import reads, each copy in this order, as the pipeline tests import them.
    public static let importedFiles = ["chats-waimai.ndjson", "chats-jd.ndjson", "complaints-waimai.ndjson", "orders-jd.ndjson"]
    public static let chatFiles = ["chats-waimai.ndjson", "chats-jd.ndjson"]

    public let options: Options
    private let logger = Logger(label: "vigil-bench", logLevel: .error)

    public init(options: Options) {
        self.options = options
    }

    /// True when ``Options/parts`` leaves out a part, so the report goes to files of its own.
    public var isPartial: Bool {
        !options.parts.isSuperset(of: Self.partNames)
    }

    /// Runs the parts chosen and returns the report. `progress` receives a line at each step.
    public func run(command: String, progress: (String) -> Void) throws -> BenchmarkReport {
        var conditions = RunConditions.atStart()
        if isPartial {
            progress("--parts leaves out a part: the report goes to services-partial.md and .json, "
                     + "so services.md of a full run stays")
        }
        let workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        if !options.keepWorkFolder {
            InterruptCleanup.register(folder: workFolder)
        }
        defer {
            if options.keepWorkFolder {
                progress("kept stores and logs in \(workFolder)")
            } else {
                try? FileManager.default.removeItem(atPath: workFolder)
                InterruptCleanup.unregister(folder: workFolder)
            }
        }
        let executables = try VigilExecutables(binaryFolder: options.binaryFolder, workFolder: workFolder)

        var results = ServicesResults(copies: options.copies)
        if options.parts.contains("throughput") {
            try measureThroughput(executables, into: &results, progress: progress)
        }
        if options.parts.contains("latency") {
            try measureLatency(executables, into: &results, progress: progress)
        }
        conditions.finish()
        var report = ServicesReport.make(results, command: command, machine: .current, conditions: conditions)
        report.isPartial = isPartial
        return report
    }

    // MARK: - Throughput

    private func measureThroughput(_ executables: VigilExecutables, into results: inout ServicesResults,
                                   progress: (String) -> Void) throws {
        let data = executables.path("data.ndjson")
        let lines = try DataCopies.write(files: Self.importedFiles.map(file), copies: options.copies, to: data)
        progress("wrote \(English.count(options.copies, "copy", plural: "copies")) of the data: \(English.count(lines, "record"))")

        let broker = try BenchBroker(executables: executables, name: "broker")
        defer { broker.stop() }
        let probe = try OffsetProbe(bootstrap: broker.bootstrap, logger: logger)
        defer { probe.close() }
        let catalogue = TopicCatalogue()
        let importer = ImportRun(executables: executables, bootstrap: broker.bootstrap,
                                 storePath: executables.path("vigil-ingest.sqlite"))
        try importer.importUntimed(file("roster.ndjson"), log: "vigil-ingest-roster")

        progress("ingestion: importing \(English.count(lines, "record"))")
        let ingestion = try importer.timedImport(
            data, lines: lines, topics: [catalogue.chatMessages, catalogue.complaints, catalogue.orders].map(\.name),
            probe: probe, log: "vigil-ingest")
        results.ingestion = ingestion
        let chatPartitions = try probe.partitions(of: [catalogue.chatMessages.name])
        // The mock cluster drops a partition's oldest records past 5 MiB; then no reader would see them all.
        let chatOffsets = try probe.watermarks(chatPartitions)
        guard chatOffsets.values.allSatisfy({ $0.low == 0 }) else {
            throw BenchmarkInputError.brokerDroppedRecords(copies: options.copies)
        }
        let chatRecords = chatOffsets.values.reduce(0) { $0 + Int($1.high) }

        progress("librdkafka limit: \(English.count(options.limitRuns, "read")) of "
                 + "\(English.count(ConsumeLimit.passes, "pass", plural: "passes")) over \(English.count(chatRecords, "record"))")
        var reads: [ConsumeLimit.Result] = []
        for _ in 0..<options.limitRuns {
            reads.append(try ConsumeLimit(bootstrap: broker.bootstrap, logger: logger).read(chatPartitions, records: chatRecords))
        }
        results.limit = reads.sorted { $0.recordsPerSecond < $1.recordsPerSecond }[reads.count / 2]
        results.limitRuns = reads.count

        let runner = ServiceRun(executables: executables, bootstrap: broker.bootstrap)
        progress("vigil-alerting")
        results.services.append(.init(name: "vigil-alerting", result: try runner.run(
            "vigil-alerting", ["--rules", options.rulesPath],
            groups: [.init(name: "vigil-alerting", topics: [catalogue.chatMessages.name])], probe: probe)))
        progress("vigil-escalation")
        results.services.append(.init(name: "vigil-escalation", result: try runner.run(
            "vigil-escalation", [],
            groups: [.init(name: "vigil-escalation", topics: [catalogue.alerts, catalogue.complaints, catalogue.caseCommands,
                                                              catalogue.chatMessages].map(\.name))], probe: probe)))
        progress("vigil-scoring")
        results.services.append(.init(name: "vigil-scoring", result: try runner.run(
            "vigil-scoring", ["--scorecard", options.scorecardPath],
            groups: [.init(name: "vigil-scoring", topics: [catalogue.chatMessages, catalogue.alerts, catalogue.caseEvents,
                                                           catalogue.complaints, catalogue.orders].map(\.name)),
                     .init(name: "vigil-scoring-totals", topics: [catalogue.scoringFacts.name], countsAsInput: false)],
            probe: probe)))

        // Sampled while the broker runs: it stops only after the probe, at the end of the scope.
        broker.process.recordMemory()
        results.brokerPeakKilobytes = broker.process.peakResidentKilobytes
    }

    // MARK: - Latency

    private func measureLatency(_ executables: VigilExecutables, into results: inout ServicesResults,
                                progress: (String) -> Void) throws {
        guard let rulesBytes = FileManager.default.contents(atPath: options.rulesPath) else {
            throw BenchmarkInputError.unreadableRules(path: options.rulesPath)
        }
        let rules: CompiledRuleSet
        do {
            rules = try CompiledRuleSet(try RuleSetParser.parse(bytes: Array(rulesBytes)), normalizer: try TextNormalizer())
        } catch {
            throw BenchmarkInputError.invalidRules(path: options.rulesPath, errors: String(describing: error))
        }
        let messages = try LatencyMessages(files: Self.chatFiles.map(file), rules: rules,
                                           alertsPerThousand: options.alertsPerThousand)
        // Checked before any process starts: a run with no site would have no sender.
        guard !messages.sites.isEmpty else {
            throw BenchmarkInputError.noLatencyTexts(rules: options.rulesPath)
        }

        var configurations: [[String: String]] = [[:]]
        if let wait = options.fetchWaitMilliseconds {
            configurations.append(["fetch.wait.max.ms": String(wait)])
        }
        for rate in options.latencyRates {
            for properties in configurations {
                var settings = LatencyRun.Settings(messagesPerSecond: rate,
                                                   name: "latency-\(rate)" + (properties.isEmpty ? "" : "-fetchwait"))
                settings.measuredSeconds = options.latencySeconds
                settings.warmupSeconds = options.warmupSeconds
                settings.intervalMilliseconds = options.intervalMilliseconds
                settings.consumerProperties = properties
                settings.alertsPerThousand = messages.alertsPerThousand
                let run = LatencyRun(executables: executables, settings: settings, messages: messages,
                                     rosterFile: file("roster.ndjson"), rulesFile: options.rulesPath, logger: logger)
                results.latency.append(try run.run(progress: progress))
            }
        }
    }

    private func file(_ name: String) -> String {
        (options.dataDirectory as NSString).appendingPathComponent(name)
    }
}
