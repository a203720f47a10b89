import Foundation
import Testing
@testable import VigilBenchKit

@Suite("Benchmark report")
struct BenchmarkReportTests {
    static func report() -> BenchmarkReport {
        var report = BenchmarkReport(name: "sample", title: "Sample", command: "vigil-bench sample",
                                     machine: MachineDescription(processorCount: 2, processorModel: "Test CPU"),
                                     columns: ["case", "records/s", "p99 ms"])
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
        #expect(lines[1] == "case         records/s  p99 ms")
        #expect(lines[3] == "first        1,234,567     4.2")
        #expect(lines[4] == "second case         12       -")
        #expect(lines[5] == "A note.")
    }

    @Test("Markdown has the machine, the command and right-aligned numbers")
    func markdown() {
        let markdown = Self.report().markdown

        #expect(markdown.contains("Machine: 2 processors, Test CPU. Command: `vigil-bench sample`."))
        #expect(markdown.contains("| case | records/s | p99 ms |\n| --- | ---: | ---: |"))
        #expect(markdown.contains("| second case | 12 | - |"))
        #expect(markdown.hasSuffix("- A note.\n"))
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

    @Test("write puts NAME.md and NAME.json in the folder")
    func write() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let paths = try Self.report().write(to: folder.path)

        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["sample.md", "sample.json"])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == Self.report().markdown)
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[1])) == Self.report().json)
    }
}
