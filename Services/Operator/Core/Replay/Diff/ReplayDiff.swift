import VigilContracts

/// Compares the output records of a live service with those of its replay.
///
/// Records are matched per topic on an identity (``identity(of:)``): the event
/// id on event topics, the latest state on upsert topics. The last record of
/// each identity, in the order given, is the one compared. The order check
/// and "last wins" rely on the order of each side: pass the live records of a
/// partition in offset order and the replay's in outbox order.
public enum ReplayDiff {
    /// The length, in characters, that field values in a ``ReplayFieldDifference`` are shortened to.
    public static let maximumValueLength = 120

    /// Compares `live` with `replay`; see ``ReplayComparison`` for what the result contains.
    public static func compare(live: [ReplayRecord], replay: [ReplayRecord]) -> ReplayComparison {
        let liveSide = ReplaySide(live)
        let replaySide = ReplaySide(replay)

        var records: [ReplayRecordComparison] = []
        let identities = Set(liveSide.latest.keys).union(replaySide.latest.keys).sorted()
        for identity in identities {
            records.append(compare(identity, live: liveSide.latest[identity], replay: replaySide.latest[identity]))
        }

        let conflicts = liveSide.conflicts(.live) + replaySide.conflicts(.replay)
        return ReplayComparison(records: records, conflicts: conflicts,
                                orderDifferences: orderDifferences(live: liveSide, replay: replaySide))
    }

    // MARK: - Identity

    /// Topics whose records replace earlier ones with the same identity, so
    /// only the latest record counts: the facts stage's repartition topic and
    /// the compacted scores topic.
    public static let upsertTopics: Set<String> = [scoringFactsTopic, scoresTopic]

    private static let scoresTopic = TopicCatalogue().scores.baseName
    private static let scoringFactsTopic = TopicCatalogue().scoringFacts.baseName

    /// Returns what a record is matched on within its topic.
    ///
    /// On `scores`, the record key (subject and period), because the event id
    /// includes a hash of the content. On `scoring.facts`, the event id without
    /// its final `/<revision>`, so the latest revision of each fact per subject
    /// is compared. On every other topic, the event id.
    public static func identity(of record: ReplayRecord) -> String {
        switch record.topic {
        case scoresTopic:
            return record.key ?? record.eventId
        case scoringFactsTopic:
            guard let slash = record.eventId.lastIndex(of: "/"),
                  !record.eventId[record.eventId.index(after: slash)...].isEmpty,
                  record.eventId[record.eventId.index(after: slash)...].allSatisfy(\.isASCIIDigit)
            else {
                return record.eventId
            }
            return String(record.eventId[..<slash])
        default:
            return record.eventId
        }
    }

    /// True when `record` is a `scoring.facts` retraction (`"retracted": true`),
    /// which deletes the fact: an identity whose latest record is one counts
    /// as absent on that side.
    public static func isRetraction(_ record: ReplayRecord) -> Bool {
        guard record.topic == scoringFactsTopic,
              case .object(let members)? = try? JSONValue(parsing: record.value)
        else {
            return false
        }
        return members["retracted"] == .bool(true)
    }

    // MARK: - One identity

    private static func compare(_ identity: ReplayIdentity, live: ReplayRecord?,
                                replay: ReplayRecord?) -> ReplayRecordComparison {
        let outcome: ReplayOutcome
        var fields: [ReplayFieldDifference] = []
        switch (live, replay) {
        case let (live?, replay?):
            fields = ReplayFieldDiff.differences(live: live, replay: replay)
            outcome = fields.isEmpty ? .matched : .different
        case (_?, nil):
            outcome = .missing
        default:
            outcome = .extra
        }
        return ReplayRecordComparison(topic: identity.topic, id: identity.id, outcome: outcome, live: live,
                                      replay: replay, fields: fields)
    }

    // MARK: - Order per key

    private static func orderDifferences(live: ReplaySide, replay: ReplaySide) -> [ReplayOrderDifference] {
        var differences: [ReplayOrderDifference] = []
        for (slot, liveIds) in live.orderPerKey {
            guard let replayIds = replay.orderPerKey[slot] else { continue }

            let common = Set(liveIds).intersection(replayIds)
            let liveOrder = liveIds.filter(common.contains)
            let replayOrder = replayIds.filter(common.contains)
            if liveOrder != replayOrder {
                differences.append(ReplayOrderDifference(topic: slot.topic, key: slot.key, live: liveOrder,
                                                         replay: replayOrder))
            }
        }
        return differences.sorted { ($0.topic, $0.key ?? "") < ($1.topic, $1.key ?? "") }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
