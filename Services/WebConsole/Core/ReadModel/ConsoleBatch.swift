/// The changes of one feed batch that the steps after its records need.
struct ConsoleBatch {
    /// Alerts stored for the first time.
    var storedAlerts = 0
    /// Cases with a new timeline entry, whose summaries must be folded again.
    var changedCases: Set<String> = []
}
