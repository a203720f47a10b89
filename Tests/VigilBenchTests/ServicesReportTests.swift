import Foundation
import Testing
@testable import VigilBenchKit

@Suite("Services report")
struct ServicesReportTests {
    static let machine = MachineDescription(processorCount: 2, processorModel: "Test CPU")
    static let conditions = RunConditions(date: Date(timeIntervalSince1970: 1_796_464_800), commit: "55aacfb",
                                          loadBefore: LoadAverage(one: 0.5, five: 0.6, fifteen: 0.7))

    /// Results of a run in which alerting does 50,000 records/s against a limit of 200,000.
    static func results() -> ServicesResults {
        var results = ServicesResults(copies: 2)
        results.ingestion = ImportRun.Result(inputRecords: 100_000, topicRecords: 100_500, wallSeconds: 2,
                                             firstToLastSeconds: 0.8, peakResidentKilobytes: 50_000, cpuSeconds: 1)
        results.limit = ConsumeLimit.Result(records: 500_000, wallSeconds: 3, recordsAfterFirstBatch: 400_000,
                                            secondsAfterFirstBatch: 2, cpuSeconds: 1.25)
        results.limitRuns = 3
        let timeline = CatchUpWatch.Timeline(inputRecords: 101_000, recordsBeforeFirstCommit: 1_000,
                                             firstCommitSeconds: 3, caughtUpSeconds: 5)
        results.services = [.init(name: "vigil-alerting",
                                  result: ServiceRun.Result(timeline: timeline, peakResidentKilobytes: 200_000,
                                                            cpuSeconds: 4))]
        var settings = LatencyRun.Settings(messagesPerSecond: 2_000, name: "latency-2000")
        settings.measuredSeconds = 30
        results.latency = [LatencyRun.Result(
            settings: settings, messages: 60_000, seconds: 30, alertingMessages: 3_000, alertsArrived: 3_000,
            latency: LatencySummary(milliseconds: [10, 20, 40]), acknowledgement: LatencySummary(milliseconds: [2, 3]),
            afterAcknowledgement: LatencySummary(milliseconds: [8, 17, 37]),
            failures: 0, firstFailure: nil, largestSendDelayMilliseconds: 1.5,
            peakResidentKilobytes: ["vigil-alerting": 40_000, "vigil-ingest serve": 30_000],
            cpuSeconds: ["vigil-alerting": 5, "vigil-ingest serve": 6], runSeconds: 40,
            loadBefore: LoadAverage(one: 0.8, five: 0.6, fifteen: 0.5))]
        return results
    }

    static func make(_ results: ServicesResults) -> BenchmarkReport {
        ServicesReport.make(results, command: "vigil-bench services", machine: machine, conditions: conditions)
    }

    static func note(_ prefix: String, in report: BenchmarkReport) throws -> String {
        try #require(report.notes.first { $0.hasPrefix(prefix) })
    }

    @Test("one row per stage")
    func rows() {
        let report = Self.make(Self.results())

        let stages = report.rows.map { $0[0].rendered }
        #expect(stages.count == 4)
        #expect(stages[0].hasPrefix("vigil-ingest"))
        #expect(stages[1].hasPrefix("librdkafka consumer"))
        #expect(stages[2] == "vigil-alerting")
        #expect(stages[3].hasPrefix("ingest serve → alert, 2,000/s"))
    }

    @Test("rates come from the busy time, ratios from the limit")
    func figures() {
        let report = Self.make(Self.results())

        #expect(report.figures["ingestion.recordsPerSecond"] == 125_000)
        #expect(report.figures["ingestion.recordsPerSecondOverWall"] == 50_000)
        #expect(report.figures["limit.recordsPerSecond"] == 200_000)
        #expect(report.figures["vigil-alerting.recordsPerSecond"] == 50_000)
        #expect(report.figures["vigil-alerting.ratioToLimit"] == 0.25)
        #expect(report.figures["latency.2000.defaults.p99"] == 40)
        #expect(report.figures["vigil-alerting.recordsPerCpuSecond"] == 25_250)
        #expect(report.figures["limit.recordsPerCpuSecond"] == 400_000)
        #expect(report.rows[2][8].rendered == "0.25")
    }

    @Test("target notes give verdicts")
    func targets() throws {
        let notes = Self.make(Self.results()).notes
        func note(_ prefix: String) throws -> String {
            try #require(notes.first { $0.hasPrefix(prefix) })
        }

        #expect(try note("Target, ingestion") == "Target, ingestion at least 100,000 records/s from NDJSON: "
            + "125,000 (50,000 over the process's wall time): met.")
        #expect(try note("Target, alerting").contains("50,000: missed by 50%"))
        #expect(try note("Target, alerting").hasSuffix("0.25: missed by 50%."))
        #expect(try note("Target, p99").hasSuffix("40.0 ms: met."))
        #expect(try note("Target, each service").contains("205 MB (vigil-alerting)"))
        #expect(try note("Target, each service").hasSuffix("missed by 37%."))
    }

    @Test("missing alerts bound the p99")
    func missingAlerts() throws {
        var results = Self.results()
        // 2,900 alerts arrived within 40 ms, and 100 had not arrived 10 s after the last request.
        results.latency[0].alertsArrived = 2_900
        results.latency[0].latency = LatencySummary(milliseconds: Array(repeating: 40, count: 2_900),
                                                    lowerBounds: Array(repeating: 10_500, count: 100))

        let report = Self.make(results)

        let row = try #require(report.rows.last)
        #expect(row[9].rendered == "40.0")
        #expect(row[10].rendered == "≥ 10500.0")
        #expect(row[11].rendered == "≥ 10500.0")
        #expect(row[12].rendered == "2,900 / 3,000")
        #expect(report.figures["latency.2000.defaults.missingAlerts"] == 100)
        let note = try #require(report.notes.first { $0.hasPrefix("Target, p99") })
        #expect(note.hasSuffix("≥ 10500.0 ms: missed: at least 210 times the target."))
    }

    @Test("missing alerts within the target decide nothing")
    func missingAlertsWithinTarget() throws {
        var results = Self.results()
        // Of 50 alerts, 49 arrived within 30 ms and one had not arrived 45 ms after its request: the p99 is that bound.
        results.latency[0].alertingMessages = 50
        results.latency[0].alertsArrived = 49
        results.latency[0].latency = LatencySummary(milliseconds: Array(repeating: 30, count: 49), lowerBounds: [45])

        let note = try Self.note("Target, p99", in: Self.make(results))

        #expect(note.hasSuffix("≥ 45.0 ms: unknown, because 1 alert did not arrive."))
    }

    @Test("latency row has alerts arrived")
    func alertsArrived() throws {
        let report = Self.make(Self.results())

        #expect(ServicesReport.columns[12] == "alerts arrived")
        let row = try #require(report.rows.last)
        #expect(row[12].rendered == "3,000 / 3,000")
        #expect(report.rows[0][12].rendered == "-")
    }

    @Test("load above the processors is not comparable")
    func loadNotComparable() throws {
        var results = Self.results()
        results.latency[0].loadBefore = LoadAverage(one: 2.5, five: 1, fifteen: 1)

        let report = Self.make(results)

        let stage = try #require(report.rows.last?[0].rendered)
        #expect(stage.hasSuffix(", not comparable"))
        #expect(report.figures["latency.2000.defaults.comparable"] == 0)
        let note = try Self.note("2,000/s, librdkafka defaults:", in: report)
        #expect(note.contains("; not comparable, because the load average before it was 2.50, above the 2 processors;"))
        #expect(try Self.note("Target, p99", in: report).hasSuffix("met (not comparable, see above)."))
    }

    @Test("load at the processors is comparable")
    func loadComparable() throws {
        var results = Self.results()
        results.latency[0].loadBefore = LoadAverage(one: 2, five: 3, fifteen: 3)

        let report = Self.make(results)

        #expect(report.rows.last?[0].rendered == "ingest serve → alert, 2,000/s, librdkafka defaults")
        #expect(report.figures["latency.2000.defaults.comparable"] == 1)
        #expect(!(try Self.note("2,000/s, librdkafka defaults:", in: report)).contains("not comparable"))
    }

    @Test("late requests are not comparable")
    func lateRequests() throws {
        var results = Self.results()
        results.latency[0].largestSendDelayMilliseconds = 1_500

        let report = Self.make(results)

        #expect(try #require(report.rows.last?[0].rendered).hasSuffix(", not comparable"))
        #expect(try Self.note("2,000/s, librdkafka defaults:", in: report)
            .contains("not comparable, because requests went out up to 1500 ms late"))
    }

    @Test("memory target needs the throughput part")
    func memoryWithoutThroughput() throws {
        var results = Self.results()
        results.ingestion = nil
        results.limit = nil
        results.services = []

        let note = try Self.note("Target, each service", in: Self.make(results))

        #expect(note.contains("the largest peak of the latency part is 41 MB (vigil-alerting (2,000/s))"))
        #expect(note.hasSuffix("not judged, because only the throughput part runs every service on the shared data."))
    }

    @Test("memory over the target in the latency part alone")
    func memoryMissWithoutThroughput() throws {
        var results = Self.results()
        results.ingestion = nil
        results.services = []
        results.latency[0].peakResidentKilobytes["vigil-alerting"] = 200_000

        let note = try Self.note("Target, each service", in: Self.make(results))

        #expect(note.hasSuffix("205 MB (vigil-alerting (2,000/s)): missed by 37%."))
    }

    @Test("rates round alike in table and notes")
    func rounding() throws {
        var results = Self.results()
        // 100,000 records after the first commit in 1.5 s: 66,666.67 records/s.
        results.services[0].result.timeline.caughtUpSeconds = 4.5

        let report = Self.make(results)

        #expect(report.rows[2][5].rendered == "66,667")
        #expect(try Self.note("Target, alerting", in: report).contains(": 66,667: missed by 33%"))
    }

    @Test("counts of one read in the singular")
    func plurals() throws {
        var results = Self.results()
        results.copies = 1
        results.limitRuns = 1
        results.latency[0].alertingMessages = 1
        results.latency[0].alertsArrived = 1
        results.latency[0].failures = 1
        results.latency[0].firstFailure = "hz: HTTP 500"

        let report = Self.make(results)

        #expect(report.rows[1][0].rendered == "librdkafka consumer, no processing (1 read, 5 passes each)")
        #expect(try Self.note("Throughput:", in: report).contains("then 1 copy of the chats"))
        let latency = try Self.note("2,000/s, librdkafka defaults:", in: report)
        #expect(latency.contains("1 of 1 alert arrived"))
        #expect(latency.contains("1 failed request, the first: hz: HTTP 500"))
    }
}

@Suite("Target verdict")
struct TargetVerdictTests {
    @Test("at least")
    func atLeast() {
        #expect(TargetVerdict.atLeast(100, 100) == "met")
        #expect(TargetVerdict.atLeast(77, 100) == "missed by 23%")
        #expect(TargetVerdict.atLeast(99.9, 100) == "missed by 1%")
        #expect(TargetVerdict.atLeast(50, 100) == "missed by 50%")
    }

    @Test("at least, under half the target")
    func atLeastMultiple() {
        #expect(TargetVerdict.atLeast(9_551, 100_000) == "missed: 0.096 times the target")
        #expect(TargetVerdict.atLeast(0.05, 0.5) == "missed: 0.1 times the target")
        #expect(TargetVerdict.atLeast(0, 100) == "missed: less than 0.01 times the target")
    }

    @Test("at most")
    func atMost() {
        #expect(TargetVerdict.atMost(50, 50) == "met")
        #expect(TargetVerdict.atMost(75, 50) == "missed by 50%")
        #expect(TargetVerdict.atMost(100, 50) == "missed by 100%")
        #expect(TargetVerdict.atMost(75, 50, valueIsLowerBound: true) == "missed by at least 50%")
    }

    @Test("at most, over twice the target")
    func atMostMultiple() {
        #expect(TargetVerdict.atMost(1_027.7, 50) == "missed: 21 times the target")
        #expect(TargetVerdict.atMost(113.6, 50) == "missed: 2.3 times the target")
        #expect(TargetVerdict.atMost(4_990, 50) == "missed: 100 times the target")
        #expect(TargetVerdict.atMost(250_000, 50) == "missed: 5,000 times the target")
        #expect(TargetVerdict.atMost(10_500, 50, valueIsLowerBound: true) == "missed: at least 210 times the target")
    }
}
