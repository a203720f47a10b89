/// The status of a rectification plan (整改方案).
///
/// required → submitted → accepted, or rejected and submitted again. A plan
/// still missing at its deadline is overdue; a late submission moves it on
/// to submitted and the lateness stays on the timeline.
public enum RectificationStatus: String, Codable, Sendable, CaseIterable {
    case required
    case submitted
    case accepted
    case rejected
    case overdue
}
