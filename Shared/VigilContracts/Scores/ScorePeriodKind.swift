/// The lengths of scoring periods.
public enum ScorePeriodKind: String, Codable, Sendable, CaseIterable {
    case day
    /// An ISO week, Monday to Sunday.
    case week
    case month
    /// A sales campaign's window (大促), with dates from the scorecard file.
    case campaign
}
