/// One weighted item of a scorecard applied to a score.
public struct ScoreItemResult: Codable, Sendable, Hashable {
    /// The item's id in the scorecard file.
    public var id: String
    /// The measure the item reads (`firstResponseMedianSeconds` …).
    public var measure: String
    /// The measure's value; nil when the period has nothing to measure, which
    /// leaves the item out of the total.
    public var value: Double?
    /// The item's weight in the scorecard: its points when fully met.
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
