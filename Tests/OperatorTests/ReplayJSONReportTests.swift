import Foundation
import Testing
import VigilContracts
@testable import Operator

@Suite("Replay JSON report")
struct ReplayJSONReportTests {
    private func sample() throws -> (ReplayComparison, AlertBacktest) {
        let live = [try ReplayFixture.record(ReplayFixture.alert("a-1", severity: .high)),
                    ReplayFixture.record("case.events", id: "c-raw", json: "not json"),
                    ReplayFixture.record("case.events", id: "c-same", json: #"{"a":1}"#)]
        let replay = [try ReplayFixture.record(ReplayFixture.alert("a-1", severity: .critical, ruleVersion: "v13")),
                      try ReplayFixture.record(ReplayFixture.alert("a-2", ruleVersion: "v13")),
                      ReplayFixture.record("case.events", id: "c-same", json: #"{"a":1}"#)]
        let comparison = ReplayDiff.compare(live: live, replay: replay)
        return (comparison, AlertBacktest(comparison: comparison))
    }

    @Test("JSON round trip")
    func roundTrip() throws {
        let (comparison, backtest) = try sample()
        let header = ReplayFixture.header(live: "v12", candidate: "v13")
        let text = ReplayReport.json(comparison, backtest: backtest, header: header)

        let decoded = try JSONDecoder().decode(ReplayReportDocument.self, from: Data(text.utf8))
        let expected = ReplayReportDocument(comparison: comparison, backtest: backtest, header: header)
        #expect(decoded == expected)
        #expect(decoded.records.map(\.id) == ["a-1", "a-2", "c-raw"], "matched records are left out")
        #expect(decoded.topics.map(\.topic) == ["alerts", "case.events"])
        #expect(decoded.backtest?.added.map(\.alertId) == ["a-2"])
        #expect(decoded.backtest?.changed.first?.changes.first?.fields.map(\.path) == ["severity"])
        #expect(text.hasSuffix("}\n"))
    }

    @Test("JSON fields and values")
    func fields() throws {
        let (comparison, backtest) = try sample()
        let text = ReplayReport.json(comparison, backtest: backtest, header: ReplayFixture.header(live: "v12", candidate: "v13"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])

        #expect(object["service"] as? String == "alerting")
        #expect(object["from"] as? String == "2026-11-11T00:00:00+08:00")
        #expect(object["to"] as? String == "2026-11-12T00:00:00+08:00")
        #expect(object["clean"] as? Bool == false)
        #expect((object["rulesVersion"] as? [String: Any])?["candidate"] as? String == "v13")
        #expect((object["watermarks"] as? [String: Any])?["live"] as? Int == 24)
        #expect((object["inputRecords"] as? [String: Any])?["roster"] as? Int == 30)
        #expect((object["inputWatermarks"] as? [String: Any])?["chat.messages"] as? Int == 48)
        #expect((object["lateInputRecords"] as? [String: Any])?.isEmpty == true)

        let records = try #require(object["records"] as? [[String: Any]])
        let raw = try #require(records.first { $0["id"] as? String == "c-raw" })
        let rawLive = try #require(raw["live"] as? [String: Any])
        #expect(raw["outcome"] as? String == "missing")
        #expect(rawLive["valueBase64"] as? String == Data("not json".utf8).base64EncodedString())
        #expect(rawLive["value"] == nil)

        let changed = try #require(records.first { $0["id"] as? String == "a-1" })
        let replayValue = try #require((changed["replay"] as? [String: Any])?["value"] as? [String: Any])
        #expect(replayValue["severity"] as? String == "critical")
        let fields = try #require(changed["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["path"] as? String }.contains("severity"))
    }

    @Test("JSON keys are sorted")
    func sortedKeys() throws {
        let (comparison, backtest) = try sample()
        let text = ReplayReport.json(comparison, backtest: backtest, header: ReplayFixture.header())
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            String($0.dropFirst(3).prefix { $0 != "\"" })
        }
        #expect(topLevel == ["backtest", "clean", "conflicts", "from", "inputRecords", "inputWatermarks",
                             "lateInputRecords", "orderDifferences", "records", "rulesVersion", "service", "to",
                             "topics", "watermarks"])
        #expect(ReplayReport.json(comparison, backtest: backtest, header: ReplayFixture.header()) == text)
    }

    @Test("late input records per topic")
    func lateInputRecords() throws {
        var header = ReplayFixture.header()
        header.service = "escalation"
        header.lateInputRecords = ["alerts": 3, "complaints": 1]
        let text = ReplayReport.json(ReplayDiff.compare(live: [], replay: []), backtest: nil, header: header)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let late = try #require(object["lateInputRecords"] as? [String: Any])
        #expect(late["alerts"] as? Int == 3)
        #expect(late["complaints"] as? Int == 1)
    }

    @Test("backtest keeps version-only records")
    func backtestKeepsVersionOnlyRecords() throws {
        let live = try (0..<3).map { try ReplayFixture.record(ReplayFixture.alert("a-\($0)", ruleVersion: "v12")) }
        let replay = try (0..<3).map { try ReplayFixture.record(ReplayFixture.alert("a-\($0)", ruleVersion: "v13")) }
        let comparison = ReplayDiff.compare(live: live, replay: replay)
        let text = ReplayReport.json(comparison, backtest: AlertBacktest(comparison: comparison),
                                     header: ReplayFixture.header(live: "v12", candidate: "v13"))
        let decoded = try JSONDecoder().decode(ReplayReportDocument.self, from: Data(text.utf8))
        #expect(decoded.records.map(\.id) == ["a-0", "a-1", "a-2"])
        #expect(decoded.records.allSatisfy { $0.fields.contains { $0.path == "ruleVersion" } })
        #expect(decoded.backtest?.unchanged == 3)
    }

    @Test("record values show texts masked")
    func valuesMasked() throws {
        let comparison = ReplayDiff.compare(
            live: [ReplayFixture.record(id: "c1", json: #"{"plan":"回访 15167328840","n":[{"note":"卡 6258073012345677"}]}"#)],
            replay: [])
        let text = ReplayReport.json(comparison, backtest: nil, header: ReplayFixture.header())

        #expect(!text.contains("15167328840"))
        #expect(!text.contains("6258073012345677"))
        #expect(text.contains("回访 151****8840"))
        #expect(text.contains("卡 ************5677"))
    }

    @Test("absent backtest and field values")
    func absentParts() throws {
        let comparison = ReplayDiff.compare(live: [ReplayFixture.record(id: "c1", json: #"{"a":1}"#)],
                                            replay: [ReplayFixture.record(id: "c1", json: #"{"a":1,"b":null}"#)])
        let text = ReplayReport.json(comparison, backtest: nil, header: ReplayFixture.header())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["backtest"] == nil)
        let field = try #require(((object["records"] as? [[String: Any]])?.first?["fields"] as? [[String: Any]])?.first)
        #expect(field["path"] as? String == "b")
        #expect(field["live"] == nil, "an absent field has no live key")
        #expect(field["replay"] as? String == "null", "a JSON null is the text null")
    }
}
