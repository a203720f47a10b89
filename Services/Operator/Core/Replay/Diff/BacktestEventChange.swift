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

    public var eventId: String
    public var kind: Kind
    /// The fields that differ, without `ruleVersion` and `text`; empty unless ``kind`` is ``Kind/changed``.
    public var fields: [ReplayFieldDifference]

    public init(eventId: String, kind: Kind, fields: [ReplayFieldDifference] = []) {
        self.eventId = eventId
        self.kind = kind
        self.fields = fields
    }
}
