import Foundation
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// One steady load through the production path on a broker of its own:
/// sites POST chat messages to `vigil-ingest serve`, `vigil-alerting`
/// matches them, and a consumer reads the alerts. Each alerting message's
/// latency runs from when its request was due to when its first alert arrived.
public struct LatencyRun {
    public struct Settings: Sendable {
        public var messagesPerSecond: Int
        /// The time between two requests of one site.
        public var intervalMilliseconds = 25
        /// The measured part of the run.
        public var measuredSeconds = 30
        /// The shortest warm-up before measuring; the window also waits for the first alert.
        public var warmupSeconds = 5
        /// How long to wait after the last request for the alerts still on their way.
        public var drainSeconds = 10
        /// librdkafka settings of the alerting service and the alert reader, such as `fetch.wait.max.ms`.
        public var consumerProperties: [String: String] = [:]
        /// Messages per thousand that the rules alert on, as ``LatencyMessages`` sends them.
        public var alertsPerThousand = 50
        /// A short name for the run's files and ids.
        public var name: String

        public init(messagesPerSecond: Int, name: String) {
            self.messagesPerSecond = messagesPerSecond
            self.name = name
        }
    }

    /// The figures of one run.
    public struct Result: Sendable {
        public var settings: Settings
        /// Messages sent in the measured window, and the seconds it lasted.
        public var messages: Int
        public var seconds: Double
        /// Alerting messages sent in the window, and those whose alert arrived.
        public var alertingMessages: Int
        public var alertsArrived: Int
        /// From a request's due time to the arrival of each message's first
        /// alert. An alert that never arrived counts as a lower bound.
        public var latency: LatencySummary?
        /// From a request's due time to its response (accepted and stored).
        public var acknowledgement: LatencySummary?
        /// From the response to a message's request to the arrival of its first alert: the path after ingestion.
        public var afterAcknowledgement: LatencySummary?
        public var failures: Int
        public var firstFailure: String?
        public var largestSendDelayMilliseconds: Double
        /// Peak resident memory in KiB, by process.
        public var peakResidentKilobytes: [String: Int]
        /// Processor time over the whole run, warm-up included, by process: the
        /// two services, the broker, and vigil-bench's senders and alert reader.
        public var cpuSeconds: [String: Double]
        /// The length of the whole run in seconds, from the broker's start to
        /// its stop, so that it contains every process time in ``cpuSeconds``.
        public var runSeconds: Double
        /// The machine's load averages just before the run started its
        /// broker: the other work on the machine, and the tail of the runs before.
        public var loadBefore: LoadAverage?
    }

    public var executables: VigilExecutables
    public var settings: Settings
    public var messages: LatencyMessages
    public var rosterFile: String
    public var rulesFile: String
    public var logger: Logger

    public init(executables: VigilExecutables, settings: Settings, messages: LatencyMessages,
                rosterFile: String, rulesFile: String, logger: Logger) {
        self.executables = executables
        self.settings = settings
        self.messages = messages
        self.rosterFile = rosterFile
        self.rulesFile = rulesFile
        self.logger = logger
    }

    public func run(progress: (String) -> Void) throws -> Result {
        let name = settings.name
        let loadBefore = LoadAverage.current()
        let runStart = MonotonicTime.now()
        let broker = try BenchBroker(executables: executables, name: "\(name)-broker")
        defer { broker.stop() }
        try ImportRun(executables: executables, bootstrap: broker.bootstrap, storePath: executables.path("\(name)-roster.sqlite"))
            .importUntimed(rosterFile, log: "\(name)-roster")

        // Each site posts with a token of its own, as deployed.
        let tokens = messages.sites.map { site in (site, "bench-\(site)-\(UInt64.random(in: 1...UInt64.max))") }
        let tokensFile = executables.path("\(name)-tokens.json")
        let entries = tokens.map { "{\"site\":\"\($0.0)\",\"name\":\"vigil-bench \($0.0)\",\"sha256\":\"\(SHA256.hex($0.1))\"}" }
        try Data("{\"tokens\":[\(entries.joined(separator: ","))]}\n".utf8).write(to: URL(fileURLWithPath: tokensFile))

        let kafkaArguments = settings.consumerProperties.sorted { $0.key < $1.key }.flatMap { ["--kafka", "\($0.key)=\($0.value)"] }
        let portFile = executables.path("\(name)-serve.port")
        let serve = try executables.start("vigil-ingest", ["serve", "--store", executables.path("\(name)-serve.sqlite"),
                                                           "--tokens", tokensFile, "--listen", "127.0.0.1:0",
                                                           "--port-file", portFile],
                                          bootstrap: broker.bootstrap, log: "\(name)-serve")
        let alerting = try executables.start("vigil-alerting", ["--store", executables.path("\(name)-alerting.sqlite"),
                                                                "--rules", rulesFile] + kafkaArguments,
                                             bootstrap: broker.bootstrap, log: "\(name)-alerting")
        let port = try waitForPort(portFile, serve: serve)

        let catalogue = TopicCatalogue()
        let alertPartitions = (0..<catalogue.alerts.partitions).map { TopicPartition(topic: catalogue.alerts.name, partition: $0) }
        let watcher = AlertWatcher(bootstrap: broker.bootstrap, properties: settings.consumerProperties, logger: logger)
        let watcherDone = Self.startThread { watcher.run(partitions: alertPartitions) }

        let schedule = PacedSchedule(messagesPerSecond: settings.messagesPerSecond,
                                     intervalMilliseconds: settings.intervalMilliseconds, senders: tokens.count)
        let benchCpuBefore = ProcessorTime.ownSeconds()
        let window = LatencyWindow(origin: MonotonicTime.now() + 100_000_000)
        let ledger = SendLedger()
        var sendersDone: [DispatchSemaphore] = []
        for (index, (site, token)) in tokens.enumerated() {
            let sender = SiteSender(settings: .init(port: port, token: token, site: site, senderIndex: index,
                                                    schedule: schedule, run: name),
                                    messages: messages, window: window, ledger: ledger)
            sendersDone.append(Self.startThread { sender.run() })
        }
        progress("\(name): \(settings.messagesPerSecond) messages/s from \(English.count(tokens.count, "site")), "
                 + "waiting for the first alert")

        // The window opens once alerts flow (the group has joined) and the warm-up has passed.
        let firstAlertDeadline = MonotonicTime.now() + 120_000_000_000
        while watcher.alertCount == 0 {
            guard MonotonicTime.now() < firstAlertDeadline, serve.isRunning, alerting.isRunning else {
                window.open(at: 0, durationNanoseconds: 0)
                watcher.stop()
                throw BenchmarkProcessError.notReady(name: "\(name)-alerting", what: "raise an alert within 120 s",
                                                     log: alerting.logTail() + "\n" + serve.logTail())
            }
            usleep(10_000)
        }
        let measureFrom = max(MonotonicTime.now() + 2_000_000_000,
                              window.origin + Int64(settings.warmupSeconds) * 1_000_000_000)
        window.open(at: measureFrom, durationNanoseconds: Int64(settings.measuredSeconds) * 1_000_000_000)
        progress("\(name): measuring for \(settings.measuredSeconds) s")
        sendersDone.forEach { $0.wait() }

        // Alerts still on their way arrive within the drain time, or count as missing.
        let expected = ledger.totals.alertingSends
        let drainDeadline = MonotonicTime.now() + Int64(settings.drainSeconds) * 1_000_000_000
        while MonotonicTime.now() < drainDeadline {
            let arrivals = watcher.arrivals
            if expected.keys.allSatisfy({ arrivals[$0] != nil }) { break }
            usleep(20_000)
        }
        watcher.stop()
        watcherDone.wait()
        let readingEnded = MonotonicTime.now()

        var peaks: [String: Int] = [:]
        var cpu: [String: Double] = [:]
        cpu["vigil-bench"] = ProcessorTime.ownSeconds() - benchCpuBefore
        var failure: BenchmarkProcessError?
        for (label, process) in [("vigil-ingest serve", serve), ("vigil-alerting", alerting)] {
            let exit = process.stop()
            peaks[label] = process.peakResidentKilobytes
            cpu[label] = exit.cpuSeconds
            // A service that failed during the run, or on the SIGTERM, makes its figures meaningless.
            if exit.status != 0, failure == nil {
                failure = .failed(name: process.name, status: exit.status, log: process.logTail())
            }
        }
        if let failure {
            throw failure
        }
        cpu["vigil broker"] = broker.stop().cpuSeconds
        var result = summarize(ledger.totals, arrivals: watcher.arrivals, readingEnded: readingEnded,
                               watcherError: watcher.error, peaks: peaks, window: window)
        result.cpuSeconds = cpu
        result.loadBefore = loadBefore
        result.runSeconds = MonotonicTime.milliseconds(from: runStart, to: MonotonicTime.now()) / 1_000
        return result
    }

    // MARK: - Steps

    private func waitForPort(_ portFile: String, serve: ChildProcess) throws -> Int {
        let deadline = MonotonicTime.now() + 30_000_000_000
        while MonotonicTime.now() < deadline, serve.isRunning {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            usleep(20_000)
        }
        throw BenchmarkProcessError.notReady(name: serve.name, what: "listen within 30 s", log: serve.logTail())
    }

    /// Summarizes the run. An alert that had not arrived when reading ended
    /// (`readingEnded`) took at least until then, so it counts as that lower bound.
    private func summarize(_ totals: SendLedger.Totals, arrivals: [String: Int64], readingEnded: Int64,
                           watcherError: String?, peaks: [String: Int], window: LatencyWindow) -> Result {
        var latencies: [Double] = []
        var missingLatencies: [Double] = []
        var afterAcknowledgement: [Double] = []
        var missingAfterAcknowledgement: [Double] = []
        var samples: [(due: Double, latency: Double)] = []
        for (eventId, send) in totals.alertingSends {
            if let arrived = arrivals[eventId] {
                latencies.append(MonotonicTime.milliseconds(from: send.due, to: arrived))
                afterAcknowledgement.append(MonotonicTime.milliseconds(from: send.acknowledged, to: arrived))
                samples.append((MonotonicTime.milliseconds(from: window.origin, to: send.due), latencies[latencies.count - 1]))
            } else {
                missingLatencies.append(MonotonicTime.milliseconds(from: send.due, to: readingEnded))
                missingAfterAcknowledgement.append(MonotonicTime.milliseconds(from: send.acknowledged, to: readingEnded))
            }
        }
        // One line per alert, in the order the messages were due, for a look at when the slow ones happened (--keep yes).
        let lines = samples.sorted { $0.due < $1.due }.map { String(format: "%.1f\t%.1f", $0.due, $0.latency) }
        try? Data((["due ms\tlatency ms"] + lines).joined(separator: "\n").utf8)
            .write(to: URL(fileURLWithPath: executables.path("\(settings.name)-latencies.tsv")))
        var failures = totals.failures
        var firstFailure = totals.firstFailure
        if let watcherError {
            failures += 1
            firstFailure = firstFailure ?? "alert reader: \(watcherError)"
        }
        return Result(settings: settings, messages: totals.messages, seconds: Double(settings.measuredSeconds),
                      alertingMessages: totals.alertingSends.count, alertsArrived: latencies.count,
                      latency: LatencySummary(milliseconds: latencies, lowerBounds: missingLatencies),
                      acknowledgement: LatencySummary(milliseconds: totals.acknowledgementMilliseconds),
                      afterAcknowledgement: LatencySummary(milliseconds: afterAcknowledgement,
                                                           lowerBounds: missingAfterAcknowledgement),
                      failures: failures, firstFailure: firstFailure,
                      largestSendDelayMilliseconds: totals.largestSendDelayMilliseconds,
                      peakResidentKilobytes: peaks, cpuSeconds: [:], runSeconds: 0, loadBefore: nil)
    }

    /// Runs `work` on a new thread and returns a semaphore signalled when it ends.
    private static func startThread(_ work: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            work()
            done.signal()
        }
        thread.start()
        return done
    }
}
