/// One critical item of a scorecard: a measure that must not exceed its
/// maximum, or the whole score is zero.
public struct CriticalItemResult: Codable, Sendable, Hashable {
    /// The item's id in the scorecard file.
    public var id: String
    /// The measure the item reads.
    public var measure: String
    /// The measure's value, 0 when the period has nothing to measure.
    public var value: Double
    /// The highest value that passes.
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
