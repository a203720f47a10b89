import Foundation
import Testing
@testable import VigilBenchKit

@Suite("Services report")
struct ServicesReportTests {
    static let machine = MachineDescription(processorCount: 2, processorModel: "Test CPU")

    /// Results of a run in which alerting does 50,000 records/s against a limit of 200,000.
    static func results() -> ServicesResults {
        var results = ServicesResults(copies: 2, loadBefore: LoadAverage(one: 0.5, five: 0.6, fifteen: 0.7))
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
            cpuSeconds: ["vigil-alerting": 5, "vigil-ingest serve": 6], runSeconds: 40)]
        return results
    }

    @Test("one row per stage")
    func rows() {
        let report = ServicesReport.make(Self.results(), command: "vigil-bench services", machine: Self.machine)

        let stages = report.rows.map { $0[0].rendered }
        #expect(stages.count == 4)
        #expect(stages[0].hasPrefix("vigil-ingest"))
        #expect(stages[1].hasPrefix("librdkafka consumer"))
        #expect(stages[2] == "vigil-alerting")
        #expect(stages[3].hasPrefix("ingest serve → alert, 2,000/s"))
    }

    @Test("rates come from the busy time, ratios from the limit")
    func figures() {
        let report = ServicesReport.make(Self.results(), command: "vigil-bench services", machine: Self.machine)

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
        let notes = ServicesReport.make(Self.results(), command: "vigil-bench services", machine: Self.machine).notes
        func note(_ prefix: String) throws -> String {
            try #require(notes.first { $0.hasPrefix(prefix) })
        }

        #expect(try note("Target, ingestion").hasSuffix(": met."))
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

        let report = ServicesReport.make(results, command: "vigil-bench services", machine: Self.machine)

        let row = try #require(report.rows.last)
        #expect(row[9].rendered == "40.0")
        #expect(row[10].rendered == "≥ 10500.0")
        #expect(row[11].rendered == "≥ 10500.0")
        #expect(report.figures["latency.2000.defaults.missingAlerts"] == 100)
        let note = try #require(report.notes.first { $0.hasPrefix("Target, p99") })
        #expect(note.hasSuffix("≥ 10500.0 ms: missed by at least 20900%."))
    }
}

@Suite("Target verdict")
struct TargetVerdictTests {
    @Test("at least")
    func atLeast() {
        #expect(TargetVerdict.atLeast(100, 100) == "met")
        #expect(TargetVerdict.atLeast(77, 100) == "missed by 23%")
        #expect(TargetVerdict.atLeast(99.9, 100) == "missed by 1%")
    }

    @Test("at most")
    func atMost() {
        #expect(TargetVerdict.atMost(50, 50) == "met")
        #expect(TargetVerdict.atMost(75, 50) == "missed by 50%")
    }
}
