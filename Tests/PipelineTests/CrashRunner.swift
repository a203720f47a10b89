import Foundation

/// Carries out a ``CrashSchedule`` on a running pipeline: watches every
/// victim's progress and log, kills it with SIGKILL when its next kill's
/// trigger fires, and restarts it at once. A killed import runs again over
/// the same files.
final class CrashRunner {
    /// One kill as it happened.
    struct Landed {
        var kill: CrashSchedule.Kill
        /// Seconds since the import started.
        var seconds: Double
        /// What the victim was doing, read from its log: starting, waiting
        /// for partitions, rebuilding partition stores, processing, importing.
        var phase: String
        /// The victim's consumed input (see ``ServiceProgress``) at the kill.
        var consumed: Int64
        /// The records on the victim's output topic at the kill.
        var output: Int64
    }

    /// The phases in which a kill interrupts a restart.
    static let restartPhases: Set = ["starting", "waiting for partitions", "rebuilding partition stores"]

    let harness: PipelineHarness
    let schedule: CrashSchedule
    let files: [URL]
    /// What each victim consumed in the uninterrupted run.
    let totals: [String: Int64]
    let progress: ServiceProgress
    /// The import now running, or the last one.
    private(set) var ingestion: Process
    private(set) var landed: [Landed] = []
    /// When the import started.
    let started = Date()
    /// Each victim's last restart: when, and where its log was then.
    private var restarts: [String: (time: Date, logOffset: Int)] = [:]

    /// Starts the import of `files`. The stream services must already run.
    init(harness: PipelineHarness, schedule: CrashSchedule, files: [URL], totals: [String: Int64]) throws {
        self.harness = harness
        self.schedule = schedule
        self.files = files
        self.totals = totals
        progress = try ServiceProgress(harness: harness)
        for victim in CrashSchedule.victims {
            restarts[victim] = (Date(), 0)
        }
        ingestion = try harness.startIngest(files)
    }

    /// Carries out every kill of the schedule, or throws when one cannot land within `timeoutSeconds`.
    func run(timeoutSeconds: Double = 600) throws {
        var pending = Dictionary(grouping: schedule.kills, by: \.victim)
        let deadline = started.addingTimeInterval(timeoutSeconds)
        while pending.values.contains(where: { !$0.isEmpty }) {
            guard Date() < deadline else {
                throw HarnessError("kills still pending after \(Int(timeoutSeconds)) s: "
                    + pending.values.flatMap { $0 }.map { "\($0.victim) \(CrashSchedule.describe($0.trigger))" }
                        .joined(separator: "; ") + "\n" + report)
            }
            try harness.checkServicesRunning()
            for victim in CrashSchedule.victims {
                guard let kill = pending[victim]?.first, try isDue(kill) else { continue }
                try land(kill)
                pending[victim]?.removeFirst()
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The schedule and every kill so far, for failure messages and the test log.
    var report: String {
        let lines = landed.map { kill in
            "  \(String(format: "%6.1f", kill.seconds)) s  \(kill.kill.victim) "
                + "\(CrashSchedule.describe(kill.kill.trigger)): \(kill.phase), "
                + "consumed \(kill.consumed), output \(kill.output)"
        }
        return "\(schedule)\nkills that landed:\n" + lines.joined(separator: "\n")
    }

    // MARK: - Kills

    private func isDue(_ kill: CrashSchedule.Kill) throws -> Bool {
        if kill.victim == "vigil-ingest", !ingestion.isRunning {
            throw HarnessError("the import ended with status \(ingestion.terminationStatus) before its kill "
                + "\(CrashSchedule.describe(kill.trigger))\n\(report)")
        }
        switch kill.trigger {
        case .progress(let share):
            let total = totals[kill.victim] ?? 0
            return try progress.consumed(by: kill.victim) >= Int64((share * Double(total)).rounded(.up))
        case .afterRestart(let milliseconds):
            let restarted = restarts[kill.victim]?.time ?? started
            return Date().timeIntervalSince(restarted) * 1_000 >= Double(milliseconds)
        case .rebuilding(let partitions):
            // A store to rebuild is logged during the assignment, and the
            // rebuild starts once "partitions assigned" follows.
            let log = logSinceRestart(kill.victim)
            let begun = Self.count("partition store rebuilds", in: log)
            let done = Self.count("partition store rebuilt", in: log)
            return begun > 0 && log.contains("msg=\"partitions assigned\"") && (done >= partitions || done >= begun)
        }
    }

    private func land(_ kill: CrashSchedule.Kill) throws {
        let phase = phase(of: kill.victim)
        let consumed = try progress.consumed(by: kill.victim)
        let output = try progress.records(on: [progress.output(of: kill.victim)])
        if kill.victim == "vigil-ingest" {
            harness.crash(ingestion)
        } else {
            try harness.kill(kill.victim)
        }
        landed.append(Landed(kill: kill, seconds: Date().timeIntervalSince(started), phase: phase,
                             consumed: consumed, output: output))

        restarts[kill.victim] = (Date(), harness.logSize(kill.victim))
        if kill.victim == "vigil-ingest" {
            ingestion = try harness.startIngest(files)
        } else {
            if kill.restartsOnEmptyStores {
                try harness.removePartitionStores(of: kill.victim)
            }
            try harness.startService(kill.victim)
        }
    }

    /// Reads from the victim's log what it is doing now.
    private func phase(of victim: String) -> String {
        guard victim != "vigil-ingest" else { return "importing" }
        let log = logSinceRestart(victim)
        if !log.contains("msg=\"service started\"") {
            return "starting"
        }
        if !log.contains("msg=\"partitions assigned\"") {
            return "waiting for partitions"
        }
        if Self.count("partition store rebuilds", in: log) > Self.count("partition store rebuilt", in: log) {
            return "rebuilding partition stores"
        }
        return "processing"
    }

    private func logSinceRestart(_ victim: String) -> String {
        harness.log(victim, from: restarts[victim]?.logOffset ?? 0)
    }

    private static func count(_ message: String, in log: String) -> Int {
        log.components(separatedBy: "msg=\"\(message)\"").count - 1
    }
}
