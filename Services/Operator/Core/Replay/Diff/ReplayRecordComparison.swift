/// The outcome for one compared record identity of one topic.
public struct ReplayRecordComparison: Sendable, Equatable {
    /// The topic's catalogue base name.
    public var topic: String
    /// The identity both sides were matched on, from ``ReplayDiff/identity(of:)``.
    public var id: String
    /// Whether the identity matched, is missing, is extra or differs.
    public var outcome: ReplayOutcome
    /// The live record compared: the last one with this identity. Nil for ``ReplayOutcome/extra``.
    public var live: ReplayRecord?
    /// The replayed record compared: the last one with this identity. Nil for ``ReplayOutcome/missing``.
    public var replay: ReplayRecord?
    /// The differing fields, in path order; empty unless the outcome is ``ReplayOutcome/different``.
    public var fields: [ReplayFieldDifference]

    /// Makes the outcome of one identity; `live` and `replay` are nil on the side that lacks it.
    public init(topic: String, id: String, outcome: ReplayOutcome, live: ReplayRecord?, replay: ReplayRecord?,
                fields: [ReplayFieldDifference]) {
        self.topic = topic
        self.id = id
        self.outcome = outcome
        self.live = live
        self.replay = replay
        self.fields = fields
    }
}
