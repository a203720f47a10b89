import Foundation
import Testing
import VigilContracts
@testable import VigilScoring

@Suite("Campaign standings")
struct CampaignStandingsTests {
    typealias Fixtures = ScoringFixtures

    static func campaign(targets: [String: Decimal] = ["T-a": 1000], rewardTopN: Int = 2) throws -> Campaign {
        Campaign(id: "d11", name: Fixtures.name("d11"), from: try Fixtures.time("2026-10-31T20:00:00+08:00"),
                 to: try Fixtures.time("2026-11-12T00:00:00+08:00"), rewardTopN: rewardTopN, teamTargets: targets)
    }

    /// Four sellers with 500, 300, 300 and 100 in the window, plus orders the board must ignore.
    static func facts() throws -> [ScoringFact] {
        let inside = try Fixtures.time("2026-11-11T10:00:00+08:00")
        return [
            Fixtures.order("O-1", amount: 300, agent: "A-3", time: inside),
            Fixtures.order("O-2", amount: 200, agent: "A-3", time: inside),
            Fixtures.order("O-3", amount: 300, agent: "A-2", time: inside),
            Fixtures.order("O-4", amount: 300, agent: "A-1", time: inside),
            Fixtures.order("O-5", amount: 100, agent: "A-4", time: inside),
            Fixtures.order("O-6", amount: 50, agent: nil, time: inside),
            // Paid a millisecond before the window opens and exactly when it closes.
            Fixtures.order("O-7", amount: 9_000, agent: "A-4", time: try Fixtures.time("2026-10-31T19:59:59.999+08:00")),
            Fixtures.order("O-8", amount: 9_000, agent: "A-4", time: try Fixtures.time("2026-11-12T00:00:00+08:00")),
            // Retracted, and another team's.
            Fixtures.order("O-9", amount: 9_000, agent: "A-4", time: inside, revision: 2, retracted: true),
            Fixtures.order("O-10", amount: 9_000, agent: "A-4", time: inside,
                           subject: ScoreSubject(kind: .team, id: "T-b")),
        ]
    }

    @Test("target met rewards only the top N")
    func targetMet() throws {
        let standing = CampaignStandings.standing(team: "T-a", campaign: try Self.campaign(), facts: try Self.facts())
        #expect(standing.campaign == "d11")
        #expect(standing.teamSales == 1250)
        #expect(standing.target == 1000)
        #expect(standing.targetMet)
        #expect(standing.rewardTopN == 2)
        #expect(standing.leaderboard.map(\.agent) == ["A-3", "A-1", "A-2", "A-4"])
        #expect(standing.leaderboard.map(\.rank) == [1, 2, 3, 4])
        #expect(standing.leaderboard.map(\.sales) == [500, 300, 300, 100])
        #expect(standing.leaderboard.map(\.orders) == [2, 1, 1, 1])
        #expect(standing.leaderboard.map(\.rewarded) == [true, true, false, false])
    }

    @Test("target reached exactly counts as met")
    func targetExactlyMet() throws {
        let standing = CampaignStandings.standing(team: "T-a", campaign: try Self.campaign(targets: ["T-a": 1250]),
                                                  facts: try Self.facts())
        #expect(standing.targetMet)
        #expect(standing.leaderboard.filter(\.rewarded).count == 2)
    }

    @Test("target missed rewards nobody")
    func targetMissed() throws {
        let campaign = try Self.campaign(targets: ["T-a": Decimal(string: "1250.01") ?? 0])
        let standing = CampaignStandings.standing(team: "T-a", campaign: campaign, facts: try Self.facts())
        #expect(!standing.targetMet)
        #expect(standing.leaderboard.count == 4)
        #expect(standing.leaderboard.allSatisfy { !$0.rewarded })
    }

    @Test("no target rewards nobody")
    func noTarget() throws {
        let standing = CampaignStandings.standing(team: "T-a", campaign: try Self.campaign(targets: ["T-b": 1]),
                                                  facts: try Self.facts())
        #expect(standing.target == nil)
        #expect(!standing.targetMet)
        #expect(standing.teamSales == 1250)
        #expect(standing.leaderboard.allSatisfy { !$0.rewarded })
    }

    @Test("ties rank by agent id")
    func tiesByAgentId() throws {
        let standing = CampaignStandings.standing(team: "T-a", campaign: try Self.campaign(rewardTopN: 2),
                                                  facts: try Self.facts())
        // both sold 300; A-1 takes the second place and the last reward.
        #expect(standing.leaderboard[1].agent == "A-1")
        #expect(standing.leaderboard[1].rewarded)
        #expect(standing.leaderboard[2].agent == "A-2")
        #expect(!standing.leaderboard[2].rewarded)
    }

    @Test("orders without an agent count in team sales only")
    func ordersWithoutAgent() throws {
        let standing = CampaignStandings.standing(team: "T-a", campaign: try Self.campaign(), facts: try Self.facts())
        let boardSales = standing.leaderboard.reduce(Decimal(0)) { $0 + $1.sales }
        #expect(standing.teamSales - boardSales == 50)
        #expect(standing.leaderboard.count == 4)
    }

    @Test("reward count larger than the board rewards everyone")
    func rewardTopNLargerThanBoard() throws {
        let standing = CampaignStandings.standing(team: "T-a", campaign: try Self.campaign(rewardTopN: 10),
                                                  facts: try Self.facts())
        #expect(standing.leaderboard.allSatisfy { $0.rewarded })
        let none = CampaignStandings.standing(team: "T-a", campaign: try Self.campaign(rewardTopN: 0),
                                              facts: try Self.facts())
        #expect(none.targetMet)
        #expect(none.leaderboard.allSatisfy { !$0.rewarded })
    }

    @Test("team without orders has an empty board")
    func emptyTeam() throws {
        let standing = CampaignStandings.standing(team: "T-c", campaign: try Self.campaign(targets: ["T-c": 0]),
                                                  facts: try Self.facts())
        #expect(standing.teamSales == 0)
        #expect(standing.leaderboard.isEmpty)
        #expect(standing.targetMet, "a target of 0 is met by no sales")
    }
}
