import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilScoring
@testable import Scoring

@Suite("ScoringStages")
struct ScoringStagesTests {
    private func stages(_ arguments: [String], environment: [String: String] = [:]) throws -> [ServiceStage] {
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "vigil-scoring")
                                         + ScoringStages.options)
        let parsed = try options.parse(["--store", "/tmp/scoring/vigil-scoring.sqlite"] + arguments,
                                       environment: environment)
        let configuration = try ServiceConfiguration(serviceName: "vigil-scoring", options: parsed)
        return try ScoringStages.stages(configuration: configuration, options: parsed)
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    private func scorecardFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("both stages by default")
    func bothByDefault() throws {
        let stages = try stages([])

        #expect(stages.map(\.name) == ["facts", "totals"])
        #expect(stages.map(\.configuration.groupId) == ["vigil-scoring", "vigil-scoring-totals"])
        #expect(stages.map(\.configuration.storePath) == ["/tmp/scoring/vigil-scoring.sqlite",
                                                          "/tmp/scoring/vigil-scoring-totals.sqlite"])
        #expect(stages.first?.processor is ScoringFactsProcessor)
        #expect(stages.last?.processor is ScoreTotalsProcessor)
    }

    @Test("one stage selected")
    func oneStage() throws {
        let totals = try stages(["--stage", "totals"])
        let facts = try stages([], environment: ["VIGIL_SCORING_STAGE": "facts"])

        #expect(totals.map(\.name) == ["totals"])
        #expect(totals.first?.configuration.groupId == "vigil-scoring-totals")
        #expect(facts.map(\.name) == ["facts"])
        #expect(facts.first?.configuration.groupId == "vigil-scoring")
    }

    @Test("unknown stage rejected")
    func unknownStage() throws {
        let error = try #require(throws: UsageError.self) { try stages(["--stage", "sums"]) }

        #expect(error.message.contains("\"sums\""))
    }

    @Test("built-in scorecard by default")
    func builtInScorecard() throws {
        let stages = try stages([])

        let totals = try #require(stages.last?.processor as? ScoreTotalsProcessor)
        #expect(totals.scorecard == Scorecard.builtIn)
        let facts = try #require(stages.first?.processor as? ScoringFactsProcessor)
        #expect(facts.conversionHours == Scorecard.builtIn.conversionHours)
    }

    @Test("scorecard file reaches both stages")
    func scorecardFile() throws {
        let text = Scorecard.builtInText.replacingOccurrences(of: "\"conversionHours\": 24",
                                                               with: "\"conversionHours\": 48")
        let path = try scorecardFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let stages = try stages([], environment: ["VIGIL_SCORECARD": path])

        let facts = try #require(stages.first?.processor as? ScoringFactsProcessor)
        #expect(facts.conversionHours == 48)
        let totals = try #require(stages.last?.processor as? ScoreTotalsProcessor)
        #expect(totals.scorecard.conversionHours == 48)
        #expect(totals.scorecard.items == Scorecard.builtIn.items)
    }

    @Test("invalid scorecard is usage error with position")
    func invalidScorecard() throws {
        let path = try scorecardFile("{\n  \"version\": \"x\",\n  \"zone\": \"+08:00\",\n  \"items\": [ {\"id\": 1} ]\n}\n")
        defer { try? FileManager.default.removeItem(atPath: path) }

        let error = try #require(throws: UsageError.self) { try stages(["--scorecard", path]) }

        #expect(error.message.hasPrefix("\(path):4:"), "\(error.message)")
    }

    @Test("missing scorecard file is usage error")
    func missingScorecard() throws {
        let error = try #require(throws: UsageError.self) { try stages(["--scorecard", "/nonexistent/card.json"]) }

        #expect(error.message.contains("/nonexistent/card.json"))
    }
}
