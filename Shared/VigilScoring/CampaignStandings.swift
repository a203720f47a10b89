import Foundation
import VigilContracts

/// A team's campaign leaderboard and whether its sellers earn rewards.
public enum CampaignStandings {
    /// Ranks the team's sellers by their sales in the campaign window and
    /// decides who earns a reward.
    ///
    /// `facts` are the team's current facts (subject `team/<team>`), which
    /// include every fact of the team's agents. Facts of other subjects,
    /// retracted facts and facts outside [from, to) are ignored. A fact id
    /// counts once, at its highest revision. An order reaches a team only
    /// through its agent, so `teamSales` is the board's total. Sellers rank by
    /// sales, most first, ties by agent id.
    ///
    /// Each seller's own figures (the window's facts whose `attribution.agent`
    /// is the seller, measured for the agent subject) go through the
    /// scorecard's critical items. A seller who fails any keeps the rank but
    /// earns no reward. The first `rewardTopN` of the others are rewarded when
    /// the team has a target and its sales reached it.
    ///
    /// NOTE: only facts attributed to this team count, so a case still
    /// attributed to the seller's previous team does not disqualify the seller.
    public static func standing(team: String, campaign: Campaign, facts: [ScoringFact],
                                scorecard: Scorecard) -> CampaignStanding {
        let subject = ScoreSubject(kind: .team, id: team)
        let window = ScoreMeasures.currentFacts(facts.filter { $0.subject == subject })
            .filter { campaign.contains($0.time) }

        var teamSales: Decimal = 0
        var salesByAgent: [String: (orders: Int, sales: Decimal)] = [:]
        for fact in window where fact.kind == .order {
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

        // Disqualified sellers keep their rank but leave their reward to the next eligible one.
        var eligibleAbove = 0
        var leaderboard: [LeaderboardEntry] = []
        for (offset, seller) in ranked.enumerated() {
            let failed = failedCriticalItems(of: seller.key, facts: window, scorecard: scorecard)
            let rewarded = targetMet && failed.isEmpty && eligibleAbove < campaign.rewardTopN
            if failed.isEmpty {
                eligibleAbove += 1
            }
            leaderboard.append(LeaderboardEntry(rank: offset + 1, agent: seller.key, orders: seller.value.orders,
                                                sales: seller.value.sales, rewarded: rewarded,
                                                failedCritical: failed))
        }
        return CampaignStanding(campaign: campaign.id, teamSales: teamSales, target: target, targetMet: targetMet,
                                rewardTopN: campaign.rewardTopN, leaderboard: leaderboard)
    }

    // MARK: - Critical items

    /// Returns the ids of the critical items that the agent's own facts fail,
    /// in file order, by the same rule that zeroes a score.
    private static func failedCriticalItems(of agent: String, facts: [ScoringFact],
                                            scorecard: Scorecard) -> [String] {
        guard !scorecard.criticalItems.isEmpty else { return [] }

        let own = facts.filter { $0.attribution.agent == agent }
        let figures = ScoreMeasures.figures(of: ScoreSubject(kind: .agent, id: agent), facts: own,
                                            scorecard: scorecard)
        return scorecard.evaluate(figures).zeroedBy
    }
}
