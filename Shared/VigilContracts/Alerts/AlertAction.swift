/// What an alert event does to its alert, and so whether people hear of it.
///
/// One alert stays open per customer thread and category. Its first event
/// raises it; later events update it, and only some of them notify again.
public enum AlertAction: String, Codable, Sendable, CaseIterable {
    /// The alert opened; recipients are notified unless another alert inhibits it.
    case raised
    /// Another message hit the open alert; count and latest text change, and no one is notified.
    case repeated
    /// Another message hit the open alert with a higher severity; recipients are notified again.
    case escalated
    /// The alert stayed open for the repeat interval; recipients are reminded.
    case reminded
    /// The alert closed: the agent replied, or the thread stayed quiet for the grouping window.
    case closed
}
