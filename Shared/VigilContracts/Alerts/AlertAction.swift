/// The change an alert event makes to its alert, which also decides whether
/// people are notified.
///
/// One alert stays open per customer thread and category. Its first event
/// raises it. Later events update it, and only some of them notify again.
public enum AlertAction: String, Codable, Sendable, CaseIterable {
    /// The alert opened. Recipients are notified unless another alert inhibits it.
    case raised
    /// Another message hit the open alert. The count and latest text change, and no one is notified.
    case repeated
    /// Another message hit the open alert with a higher severity. Recipients are notified again
    /// unless another alert inhibits it.
    case escalated
    /// The alert stayed open for the repeat interval. Recipients are reminded unless another alert
    /// inhibits it, and reply timeouts are never reminded.
    case reminded
    /// The alert closed: the agent replied, or the thread stayed quiet for the grouping window.
    case closed
}
