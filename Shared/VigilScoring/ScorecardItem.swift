import VigilContracts

/// One weighted item of a scorecard: a measure and the values that earn
/// full and zero points.
///
/// Points are `weight × clamp((value − zero) / (full − zero), 0, 1)`, so
/// `full > zero` rewards higher values and `full < zero` rewards lower ones.
public struct ScorecardItem: Sendable, Equatable {
    /// Unique among the scorecard's items and critical items.
    public var id: String
    public var name: LocalizedText
    public var measure: ScoreMeasure
    /// Greater than 0; only the ratio between weights matters.
    public var weight: Double
    /// The value that earns the full weight.
    public var full: Double
    /// The value that earns no points; never equal to `full`.
    public var zero: Double

    public init(id: String, name: LocalizedText, measure: ScoreMeasure, weight: Double, full: Double, zero: Double) {
        self.id = id
        self.name = name
        self.measure = measure
        self.weight = weight
        self.full = full
        self.zero = zero
    }
}
