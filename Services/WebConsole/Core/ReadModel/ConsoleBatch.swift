/// What one batch of the feed changed, for the steps after its records.
struct ConsoleBatch {
    /// Alerts stored for the first time.
    var storedAlerts = 0
    /// Cases with a new timeline entry, whose summaries must be folded again.
    var changedCases: Set<String> = []
}
