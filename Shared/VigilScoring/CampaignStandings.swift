import Foundation
import VigilContracts

/// A team's campaign leaderboard and whether its sellers earn rewards.
public enum CampaignStandings {
    /// Ranks the team's sellers by their sales in the campaign window.
    ///
    /// `facts` are the team's current facts (subject `team/<team>`). Facts of
    /// other subjects or kinds, retracted facts and orders paid outside
    /// [from, to) are ignored. A fact id counts once, at its highest revision.
    /// Orders without an agent count in `teamSales` but put nobody on the board. Sellers rank by sales, most first, ties by agent id. The top
    /// `rewardTopN` are rewarded only when the team has a target and its sales
    /// reached it.
    public static func standing(team: String, campaign: Campaign, facts: [ScoringFact]) -> CampaignStanding {
        let subject = ScoreSubject(kind: .team, id: team)
        let orders = ScoreMeasures.currentFacts(facts.filter { $0.subject == subject && $0.kind == .order })
            .filter { campaign.contains($0.time) }

        var teamSales: Decimal = 0
        var salesByAgent: [String: (orders: Int, sales: Decimal)] = [:]
        for fact in orders {
            guard let order = fact.order else { continue }
            teamSales += order.amount
            guard let agent = fact.attribution.agent else { continue }
            salesByAgent[agent, default: (0, 0)].orders += 1
            salesByAgent[agent, default: (0, 0)].sales += order.amount
        }

        let target = campaign.teamTargets[team]
        let targetMet = target.map { teamSales >= $0 } ?? false
        let ranked = salesByAgent.sorted { lhs, rhs in
            lhs.value.sales != rhs.value.sales ? lhs.value.sales > rhs.value.sales : lhs.key < rhs.key
        }
        let leaderboard = ranked.enumerated().map { offset, seller in
            LeaderboardEntry(rank: offset + 1, agent: seller.key, orders: seller.value.orders,
                             sales: seller.value.sales, rewarded: targetMet && offset < campaign.rewardTopN)
        }
        return CampaignStanding(campaign: campaign.id, teamSales: teamSales, target: target, targetMet: targetMet,
                                rewardTopN: campaign.rewardTopN, leaderboard: leaderboard)
    }
}
