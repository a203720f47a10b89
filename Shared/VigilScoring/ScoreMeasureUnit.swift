/// The kind of quantity a measure's value is, so that reports can format it.
public enum ScoreMeasureUnit: String, Sendable, CaseIterable {
    /// A duration in seconds.
    case seconds
    /// A fraction from 0 to 1; reports show it as a percentage.
    case share
    /// A whole number of things.
    case count
    /// An amount in the figures' currency.
    case money
    /// A count per 100 conversations.
    case rate
}
