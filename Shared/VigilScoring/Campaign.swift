import Foundation
import VigilContracts

/// A sales campaign's window (大促) with its team sales targets and how many
/// top sellers of a team that met its target earn a reward.
public struct Campaign: Sendable, Equatable {
    /// Used in period keys (`campaign/<id>`), so it contains no "/".
    public var id: String
    public var name: LocalizedText
    /// The first instant in the window.
    public var from: Timestamp
    /// The first instant after the window; later than `from`.
    public var to: Timestamp
    /// The number of top sellers rewarded in a team that met its target; 0 rewards no one.
    public var rewardTopN: Int
    /// Sales targets by team id, in the orders' currency. A team without one earns no reward.
    public var teamTargets: [String: Decimal]

    public init(id: String, name: LocalizedText, from: Timestamp, to: Timestamp, rewardTopN: Int,
                teamTargets: [String: Decimal]) {
        self.id = id
        self.name = name
        self.from = from
        self.to = to
        self.rewardTopN = rewardTopN
        self.teamTargets = teamTargets
    }

    /// True when `time` is in the window [from, to).
    public func contains(_ time: Timestamp) -> Bool {
        from <= time && time < to
    }
}
