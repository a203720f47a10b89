import VigilContracts

/// The grouping decision for one alert event: the alert it belongs to, its
/// action on that alert, and whether to notify people.
public struct AlertDecision: Sendable, Equatable {
    public var alertId: String
    public var eventId: String
    public var action: AlertAction
    /// The alert's severity after this event: the max of its hits so far.
    public var severity: Severity
    public var notify: Bool
    public var occurrences: Int
    public var openedAt: Timestamp
    /// The event's time: when the hit happened or the reminder or closing fell due.
    public var at: Timestamp
    public var inhibitedBy: String?

    public init(alertId: String, eventId: String, action: AlertAction, severity: Severity, notify: Bool,
                occurrences: Int, openedAt: Timestamp, at: Timestamp, inhibitedBy: String?) {
        self.alertId = alertId
        self.eventId = eventId
        self.action = action
        self.severity = severity
        self.notify = notify
        self.occurrences = occurrences
        self.openedAt = openedAt
        self.at = at
        self.inhibitedBy = inhibitedBy
    }
}
