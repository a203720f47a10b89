import Foundation

/// One seller on a team's campaign leaderboard.
public struct LeaderboardEntry: Codable, Sendable, Hashable {
    /// 1 for the top seller; equal sales get consecutive ranks by agent id.
    public var rank: Int
    /// The seller's roster id.
    public var agent: String
    /// The seller's orders in the window.
    public var orders: Int
    /// The amount of those orders.
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
