import Foundation
import Testing
@testable import VigilBenchKit

@Suite("Benchmark report")
struct BenchmarkReportTests {
    /// 2026-12-05 10:00:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_796_464_800)
    static let conditions = RunConditions(date: date, commit: "55aacfb",
                                          loadBefore: LoadAverage(one: 0.5, five: 0.75, fifteen: 1),
                                          loadAfter: LoadAverage(one: 1.25, five: 0.8, fifteen: 1.5))

    static func report() -> BenchmarkReport {
        var report = BenchmarkReport(name: "sample", title: "Sample", command: "vigil-bench sample",
                                     machine: MachineDescription(processorCount: 2, processorModel: "Test CPU"),
                                     conditions: conditions, columns: ["case", "records/s", "p99 ms"])
        report.append([.text("first"), .integer(1_234_567), .number(4.25, decimals: 1)])
        report.append([.text("second case"), .integer(12), .empty])
        report.notes = ["A note."]
        report.figures["ratio"] = 0.5
        return report
    }

    @Test("text aligns text left and numbers right")
    func text() {
        let lines = Self.report().text.split(separator: "\n", omittingEmptySubsequences: false)

        #expect(lines[0] == "Sample")
        #expect(lines[1].hasPrefix("Machine: 2 processors, Test CPU. Date: "))
        #expect(lines[2] == "case         records/s  p99 ms")
        #expect(lines[4] == "first        1,234,567     4.2")
        #expect(lines[5] == "second case         12       -")
        #expect(lines[6] == "A note.")
    }

    @Test("Markdown has the machine, the command and right-aligned numbers")
    func markdown() {
        let markdown = Self.report().markdown

        #expect(markdown.contains("Machine: 2 processors, Test CPU. Date: "))
        #expect(markdown.contains(". Command: `vigil-bench sample`."))
        #expect(markdown.contains("| case | records/s | p99 ms |\n| --- | ---: | ---: |"))
        #expect(markdown.contains("| second case | 12 | - |"))
        #expect(markdown.hasSuffix("- A note.\n"))
    }

    @Test("header has date, commit and load")
    func header() throws {
        let header = try #require(Self.report().markdown.split(separator: "\n").first { $0.hasPrefix("Machine:") })

        #expect(header.contains("Date: \(Self.conditions.isoDate), commit: 55aacfb, "))
        #expect(header.contains("load average (1/5/15 minutes): 0.50/0.75/1.00 before, 1.25/0.80/1.50 after."))
    }

    @Test("ISO date carries an offset")
    func isoDate() throws {
        let text = Self.conditions.isoDate

        #expect(text.contains(#/^2026-12-0[45]T\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/#))
        #expect(ISO8601DateFormatter().date(from: text) == Self.date)
    }

    @Test("header without commit or load")
    func unknownConditions() {
        var report = Self.report()
        report.conditions = RunConditions(date: Self.date, commit: nil, loadBefore: nil)

        #expect(report.markdown.contains("commit: unknown, load average (1/5/15 minutes): unknown."))
    }

    @Test("one processor in the singular")
    func singleProcessor() {
        var report = Self.report()
        report.machine.processorCount = 1

        #expect(report.markdown.contains("Machine: 1 processor, Test CPU."))
    }

    @Test("JSON keeps numbers unrounded and empty cells as null")
    func json() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Self.report().json) as? [String: Any])

        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["p99 ms"] as? Double == 4.25)
        #expect(rows[0]["records/s"] as? Int == 1_234_567)
        #expect(rows[1]["p99 ms"] is NSNull)
        #expect((object["figures"] as? [String: Double])?["ratio"] == 0.5)
        #expect(object["benchmark"] as? String == "sample")
    }

    @Test("JSON has date, commit and load averages")
    func jsonConditions() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Self.report().json) as? [String: Any])

        #expect(object["date"] as? String == Self.conditions.isoDate)
        #expect(object["commit"] as? String == "55aacfb")
        let before = try #require(object["loadAverageBefore"] as? [String: Double])
        #expect(before == ["oneMinute": 0.5, "fiveMinutes": 0.75, "fifteenMinutes": 1])
        let after = try #require(object["loadAverageAfter"] as? [String: Double])
        #expect(after["oneMinute"] == 1.25)
        #expect(object["partial"] as? Bool == false)
    }

    @Test("JSON without commit or load has nulls")
    func jsonUnknownConditions() throws {
        var report = Self.report()
        report.conditions = RunConditions(date: Self.date, commit: nil, loadBefore: nil)

        let object = try #require(try JSONSerialization.jsonObject(with: report.json) as? [String: Any])

        #expect(object["commit"] is NSNull)
        #expect(object["loadAverageBefore"] is NSNull)
        #expect(object["loadAverageAfter"] is NSNull)
    }

    @Test("composite cells are numbers in JSON")
    func compositeCells() throws {
        var report = BenchmarkReport(name: "sample", title: "Sample", command: "vigil-bench sample",
                                     machine: MachineDescription(processorCount: 2, processorModel: "Test CPU"),
                                     conditions: Self.conditions,
                                     columns: ["case", "min-max messages/s", "p99 ms", "alerts arrived", "peak RSS MB"])
        report.append([.text("run"), .range(747_556, 801_002), .lowerBound(10_500.25, decimals: 1),
                       .fraction(2_900, of: 3_000), .labeled([.init("alerting", 66.4), .init("serve", 36.2)], decimals: 0)])

        let cells = report.rows[0].map(\.rendered)
        #expect(cells == ["run", "747,556 - 801,002", "≥ 10500.2", "2,900 / 3,000", "alerting 66, serve 36"])

        let object = try #require(try JSONSerialization.jsonObject(with: report.json) as? [String: Any])
        let row = try #require((object["rows"] as? [[String: Any]])?.first)
        #expect(row["min-max messages/s"] as? [String: Int] == ["min": 747_556, "max": 801_002])
        #expect(row["p99 ms"] as? Double == 10_500.25)
        #expect(row["lowerBounds"] as? [String] == ["p99 ms"])
        #expect(row["alerts arrived"] as? [String: Int] == ["count": 2_900, "of": 3_000])
        #expect(row["peak RSS MB"] as? [String: Double] == ["alerting": 66.4, "serve": 36.2])
    }

    @Test("write puts NAME.md and NAME.json in the folder")
    func write() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let paths = try Self.report().write(to: folder.path)

        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["sample.md", "sample.json"])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == Self.report().markdown)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[1])) == Self.report().json)
    }

    @Test("partial report gets its own files")
    func partialWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var report = Self.report()
        report.isPartial = true

        let paths = try report.write(to: folder.path)

        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["sample-partial.md", "sample-partial.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: report.json) as? [String: Any])
        #expect(object["partial"] as? Bool == true)
    }

    @Test("write failure names the path and the reason")
    func writeFailure() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-report-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        #expect(throws: PathError("cannot create the output folder \(file.path)/out: Not a directory")) {
            try Self.report().write(to: file.path + "/out")
        }
    }
}

@Suite("English counts")
struct EnglishTests {
    @Test("singular for one, plural otherwise")
    func counts() {
        #expect(English.count(1, "run") == "1 run")
        #expect(English.count(0, "run") == "0 runs")
        #expect(English.count(2_000, "run") == "2,000 runs")
        #expect(English.count(1, "copy", plural: "copies") == "1 copy")
        #expect(English.count(3, "copy", plural: "copies") == "3 copies")
    }
}
