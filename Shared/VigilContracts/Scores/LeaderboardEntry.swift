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
    /// True when the team met its target, the seller failed no critical item,
    /// and the seller is among the first `rewardTopN` such sellers by rank.
    public var rewarded: Bool
    /// The ids of the scorecard's critical items that the seller's own figures
    /// in the window fail, in file order. Any entry disqualifies the seller from
    /// the reward but keeps the sales rank. Left out of the JSON when empty, so
    /// records written before the field existed still decode.
    public var failedCritical: [String]

    public init(rank: Int, agent: String, orders: Int, sales: Decimal, rewarded: Bool, failedCritical: [String] = []) {
        self.rank = rank
        self.agent = agent
        self.orders = orders
        self.sales = sales
        self.rewarded = rewarded
        self.failedCritical = failedCritical
    }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case rank, agent, orders, sales, rewarded, failedCritical
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rank = try container.decode(Int.self, forKey: .rank)
        agent = try container.decode(String.self, forKey: .agent)
        orders = try container.decode(Int.self, forKey: .orders)
        sales = try container.decode(Decimal.self, forKey: .sales)
        rewarded = try container.decode(Bool.self, forKey: .rewarded)
        failedCritical = try container.decodeIfPresent([String].self, forKey: .failedCritical) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rank, forKey: .rank)
        try container.encode(agent, forKey: .agent)
        try container.encode(orders, forKey: .orders)
        try container.encode(sales, forKey: .sales)
        try container.encode(rewarded, forKey: .rewarded)
        if !failedCritical.isEmpty {
            try container.encode(failedCritical, forKey: .failedCritical)
        }
    }
}
