/// The result of a versioned scorecard on one score's figures: the total and
/// each item's contribution, so a score can be explained line by line.
public struct ScorecardResult: Codable, Sendable, Hashable {
    /// The scorecard file's `version`.
    public var version: String
    /// 0…100, rounded to two decimals; 0 when a critical item failed; nil
    /// when no weighted item has a value (a shop with orders only, say).
    public var total: Double?
    /// The ids of the critical items that failed and zeroed the total, in file order.
    public var zeroedBy: [String]
    /// Every weighted item, in file order.
    public var items: [ScoreItemResult]
    /// Every critical item, in file order.
    public var critical: [CriticalItemResult]

    public init(version: String, total: Double?, zeroedBy: [String], items: [ScoreItemResult],
                critical: [CriticalItemResult]) {
        self.version = version
        self.total = total
        self.zeroedBy = zeroedBy
        self.items = items
        self.critical = critical
    }

    var fingerprint: String {
        StableHash.hex([version, total.map { "\($0)" } ?? "-", zeroedBy.joined(separator: ",")]
            + items.map { "\($0.id)=\($0.value.map { "\($0)" } ?? "-")/\($0.points.map { "\($0)" } ?? "-")" }
            + critical.map { "\($0.id)=\($0.value)/\($0.failed)" })
    }
}
