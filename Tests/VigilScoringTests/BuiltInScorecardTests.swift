import Foundation
import Testing
import VigilContracts
@testable import VigilScoring

@Suite("Built-in scorecard")
struct BuiltInScorecardTests {
    /// scorecards/default.json, found from this file's path.
    static let defaultFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scorecards/default.json").path

    @Test("text equals scorecards/default.json")
    func textEqualsFile() throws {
        let file = try String(contentsOfFile: Self.defaultFile, encoding: .utf8)
        #expect(file == Scorecard.builtInText)
    }

    @Test("file loads to the built-in scorecard")
    func fileLoads() throws {
        let loaded = try Scorecard.load(path: Self.defaultFile)
        #expect(loaded == Scorecard.builtIn)
    }

    @Test("defaults match the documented values")
    func documentedDefaults() {
        let scorecard = Scorecard.builtIn
        #expect(scorecard.version == "2026.12-1")
        #expect(scorecard.zoneOffsetSeconds == 8 * 3600)
        #expect(scorecard.responseCapSeconds == 600)
        #expect(scorecard.replyLimitSeconds == 180)
        #expect(scorecard.conversionHours == 24)
        #expect(scorecard.criticalItems.map(\.id) == ["regulator-human-cause"])
        #expect(scorecard.criticalItems.first?.measure == .regulatorHumanCauseCases)
        #expect(scorecard.criticalItems.first?.maximum == 0)
    }

    @Test("items have names in both languages")
    func itemNames() {
        let scorecard = Scorecard.builtIn
        let names = scorecard.items.map(\.name) + scorecard.criticalItems.map(\.name) + scorecard.campaigns.map(\.name)
        for name in names {
            #expect(!name.chinese.isEmpty)
            #expect(!name.english.isEmpty)
            #expect(name.chinese != name.english)
        }
    }

    @Test("double 11 window and targets")
    func doubleEleven() throws {
        let campaign = try #require(Scorecard.builtIn.campaign(id: "2026-double11"))
        #expect(campaign.from.iso8601 == "2026-10-31T20:00:00+08:00")
        #expect(campaign.to.iso8601 == "2026-11-12T00:00:00+08:00")
        #expect(campaign.rewardTopN == 3)
        #expect(Set(campaign.teamTargets.keys) == ["T-hz-a", "T-hz-b", "T-hf-a", "T-hf-b", "T-cd-a", "T-cd-b"])
    }
}
