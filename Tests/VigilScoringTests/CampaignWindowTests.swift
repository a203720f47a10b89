import Testing
import VigilContracts
@testable import VigilScoring

@Suite("Campaign windows")
struct CampaignWindowTests {
    static let zone: Int32 = 8 * 3600

    static func doubleEleven() throws -> Campaign {
        Campaign(id: "d11", name: ScoringFixtures.name("d11"),
                 from: try ScoringFixtures.time("2026-10-31T20:00:00+08:00"),
                 to: try ScoringFixtures.time("2026-11-12T00:00:00+08:00"), rewardTopN: 3, teamTargets: [:])
    }

    /// Returns the campaign periods among the periods containing `text`.
    static func campaignPeriods(at text: String) throws -> [ScorePeriod] {
        let time = try ScoringFixtures.time(text)
        return ScorePeriods.periods(containing: time, zoneOffsetSeconds: zone, campaigns: [try doubleEleven()])
            .filter { $0.kind == .campaign }
    }

    @Test("opens at from, not a millisecond before")
    func opensAtFrom() throws {
        let campaign = try Self.doubleEleven()
        #expect(!campaign.contains(try ScoringFixtures.time("2026-10-31T19:59:59.999+08:00")))
        #expect(campaign.contains(try ScoringFixtures.time("2026-10-31T20:00:00+08:00")))
        #expect(try Self.campaignPeriods(at: "2026-10-31T19:59:59.999+08:00").isEmpty)
        #expect(try Self.campaignPeriods(at: "2026-10-31T20:00:00.000+08:00").map(\.key) == ["campaign/d11"])
    }

    @Test("closes at to, which it excludes")
    func closesAtTo() throws {
        let campaign = try Self.doubleEleven()
        #expect(campaign.contains(try ScoringFixtures.time("2026-11-11T23:59:59.999+08:00")))
        #expect(!campaign.contains(try ScoringFixtures.time("2026-11-12T00:00:00+08:00")))
        #expect(try Self.campaignPeriods(at: "2026-11-11T23:59:59.999+08:00").map(\.key) == ["campaign/d11"])
        #expect(try Self.campaignPeriods(at: "2026-11-12T00:00:00+08:00").isEmpty)
    }

    @Test("UTC times compare as instants")
    func utcTimes() throws {
        let campaign = try Self.doubleEleven()
        // 16:30Z on the 11th is 00:30 on the 12th in +08:00, after the window.
        #expect(!campaign.contains(try ScoringFixtures.time("2026-11-11T16:30:00Z")))
        #expect(campaign.contains(try ScoringFixtures.time("2026-11-11T15:59:59Z")))
        // 12:00Z on 31 October is 20:00 in +08:00, the first instant.
        #expect(campaign.contains(try ScoringFixtures.time("2026-10-31T12:00:00Z")))
        #expect(!campaign.contains(try ScoringFixtures.time("2026-10-31T11:59:59.999Z")))
    }

    @Test("UTC time falls on the next day in +08:00")
    func utcNextDay() throws {
        let time = try ScoringFixtures.time("2026-11-11T16:30:00Z")
        let periods = ScorePeriods.periods(containing: time, zoneOffsetSeconds: Self.zone,
                                           campaigns: [try Self.doubleEleven()])
        #expect(periods.map(\.key) == ["day/2026-11-12", "week/2026-11-09", "month/2026-11-01"])
    }

    @Test("campaign period starts on from's day")
    func campaignPeriodStart() throws {
        let periods = try Self.campaignPeriods(at: "2026-11-05T10:00:00+08:00")
        #expect(periods == [ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: "d11")])
    }

    @Test("bounds are the window itself")
    func bounds() throws {
        let campaign = try Self.doubleEleven()
        let period = ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: "d11")
        let range = ScorePeriods.bounds(of: period, zoneOffsetSeconds: Self.zone, campaigns: [campaign])
        #expect(range == campaign.from.epochMilliseconds..<campaign.to.epochMilliseconds)
    }

    @Test("unknown campaign has no bounds")
    func unknownCampaign() throws {
        let period = ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: "d12")
        #expect(ScorePeriods.bounds(of: period, zoneOffsetSeconds: Self.zone, campaigns: [try Self.doubleEleven()]) == nil)
        let withoutId = ScorePeriod(kind: .campaign, start: "2026-10-31")
        #expect(ScorePeriods.bounds(of: withoutId, zoneOffsetSeconds: Self.zone,
                                    campaigns: [try Self.doubleEleven()]) == nil)
    }

    @Test("overlapping campaigns both contain a time")
    func overlapping() throws {
        var preSale = try Self.doubleEleven()
        preSale.id = "presale"
        preSale.to = try ScoringFixtures.time("2026-11-01T00:00:00+08:00")
        let time = try ScoringFixtures.time("2026-10-31T22:00:00+08:00")
        let periods = ScorePeriods.periods(containing: time, zoneOffsetSeconds: Self.zone,
                                           campaigns: [try Self.doubleEleven(), preSale])
        #expect(periods.filter { $0.kind == .campaign }.compactMap(\.campaign) == ["d11", "presale"])
    }
}
