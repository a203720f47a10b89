import VigilContracts

/// A measure that must stay at or below its maximum, or the whole score is 0.
public struct CriticalItem: Sendable, Equatable {
    /// Unique among the scorecard's items and critical items.
    public var id: String
    public var name: LocalizedText
    /// A measure without a value counts as 0.
    public var measure: ScoreMeasure
    /// The item fails when the value is greater than this.
    public var maximum: Double

    public init(id: String, name: LocalizedText, measure: ScoreMeasure, maximum: Double) {
        self.id = id
        self.name = name
        self.measure = measure
        self.maximum = maximum
    }
}
