import Foundation

/// A team's result in a campaign window: its sales against its target, and
/// its sellers ranked by sales. The top `rewardTopN` sellers earn a reward
/// only when the team met its target.
public struct CampaignStanding: Codable, Sendable, Hashable {
    /// The campaign's id in the scorecard.
    public var campaign: String
    public var teamSales: Decimal
    /// The team's target from the scorecard; nil when none is set, which earns no reward.
    public var target: Decimal?
    public var targetMet: Bool
    /// How many top sellers a team that met its target rewards.
    public var rewardTopN: Int
    /// The team's sellers in rank order: most sales first, ties by agent id.
    public var leaderboard: [LeaderboardEntry]

    public init(campaign: String, teamSales: Decimal, target: Decimal?, targetMet: Bool, rewardTopN: Int,
                leaderboard: [LeaderboardEntry]) {
        self.campaign = campaign
        self.teamSales = teamSales
        self.target = target
        self.targetMet = targetMet
        self.rewardTopN = rewardTopN
        self.leaderboard = leaderboard
    }

    var fingerprint: String {
        StableHash.hex([campaign, "\(teamSales)", target.map { "\($0)" } ?? "-", "\(targetMet)", "\(rewardTopN)"]
            + leaderboard.map { "\($0.rank)/\($0.agent)/\($0.sales)/\($0.orders)/\($0.rewarded)" })
    }
}

/// One seller on a team's campaign leaderboard.
public struct LeaderboardEntry: Codable, Sendable, Hashable {
    /// 1 for the top seller; equal sales get consecutive ranks by agent id.
    public var rank: Int
    public var agent: String
    public var orders: Int
    public var sales: Decimal
    /// True for the top `rewardTopN` when the team met its target.
    public var rewarded: Bool

    public init(rank: Int, agent: String, orders: Int, sales: Decimal, rewarded: Bool) {
        self.rank = rank
        self.agent = agent
        self.orders = orders
        self.sales = sales
        self.rewarded = rewarded
    }
}
