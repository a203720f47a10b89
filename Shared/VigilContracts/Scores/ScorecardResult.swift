/// What a versioned scorecard made of one score's figures: the total and
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

/// One weighted item of a scorecard applied to a score.
public struct ScoreItemResult: Codable, Sendable, Hashable {
    /// The item's id in the scorecard file.
    public var id: String
    /// The measure the item reads (`firstResponseMedianSeconds` …).
    public var measure: String
    /// The measure's value; nil when the period has nothing to measure, which
    /// leaves the item out of the total.
    public var value: Double?
    public var weight: Double
    /// The points earned, 0…weight, rounded to two decimals; nil when not applicable.
    public var points: Double?
    /// The points' share of the total after items without a value are left
    /// out, rounded to two decimals; the contributions add up to the total.
    public var contribution: Double?

    public init(id: String, measure: String, value: Double?, weight: Double, points: Double?, contribution: Double?) {
        self.id = id
        self.measure = measure
        self.value = value
        self.weight = weight
        self.points = points
        self.contribution = contribution
    }
}

/// One critical item of a scorecard: a measure that must not exceed its
/// maximum, or the whole score is zero.
public struct CriticalItemResult: Codable, Sendable, Hashable {
    public var id: String
    public var measure: String
    public var value: Double
    public var maximum: Double
    /// True when `value` exceeds `maximum`.
    public var failed: Bool

    public init(id: String, measure: String, value: Double, maximum: Double, failed: Bool) {
        self.id = id
        self.measure = measure
        self.value = value
        self.maximum = maximum
        self.failed = failed
    }
}
