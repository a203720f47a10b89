import Alerting
import Foundation
import Testing
@testable import VigilBenchKit

@Suite("Matcher benchmark")
struct MatcherBenchmarkTests {
    /// Options for a short run on a few chat lines in a new folder, with the repository's default rules.
    static func options(in folder: String) throws -> MatcherBenchmark.Options {
        let lines = [#"{"text":"你们再不退款我就打12315投诉","role":"customer"}"#,
                     #"{"text":"亲，已经为您登记，请稍等","role":"agent"}"#,
                     #"{"text":"订单已发货","role":"system"}"#]
        for file in MatcherBenchmark.chatFiles {
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
        }
        var options = MatcherBenchmark.Options()
        options.dataDirectory = folder
        options.rulesPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/default.json").path
        options.runs = 1
        options.minimumSeconds = 0.001
        return options
    }

    @Test("write-rules writes every set whatever the cases")
    func writeRulesWithOneCase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-matcher-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = try Self.options(in: folder)
        options.cases = ["normalizer"]
        options.generatedRulesDirectory = folder + "/rules"
        var lines: [String] = []

        let report = try MatcherBenchmark(options: options).run(command: "vigil-bench matcher") { lines.append($0) }

        #expect(report.rows.count == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder + "/rules").sorted()
        #expect(written == ["generated-common-10000.json", "generated-common-50.json", "generated-phrases-10000.json",
                            "generated-phrases-50.json"])
        for file in written {
            let parsed = try RuleSetParser.parse(text: String(contentsOfFile: folder + "/rules/" + file, encoding: .utf8))
            #expect(parsed.rules.count == (file.contains("10000") ? 10_000 : 50))
            #expect(lines.contains("wrote \(folder)/rules/\(file)"))
        }
    }

    @Test("partial run has its own files and singular counts")
    func partialRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-matcher-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = try Self.options(in: folder)
        options.cases = ["default"]
        var lines: [String] = []

        let report = try MatcherBenchmark(options: options).run(command: "vigil-bench matcher") { lines.append($0) }

        #expect(report.isPartial)
        #expect(report.fileStem == "matcher-partial")
        #expect(lines.contains("compiling 1 rule set"))
        #expect(lines.contains("timing 2 cases, 1 round"))
        #expect(report.notes[0].hasPrefix("One run of at least 0.001 s per case, on one thread"))
        #expect(report.conditions.loadBefore != nil)
        #expect(report.conditions.loadAfter != nil)
    }

    @Test("every case is a full run")
    func fullRun() throws {
        var options = MatcherBenchmark.Options()
        #expect(!MatcherBenchmark(options: options).isPartial)
        options.cases = Set(MatcherBenchmark.caseNames)
        #expect(!MatcherBenchmark(options: options).isPartial)
        options.cases = Set(MatcherBenchmark.caseNames.dropLast())
        #expect(MatcherBenchmark(options: options).isPartial)
    }

    @Test("median and min-max round alike")
    func rounding() {
        let oneRun = ThroughputMeasurement(itemsPerSecond: [747_556.6], bytesPerSecond: [1e6], checkValue: 3)

        let row = MatcherBenchmark.row("default rules", rules: 23, keywords: 266, oneRun, matchingOnly: oneRun).map(\.rendered)

        #expect(row[3] == "747,557")
        #expect(row[5] == "747,557 - 747,557")
        #expect(row[6] == "747,557")

        let threeRuns = ThroughputMeasurement(itemsPerSecond: [800_000.5, 747_556.4, 747_556.6], bytesPerSecond: [1, 1, 1],
                                              checkValue: 3)
        let cells = MatcherBenchmark.row("default rules", rules: 23, keywords: 266, threeRuns, matchingOnly: nil).map(\.rendered)
        #expect(cells[3] == "747,557")
        #expect(cells[5] == "747,556 - 800,001")
    }
}

@Suite("Services benchmark")
struct ServicesBenchmarkTests {
    @Test("one part is partial")
    func partial() {
        var options = ServicesBenchmark.Options()
        #expect(!ServicesBenchmark(options: options).isPartial)
        options.parts = ["latency"]
        #expect(ServicesBenchmark(options: options).isPartial)
        options.parts = ["throughput"]
        #expect(ServicesBenchmark(options: options).isPartial)
    }
}
