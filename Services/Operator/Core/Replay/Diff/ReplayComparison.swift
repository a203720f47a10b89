/// The result of comparing the live output records with the replay's.
public struct ReplayComparison: Sendable, Equatable {
    /// Every compared identity, sorted by topic, then id.
    public var records: [ReplayRecordComparison]
    /// Event ids published with several different values, sorted by side, topic and event id.
    public var conflicts: [ReplayConflict]
    /// Keys of event topics whose events come in a different order, sorted by topic and key.
    public var orderDifferences: [ReplayOrderDifference]

    public init(records: [ReplayRecordComparison], conflicts: [ReplayConflict] = [],
                orderDifferences: [ReplayOrderDifference] = []) {
        self.records = records
        self.conflicts = conflicts
        self.orderDifferences = orderDifferences
    }

    /// The counts per topic and outcome, sorted by topic.
    public var counts: [ReplayTopicCounts] {
        var byTopic: [String: ReplayTopicCounts] = [:]
        for record in records {
            byTopic[record.topic, default: ReplayTopicCounts(topic: record.topic)][record.outcome] += 1
        }
        return byTopic.keys.sorted().compactMap { byTopic[$0] }
    }

    /// Returns the compared identities with `outcome`, in the order of ``records``.
    public func records(_ outcome: ReplayOutcome) -> [ReplayRecordComparison] {
        records.filter { $0.outcome == outcome }
    }

    /// True when every record matched, no event id has conflicting values and no key's order differs.
    public var isClean: Bool {
        conflicts.isEmpty && orderDifferences.isEmpty && records.allSatisfy { $0.outcome == .matched }
    }
}
