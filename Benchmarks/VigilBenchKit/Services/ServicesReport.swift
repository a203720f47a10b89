import Foundation

/// Turns ``ServicesResults`` into the one table of `vigil-bench services`,
/// with notes on how each figure was taken and which targets it meets.
public enum ServicesReport {
    public static let columns = ["stage", "records", "wall s", "busy s", "CPU s", "records/s", "records/s over wall",
                                 "records per CPU s", "vs librdkafka", "p50 ms", "p99 ms", "max ms", "alerts arrived",
                                 "peak RSS MB"]

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

    public static func make(_ results: ServicesResults, command: String, machine: MachineDescription,
                            conditions: RunConditions) -> BenchmarkReport {
        var report = BenchmarkReport(name: "services", title: "Services on the embedded broker", command: command,
                                     machine: machine, conditions: conditions, columns: columns)
        var peaks: [(String, Int)] = []
        let limitRate = results.limit?.recordsPerSecond

        if let ingestion = results.ingestion {
            let rate = rate(ingestion.inputRecords, ingestion.firstToLastSeconds)
            report.append([.text("vigil-ingest: NDJSON import to the topics"), .integer(ingestion.inputRecords),
                           seconds(ingestion.wallSeconds), seconds(ingestion.firstToLastSeconds),
                           seconds(ingestion.cpuSeconds), whole(rate),
                           whole(self.rate(ingestion.inputRecords, ingestion.wallSeconds)),
                           whole(self.rate(ingestion.inputRecords, ingestion.cpuSeconds)), .empty, .empty, .empty,
                           .empty, .empty, megabytes(ingestion.peakResidentKilobytes)])
            report.figures["ingestion.recordsPerCpuSecond"] = self.rate(ingestion.inputRecords, ingestion.cpuSeconds)
            report.figures["ingestion.recordsPerSecond"] = rate
            report.figures["ingestion.recordsPerSecondOverWall"] = self.rate(ingestion.inputRecords, ingestion.wallSeconds)
            peaks.append(("vigil-ingest (import)", ingestion.peakResidentKilobytes))
        }
        if let limit = results.limit, let limitRate {
            let reads = results.limitRuns == 1 ? "1 read" : "median of \(English.count(results.limitRuns, "read"))"
            let passes = English.count(ConsumeLimit.passes, "pass", plural: "passes")
            report.append([.text("librdkafka consumer, no processing (\(reads), \(passes) each)"),
                           .integer(limit.records), seconds(limit.wallSeconds), seconds(limit.secondsAfterFirstBatch),
                           seconds(limit.cpuSeconds), whole(limitRate), whole(rate(limit.records, limit.wallSeconds)),
                           whole(rate(limit.records, limit.cpuSeconds)),
                           .number(1, decimals: 2), .empty, .empty, .empty, .empty, .empty])
            report.figures["limit.recordsPerCpuSecond"] = rate(limit.records, limit.cpuSeconds)
            report.figures["limit.recordsPerSecond"] = limitRate
        }
        for service in results.services {
            let timeline = service.result.timeline
            let rate = timeline.recordsPerSecond
            let cpu = service.result.cpuSeconds
            report.append([.text(service.name), .integer(timeline.inputRecords), seconds(timeline.caughtUpSeconds),
                           seconds(timeline.caughtUpSeconds - timeline.firstCommitSeconds), seconds(cpu), whole(rate),
                           whole(self.rate(timeline.inputRecords, timeline.caughtUpSeconds)),
                           whole(self.rate(timeline.inputRecords, cpu)),
                           limitRate.map { .number(rate / $0, decimals: 2) } ?? .empty, .empty, .empty, .empty, .empty,
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
                           .empty, .empty, .empty, .empty, .empty, .empty, .empty, megabytes(broker)])
        }
        for run in results.latency {
            let settings = run.settings
            let key = "latency.\(settings.messagesPerSecond).\(configurationKey(settings))"
            let processes = run.peakResidentKilobytes.sorted { $0.key < $1.key }
            let comparable = notComparableReasons(run, processors: machine.processorCount).isEmpty
            report.append([.text(latencyStage(settings) + (comparable ? "" : ", not comparable")),
                           .integer(run.messages), seconds(run.seconds), .empty, .empty,
                           whole(rate(run.messages, run.seconds)), .empty, .empty, .empty,
                           milliseconds(run.latency?.p50, lowerBound: run.latency?.p50IsLowerBound),
                           milliseconds(run.latency?.p99, lowerBound: run.latency?.p99IsLowerBound),
                           milliseconds(run.latency?.max, lowerBound: run.latency?.maxIsLowerBound),
                           .fraction(run.alertsArrived, of: run.alertingMessages),
                           .labeled(processes.map { .init(shortName($0.key), Double($0.value) * 1_024 / 1e6) }, decimals: 0)])
            if let latency = run.latency {
                report.figures[key + ".p50"] = latency.p50
                report.figures[key + ".p99"] = latency.p99
                report.figures[key + ".max"] = latency.max
                report.figures[key + ".missingAlerts"] = Double(latency.lowerBoundCount)
            }
            report.figures[key + ".comparable"] = comparable ? 1 : 0
            for (process, kilobytes) in processes {
                peaks.append(("\(process) (\(grouped(settings.messagesPerSecond))/s)", kilobytes))
            }
        }
        for (process, kilobytes) in peaks {
            report.figures["peakMB.\(process)"] = Double(kilobytes) * 1_024 / 1e6
        }
        report.notes = notes(results, processors: machine.processorCount)
            + targetNotes(results, peaks: peaks, processors: machine.processorCount)
        return report
    }

    // MARK: - Cells

    static func rate(_ records: Int, _ seconds: Double) -> Double {
        seconds > 0 ? Double(records) / seconds : 0
    }

    private static func seconds(_ value: Double) -> BenchmarkReport.Cell {
        .number(value, decimals: 2)
    }

    /// Rounds a rate to the nearest whole number, as the table and its notes show every rate.
    static func whole(_ rate: Double) -> BenchmarkReport.Cell {
        .integer(Int(rate.rounded()))
    }

    /// Formats a rate as ``whole(_:)`` shows it, for the notes.
    static func wholeText(_ rate: Double) -> String {
        whole(rate).rendered
    }

    /// Returns a latency cell, marked as a lower bound where the true figure is unknown.
    private static func milliseconds(_ value: Double?, lowerBound: Bool?) -> BenchmarkReport.Cell {
        guard let value else { return .empty }
        return lowerBound == true ? .lowerBound(value, decimals: 1) : .number(value, decimals: 1)
    }

    /// Returns the stage name of a latency run, such as "ingest serve → alert, 2,000/s, librdkafka defaults".
    static func latencyStage(_ settings: LatencyRun.Settings) -> String {
        "ingest serve → alert, \(grouped(settings.messagesPerSecond))/s, \(configurationName(settings))"
    }

    /// Formats milliseconds with one decimal, behind ≥ when the figure is only a lower bound.
    static func bound(_ value: Double, _ isLowerBound: Bool) -> String {
        (isLowerBound ? "≥ " : "") + String(format: "%.1f", value)
    }

    /// MB are 10^6 bytes, as in the matcher's MB/s.
    private static func megabytes(_ kilobytes: Int) -> BenchmarkReport.Cell {
        .number(Double(kilobytes) * 1_024 / 1e6, decimals: 0)
    }

    static func configurationName(_ settings: LatencyRun.Settings) -> String {
        guard !settings.consumerProperties.isEmpty else { return "librdkafka defaults" }
        return settings.consumerProperties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    private static func configurationKey(_ settings: LatencyRun.Settings) -> String {
        settings.consumerProperties.isEmpty ? "defaults" : "fetchWait"
    }

    private static func shortName(_ process: String) -> String {
        process.replacingOccurrences(of: "vigil-ingest ", with: "").replacingOccurrences(of: "vigil-", with: "")
    }

    static func grouped(_ value: Int) -> String {
        BenchmarkReport.Cell.integer(value).rendered
    }
}
