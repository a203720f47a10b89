import Alerting
import Foundation
import Testing
import VigilContracts

/// `vigil replay` after a full pipeline run on the real chats.
@Suite("Replay after the pipeline", .serialized, .enabled(if: SharedData.isAvailable || SharedData.isRequired))
struct ReplayPipelineTests {
    /// The range covers every event time of the data (11 to 15 November 2026, +08:00).
    private let range = ["--from", "2026-11-01T00:00+08:00", "--to", "2026-12-01T00:00+08:00"]

    @Test("every service replays clean, backtest drops media, commands replay clean")
    func replaysAndBacktest() throws {
        let harness = try PipelineHarness()
        defer { harness.stop() }
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }
        try harness.ingest(SharedData.chatFiles.map(SharedData.file) + SharedData.otherFiles.map(SharedData.file))
        try harness.waitUntilIdle()

        // The live alerting runs from the rules file, with no release on the
        // rules topic, so the replay pins the same file.
        let rules = SharedData.packageRoot.appendingPathComponent("rules/default.json").path
        let scorecard = harness.work.appendingPathComponent("scorecard.json").path
        let runs: [(service: String, options: [String])] = [
            ("alerting", ["--rules", rules]),
            ("escalation", []),
            ("scoring", ["--scorecard", scorecard]),
            ("scoring-totals", ["--scorecard", scorecard]),
        ]
        for run in runs {
            let (status, report) = try replay(harness, [run.service] + run.options + range)
            let topics = report["topics"] as? [[String: Any]] ?? []
            #expect(topics.contains { ($0["matched"] as? Int ?? 0) > 0 }, "\(run.service) compared records")

            #expect(status == 0, "vigil replay \(run.service) is clean: \(differences(report))")
            #expect(report["clean"] as? Bool == true)
        }

        // Backtest: the default rules without the media category. Only the
        // media alerts may go, because no other rule refers to a media rule.
        let live = try harness.reader.events(Alert.self, of: harness.catalogue.alerts).events
        let media = Set(live.filter { $0.category == .media }.map(\.id))
        try #require(!media.isEmpty, "the data raises media alerts")
        let candidate = try candidateWithoutMedia(rules)
        let path = harness.work.appendingPathComponent("candidate.json").path
        try candidate.write(toFile: path, atomically: true, encoding: .utf8)

        let (status, report) = try replay(harness, ["alerting", "--rules", path] + range)
        #expect(status == 1)
        let backtest = try #require(report["backtest"] as? [String: Any])
        let dropped = (backtest["dropped"] as? [[String: Any]] ?? []).compactMap { $0["alertId"] as? String }
        #expect(Set(dropped) == media)
        #expect(dropped.count == media.count)
        #expect((backtest["added"] as? [Any])?.isEmpty == true)
        #expect((backtest["changed"] as? [Any])?.isEmpty == true)
        #expect(backtest["unchanged"] as? Int == Set(live.map(\.id)).count - media.count)

        // The case commands, sent after the import and released by `vigil clock`,
        // meet their cases in the replay as they did live.
        let review = try PipelineTests.runCaseScript(harness: harness)
        #expect(review.failures.isEmpty, "failed commands:\n\(review.failures.joined(separator: "\n"))")
        let (commandStatus, commandReport) = try replay(harness, ["escalation"] + range)
        #expect(commandStatus == 0, "escalation replays clean after the commands: \(differences(commandReport))")
        let inputs = commandReport["inputRecords"] as? [String: Any]
        #expect((inputs?["case.commands"] as? Int ?? 0) > 0, "the replay read the commands")
    }

    /// Runs `vigil replay` with a JSON report and returns its exit status and the parsed report.
    private func replay(_ harness: PipelineHarness, _ arguments: [String]) throws -> (Int32, [String: Any]) {
        let path = harness.work.appendingPathComponent("replay-\(UUID().uuidString).json").path
        let (status, _) = try harness.runVigil(["replay"] + arguments + ["--format", "json", "--output", path])
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any],
                                  "vigil replay \(arguments.joined(separator: " ")) wrote a JSON object")
        return (status, report)
    }

    /// Returns the first differing records of a report, for a failure message.
    private func differences(_ report: [String: Any]) -> String {
        let records = report["records"] as? [[String: Any]] ?? []
        return records.prefix(3).map { record in
            let fields = (record["fields"] as? [[String: Any]] ?? []).map { field in
                "\(field["path"] ?? "?"): \(field["live"] ?? "-") -> \(field["replay"] ?? "-")"
            }
            return "\(record["outcome"] ?? "?") \(record["topic"] ?? "?") \(record["id"] ?? "?") "
                + fields.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// Returns the rules file at `path` without its media rules, under a new version.
    private func candidateWithoutMedia(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rules = try #require(file["rules"] as? [[String: Any]])
        file["rules"] = rules.filter { $0["category"] as? String != "media" }
        file["version"] = "\(file["version"] ?? "")-no-media"
        let text = try JSONSerialization.data(withJSONObject: file, options: [.sortedKeys])
        return String(decoding: text, as: UTF8.self)
    }
}
