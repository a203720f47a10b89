import Foundation

/// Turns ``ServicesResults`` into the one table of `vigil-bench services`,
/// with notes on how each figure was taken and which targets it meets.
public enum ServicesReport {
    public static let columns = ["stage", "records", "wall s", "busy s", "CPU s", "records/s", "records/s over wall",
                                 "records per CPU s", "vs librdkafka", "p50 ms", "p99 ms", "max ms", "peak RSS MB"]

    /// The targets the services must meet on a 2-core machine.
    public enum Target {
        public static let ingestionRecordsPerSecond = 100_000.0
        public static let alertingRecordsPerSecond = 100_000.0
        public static let alertingShareOfLimit = 0.5
        public static let p99Milliseconds = 50.0
        /// The load whose p99 the latency target is about.
        public static let latencyTargetRate = 2_000
        public static let peakResidentMegabytes = 150.0
    }

    public static func make(_ results: ServicesResults, command: String, machine: MachineDescription) -> BenchmarkReport {
        var report = BenchmarkReport(name: "services", title: "Services on the embedded broker", command: command,
                                     machine: machine, columns: columns)
        var peaks: [(String, Int)] = []
        let limitRate = results.limit?.recordsPerSecond

        if let ingestion = results.ingestion {
            let rate = rate(ingestion.inputRecords, ingestion.firstToLastSeconds)
            report.append([.text("vigil-ingest: NDJSON import to the topics"), .integer(ingestion.inputRecords),
                           seconds(ingestion.wallSeconds), seconds(ingestion.firstToLastSeconds),
                           seconds(ingestion.cpuSeconds), .integer(Int(rate)),
                           .integer(Int(self.rate(ingestion.inputRecords, ingestion.wallSeconds))),
                           .integer(Int(self.rate(ingestion.inputRecords, ingestion.cpuSeconds))), .empty, .empty, .empty,
                           .empty, megabytes(ingestion.peakResidentKilobytes)])
            report.figures["ingestion.recordsPerCpuSecond"] = self.rate(ingestion.inputRecords, ingestion.cpuSeconds)
            report.figures["ingestion.recordsPerSecond"] = rate
            report.figures["ingestion.recordsPerSecondOverWall"] = self.rate(ingestion.inputRecords, ingestion.wallSeconds)
            peaks.append(("vigil-ingest (import)", ingestion.peakResidentKilobytes))
        }
        if let limit = results.limit, let limitRate {
            report.append([.text("librdkafka consumer, no processing (median of \(results.limitRuns) reads, \(ConsumeLimit.passes) passes each)"),
                           .integer(limit.records), seconds(limit.wallSeconds), seconds(limit.secondsAfterFirstBatch),
                           seconds(limit.cpuSeconds), .integer(Int(limitRate)), .integer(Int(rate(limit.records, limit.wallSeconds))),
                           .integer(Int(rate(limit.records, limit.cpuSeconds))),
                           .number(1, decimals: 2), .empty, .empty, .empty, .empty])
            report.figures["limit.recordsPerCpuSecond"] = rate(limit.records, limit.cpuSeconds)
            report.figures["limit.recordsPerSecond"] = limitRate
        }
        for service in results.services {
            let timeline = service.result.timeline
            let rate = timeline.recordsPerSecond
            let cpu = service.result.cpuSeconds
            report.append([.text(service.name), .integer(timeline.inputRecords), seconds(timeline.caughtUpSeconds),
                           seconds(timeline.caughtUpSeconds - timeline.firstCommitSeconds), seconds(cpu), .integer(Int(rate)),
                           .integer(Int(self.rate(timeline.inputRecords, timeline.caughtUpSeconds))),
                           .integer(Int(self.rate(timeline.inputRecords, cpu))),
                           limitRate.map { .number(rate / $0, decimals: 2) } ?? .empty, .empty, .empty, .empty,
                           megabytes(service.result.peakResidentKilobytes)])
            report.figures["\(service.name).recordsPerSecond"] = rate
            report.figures["\(service.name).recordsPerCpuSecond"] = self.rate(timeline.inputRecords, cpu)
            if let limitRate {
                report.figures["\(service.name).ratioToLimit"] = rate / limitRate
            }
            peaks.append((service.name, service.result.peakResidentKilobytes))
        }
        if let broker = results.brokerPeakKilobytes {
            report.append([.text("vigil broker (embedded), throughput part"), .empty, .empty, .empty, .empty, .empty,
                           .empty, .empty, .empty, .empty, .empty, .empty, megabytes(broker)])
        }
        for run in results.latency {
            let settings = run.settings
            let key = "latency.\(settings.messagesPerSecond).\(configurationKey(settings))"
            let processes = run.peakResidentKilobytes.sorted { $0.key < $1.key }
            report.append([.text("ingest serve → alert, \(grouped(settings.messagesPerSecond))/s, \(configurationName(settings))"),
                           .integer(run.messages), seconds(run.seconds), .empty, .empty,
                           .integer(Int(rate(run.messages, run.seconds))), .empty, .empty, .empty,
                           milliseconds(run.latency?.p50, lowerBound: run.latency?.p50IsLowerBound),
                           milliseconds(run.latency?.p99, lowerBound: run.latency?.p99IsLowerBound),
                           milliseconds(run.latency?.max, lowerBound: run.latency?.maxIsLowerBound),
                           .text(processes.map { "\(shortName($0.key)) \(String(format: "%.0f", Double($0.value) * 1_024 / 1e6))" }
                               .joined(separator: ", "))])
            if let latency = run.latency {
                report.figures[key + ".p50"] = latency.p50
                report.figures[key + ".p99"] = latency.p99
                report.figures[key + ".max"] = latency.max
                report.figures[key + ".missingAlerts"] = Double(latency.lowerBoundCount)
            }
            for (process, kilobytes) in processes {
                peaks.append(("\(process) (\(grouped(settings.messagesPerSecond))/s)", kilobytes))
            }
        }
        for (process, kilobytes) in peaks {
            report.figures["peakMB.\(process)"] = Double(kilobytes) * 1_024 / 1e6
        }
        report.notes = notes(results, processors: machine.processorCount) + targetNotes(results, peaks: peaks)
        return report
    }

    // MARK: - Notes

    private static func notes(_ results: ServicesResults, processors: Int) -> [String] {
        var notes: [String] = []
        if let ingestion = results.ingestion {
            notes.append("Throughput: one `vigil broker`; the roster, then \(results.copies) copies of the chats, complaints and "
                + "orders of the shared data (copy k moved k times the days the data spans later, with fresh ids), \(grouped(ingestion.inputRecords)) "
                + "records in one import. Each service then reads its inputs from the beginning alone, in pipeline order, "
                + "with a new store and its default group.")
            notes.append("records: NDJSON lines for the import; records read from the input topics, watermarks included, "
                + "for the services. busy s runs to the last record from the last look at the topics that found none of the import's "
                + "records (import, every 20 ms), the first offset commit (services) or the first batch (plain consumer), so the services and the plain "
                + "consumer leave out a first batch of at most 1,000. records/s = "
                + "records in that span / busy s. wall s includes the start: store, roster, and the group join, about 3 s "
                + "on the embedded broker. CPU s is the process's user and system time over its whole life (for the plain "
                + "consumer, vigil-bench's during the read), so records per CPU s is what one core would do with the "
                + "process alone on it, a figure that a shared machine moves less. peak RSS MB is the process's VmHWM "
                + "before it stops, in 10^6 bytes.")
            notes.append("vs librdkafka: records/s over the plain consumer's records/s on the chat topic in this run. "
                + "Escalation and scoring also read other topics, and scoring's count leaves out its repartition topic.")
        }
        if !results.latency.isEmpty {
            let settings = results.latency[0].settings
            notes.append("Latency: each load on a broker of its own with a new `vigil-ingest serve` and `vigil-alerting`. "
                + "Each site (hz, hf, cd) POSTs NDJSON with its own token every \(settings.intervalMilliseconds) ms. "
                + "Of every 1,000 messages, \(settings.alertsPerThousand) are real "
                + "customer texts the default rules alert on, each in a new thread, and the rest real texts on which no rule fires. "
                + "A latency runs from when the message's request was due to when a consumer in vigil-bench read its "
                + "first alert, over \(settings.measuredSeconds) s after a warm-up. An alert that had not arrived "
                + "\(settings.drainSeconds) s after the last request counts at the time reading stopped, a lower bound, "
                + "and ≥ marks a percentile that is therefore only a lower bound.")
        }
        for run in results.latency {
            var sentence = "\(grouped(run.settings.messagesPerSecond))/s, \(configurationName(run.settings)): "
                + "\(grouped(run.alertsArrived)) of \(grouped(run.alertingMessages)) alerts arrived"
            if let acknowledgement = run.acknowledgement {
                sentence += String(format: "; requests answered in %.1f ms (p50), %.1f ms (p99)",
                                   acknowledgement.p50, acknowledgement.p99)
            }
            if let after = run.afterAcknowledgement {
                sentence += "; from the answer to the alert " + bound(after.p50, after.p50IsLowerBound) + " ms (p50), "
                    + bound(after.p99, after.p99IsLowerBound) + " ms (p99)"
            }
            sentence += String(format: "; requests went out at most %.1f ms late", run.largestSendDelayMilliseconds)
            let cpu = run.cpuSeconds.sorted { $0.key < $1.key }.map { String(format: "%@ %.1f s", $0.key, $0.value) }
            if !cpu.isEmpty {
                sentence += String(format: "; over the whole run of %.0f s from the broker's start to its stop, CPU ", run.runSeconds)
                    + cpu.joined(separator: ", ")
                    + String(format: " of the %.0f s that %d processors had", run.runSeconds * Double(processors), processors)
            }
            if run.failures > 0 {
                sentence += "; \(run.failures) failed requests, the first: \(run.firstFailure ?? "")"
            }
            notes.append(sentence + ".")
        }
        if let before = results.loadBefore {
            notes.append("Load average before the run: \(before)" + (results.loadAfter.map { "; after: \($0)" } ?? "") + ".")
        }
        return notes
    }

    private static func targetNotes(_ results: ServicesResults, peaks: [(String, Int)]) -> [String] {
        var notes: [String] = []
        if let ingestion = results.ingestion {
            let rate = rate(ingestion.inputRecords, ingestion.firstToLastSeconds)
            notes.append("Target, ingestion at least \(grouped(Int(Target.ingestionRecordsPerSecond))) records/s from NDJSON: "
                + "\(grouped(Int(rate))) (\(grouped(Int(self.rate(ingestion.inputRecords, ingestion.wallSeconds)))) over the "
                + "process's wall time): \(TargetVerdict.atLeast(rate, Target.ingestionRecordsPerSecond)).")
        }
        if let alerting = results.services.first(where: { $0.name == "vigil-alerting" }) {
            let rate = alerting.result.timeline.recordsPerSecond
            var sentence = "Target, alerting at least \(grouped(Int(Target.alertingRecordsPerSecond))) records/s per instance: "
                + "\(grouped(Int(rate))): \(TargetVerdict.atLeast(rate, Target.alertingRecordsPerSecond))"
            if let limit = results.limit?.recordsPerSecond {
                sentence += String(format: "; at least %.2f of the librdkafka limit: %.2f: ", Target.alertingShareOfLimit, rate / limit)
                    + TargetVerdict.atLeast(rate / limit, Target.alertingShareOfLimit)
            }
            notes.append(sentence + ".")
        }
        for run in results.latency where run.settings.messagesPerSecond == Target.latencyTargetRate {
            guard let latency = run.latency else { continue }
            var verdict = TargetVerdict.atMost(latency.p99, Target.p99Milliseconds)
            if latency.p99IsLowerBound {
                // The true p99 is at least this, so a miss is a miss by at least this much.
                verdict = latency.p99 > Target.p99Milliseconds
                    ? verdict.replacingOccurrences(of: "missed by", with: "missed by at least")
                    : "unknown, because \(grouped(latency.lowerBoundCount)) alerts did not arrive"
            }
            notes.append(String(format: "Target, p99 ingestion to alert at most %.0f ms at %@/s, %@: %@ ms: ",
                                Target.p99Milliseconds, grouped(Target.latencyTargetRate), configurationName(run.settings),
                                bound(latency.p99, latency.p99IsLowerBound)) + verdict + ".")
        }
        if let largest = peaks.max(by: { $0.1 < $1.1 }) {
            let megabytes = Double(largest.1) * 1_024 / 1e6
            notes.append(String(format: "Target, each service at most %.0f MB resident: the largest peak is %.0f MB (%@): ",
                                Target.peakResidentMegabytes, megabytes, largest.0)
                + TargetVerdict.atMost(megabytes, Target.peakResidentMegabytes) + ".")
        }
        return notes
    }

    // MARK: - Cells

    static func rate(_ records: Int, _ seconds: Double) -> Double {
        seconds > 0 ? Double(records) / seconds : 0
    }

    private static func seconds(_ value: Double) -> BenchmarkReport.Cell {
        .number(value, decimals: 2)
    }

    /// Returns a latency cell. A lower bound becomes text with ≥, because the true figure is unknown.
    private static func milliseconds(_ value: Double?, lowerBound: Bool?) -> BenchmarkReport.Cell {
        guard let value else { return .empty }
        return lowerBound == true ? .text(bound(value, true)) : .number(value, decimals: 1)
    }

    /// Formats milliseconds with one decimal, behind ≥ when the figure is only a lower bound.
    private static func bound(_ value: Double, _ isLowerBound: Bool) -> String {
        (isLowerBound ? "≥ " : "") + String(format: "%.1f", value)
    }

    /// MB are 10^6 bytes, as in the matcher's MB/s.
    private static func megabytes(_ kilobytes: Int) -> BenchmarkReport.Cell {
        .number(Double(kilobytes) * 1_024 / 1e6, decimals: 0)
    }

    private static func configurationName(_ settings: LatencyRun.Settings) -> String {
        guard !settings.consumerProperties.isEmpty else { return "librdkafka defaults" }
        return settings.consumerProperties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    private static func configurationKey(_ settings: LatencyRun.Settings) -> String {
        settings.consumerProperties.isEmpty ? "defaults" : "fetchWait"
    }

    private static func shortName(_ process: String) -> String {
        process.replacingOccurrences(of: "vigil-ingest ", with: "").replacingOccurrences(of: "vigil-", with: "")
    }

    private static func grouped(_ value: Int) -> String {
        BenchmarkReport.Cell.integer(value).rendered
    }
}
