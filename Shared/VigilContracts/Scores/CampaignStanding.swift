import Foundation

/// A team's result in a campaign window: its sales against its target, and
/// its sellers ranked by sales. When the team met its target, the top
/// `rewardTopN` sellers that failed no critical item earn a reward.
public struct CampaignStanding: Codable, Sendable, Hashable {
    /// The campaign's id in the scorecard.
    public var campaign: String
    /// The amount of the team's orders paid in the window.
    public var teamSales: Decimal
    /// The team's target from the scorecard; nil when none is set, which earns no reward.
    public var target: Decimal?
    /// True when a target is set and the team's sales reached it.
    public var targetMet: Bool
    /// How many top sellers without a failed critical item a team that met its target rewards.
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
            + leaderboard.map { "\($0.rank)/\($0.agent)/\($0.sales)/\($0.orders)/\($0.rewarded)/"
                + $0.failedCritical.joined(separator: ",") })
    }
}
