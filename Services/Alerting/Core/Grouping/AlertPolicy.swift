import VigilContracts

/// The rules for grouping, repeating and holding back alerts. They are the same for every shop.
public struct AlertPolicy: Sendable, Equatable {
    /// An alert closes when its thread has not hit it for this long, in event
    /// time. Twelve hours spans a working day, so a customer who threatens
    /// again the next morning raises a new alert rather than a repeat.
    public var groupWindowSeconds: Int
    /// An alert still open this long after its last notification notifies
    /// again, once per interval. Reply timeouts never remind. Four hours is half
    /// a shift, so a supervisor who missed the first notice hears again the same
    /// day without being flooded.
    public var repeatIntervalSeconds: Int
    /// The severity of reply-timeout alerts.
    public var replyTimeoutSeverity: Severity

    /// The categories that an open alert of the key's category holds back. A
    /// regulator alert makes the same thread's complaint and escalation alerts silent.
    public static let inhibitions: [RiskCategory: [RiskCategory]] = [.regulator: [.complaint, .escalation]]

    public init(groupWindowSeconds: Int = 12 * 3_600, repeatIntervalSeconds: Int = 4 * 3_600,
                replyTimeoutSeverity: Severity = .medium) {
        self.groupWindowSeconds = groupWindowSeconds
        self.repeatIntervalSeconds = repeatIntervalSeconds
        self.replyTimeoutSeverity = replyTimeoutSeverity
    }

    /// Returns the categories whose open alerts hold back `category`'s notifications.
    public static func inhibitors(of category: RiskCategory) -> [RiskCategory] {
        inhibitions.filter { $0.value.contains(category) }.map(\.key).sorted()
    }
}
