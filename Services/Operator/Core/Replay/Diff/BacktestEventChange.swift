/// The difference in one event of an alert that both runs raised, in a rule backtest.
public struct BacktestEventChange: Sendable, Equatable {
    /// The kind of difference.
    public enum Kind: String, Sendable, Codable {
        /// Only the candidate rules produced the event.
        case added
        /// Only the live rules produced the event.
        case dropped
        /// Both produced it with different fields.
        case changed
    }

    /// The event's id, which both runs share for a changed event.
    public var eventId: String
    /// Whether the event was added, dropped or changed.
    public var kind: Kind
    /// The fields that differ, without `ruleVersion` and `text`; empty unless ``kind`` is ``Kind/changed``.
    public var fields: [ReplayFieldDifference]

    /// Makes a change; `fields` is only given for ``Kind/changed``.
    public init(eventId: String, kind: Kind, fields: [ReplayFieldDifference] = []) {
        self.eventId = eventId
        self.kind = kind
        self.fields = fields
    }
}
