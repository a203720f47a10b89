import VigilContracts

/// One alert as a rule backtest lists it.
///
/// The fields come from the alert's raising event (the one whose event id is
/// the alert id), or from its earliest event when the range starts after the
/// raising: the candidate run's events for added and changed alerts, the
/// live run's for dropped ones.
public struct BacktestAlert: Sendable, Equatable {
    /// ``Alert/id``.
    public var alertId: String
    /// The shop of the alert's thread.
    public var shop: String
    /// The buyer of the alert's thread.
    public var buyer: String
    /// The category of the shown event.
    public var category: RiskCategory
    /// The severity of the shown event.
    public var severity: Severity
    /// The time the alert was first raised: ``Alert/openedAt`` where the events carry it.
    public var raisedAt: Timestamp
    /// The matched terms of all the alert's events, each once, in the order of the events.
    public var matchedTerms: [String]
    /// The rule ids of all the alert's events, each once, in the order of the events.
    public var ruleIds: [String]
    /// The rules version of the shown events.
    public var ruleVersion: String
    /// The alert's events in the shown run within the range.
    public var eventCount: Int
    /// For a changed alert: the events that differ, by event time; empty otherwise.
    public var changes: [BacktestEventChange]

    /// Makes the listed alert; `changes` stays empty unless the alert changed.
    public init(alertId: String, shop: String, buyer: String, category: RiskCategory, severity: Severity,
                raisedAt: Timestamp, matchedTerms: [String], ruleIds: [String], ruleVersion: String,
                eventCount: Int, changes: [BacktestEventChange] = []) {
        self.alertId = alertId
        self.shop = shop
        self.buyer = buyer
        self.category = category
        self.severity = severity
        self.raisedAt = raisedAt
        self.matchedTerms = matchedTerms
        self.ruleIds = ruleIds
        self.ruleVersion = ruleVersion
        self.eventCount = eventCount
        self.changes = changes
    }

    /// The thread, as `shop/buyer`.
    public var thread: String { ThreadKey(shop: shop, buyer: buyer).recordKey }
}
