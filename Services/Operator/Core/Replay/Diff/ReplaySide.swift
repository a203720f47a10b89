import VigilContracts

/// A topic and an identity within it.
struct ReplayIdentity: Hashable, Comparable {
    var topic: String
    var id: String

    static func < (lhs: ReplayIdentity, rhs: ReplayIdentity) -> Bool {
        (lhs.topic, lhs.id) < (rhs.topic, rhs.id)
    }
}

/// A topic and a record key within it.
struct ReplayKeySlot: Hashable {
    var topic: String
    var key: String?
}

/// The records of one side of a comparison, indexed for ``ReplayDiff``.
struct ReplaySide {
    /// The last record per identity, without identities whose last record is a retraction.
    var latest: [ReplayIdentity: ReplayRecord] = [:]
    /// The distinct records per event id, in the order first seen; more than one is a conflict.
    var distinctPerEvent: [ReplayIdentity: [ReplayRecord]] = [:]
    /// The event ids per key of event topics, each once, in the order first seen; keyless records are left out.
    var orderPerKey: [ReplayKeySlot: [String]] = [:]

    init(_ records: [ReplayRecord]) {
        var seenEvents: Set<ReplayIdentity> = []
        for record in records {
            latest[ReplayIdentity(topic: record.topic, id: ReplayDiff.identity(of: record))] = record

            let event = ReplayIdentity(topic: record.topic, id: record.eventId)
            var distinct = distinctPerEvent[event, default: []]
            if !distinct.contains(where: { ReplayFieldDiff.isSame($0, record) }) {
                distinct.append(record)
            }
            distinctPerEvent[event] = distinct

            // A record without a key has no order to keep: Kafka spreads keyless records over partitions.
            if let key = record.key, !ReplayDiff.upsertTopics.contains(record.topic),
               seenEvents.insert(event).inserted {
                orderPerKey[ReplayKeySlot(topic: record.topic, key: key), default: []].append(record.eventId)
            }
        }

        // A retracted fact is deleted: it compares like a fact that was never published.
        latest = latest.filter { !ReplayDiff.isRetraction($0.value) }
    }

    /// Lists the event ids with several distinct records, sorted by topic and event id.
    func conflicts(_ side: ReplayConflict.Side) -> [ReplayConflict] {
        distinctPerEvent.filter { $0.value.count > 1 }.keys.sorted().map { event in
            ReplayConflict(side: side, topic: event.topic, eventId: event.id, values: distinctPerEvent[event] ?? [])
        }
    }
}
