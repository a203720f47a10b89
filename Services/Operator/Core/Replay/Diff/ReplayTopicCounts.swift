/// The number of compared identities of one topic per outcome.
public struct ReplayTopicCounts: Sendable, Equatable, Codable {
    /// The topic's catalogue base name.
    public var topic: String
    /// Identities whose compared records are equal on both sides.
    public var matched = 0
    /// Identities only the live side has.
    public var missing = 0
    /// Identities only the replay has.
    public var extra = 0
    /// Identities both sides have with different records.
    public var different = 0

    /// Makes the counts of `topic`, zero unless given.
    public init(topic: String, matched: Int = 0, missing: Int = 0, extra: Int = 0, different: Int = 0) {
        self.topic = topic
        self.matched = matched
        self.missing = missing
        self.extra = extra
        self.different = different
    }

    /// Reads or sets the count for `outcome`.
    public subscript(outcome: ReplayOutcome) -> Int {
        get {
            switch outcome {
            case .matched: matched
            case .missing: missing
            case .extra: extra
            case .different: different
            }
        }
        set {
            switch outcome {
            case .matched: matched = newValue
            case .missing: missing = newValue
            case .extra: extra = newValue
            case .different: different = newValue
            }
        }
    }
}
