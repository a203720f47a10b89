import VigilContracts
import VigilKafka
import VigilRuntime

/// Turns output records into ``ReplayRecord``s: keeps those whose timestamp
/// (the event time) is in [from, to) and counts the watermark records left out.
struct ReplayWindow {
    var from: Timestamp
    var to: Timestamp
    var catalogue: TopicCatalogue

    /// The records in the range and the watermark records in the range.
    ///
    /// Event records in the range are kept in the order given. On upsert
    /// topics (``ReplayDiff/upsertTopics``) every record is looked at, since a
    /// later update outside the range replaces one inside it: per identity only
    /// the records with the latest event id are kept, and they count only when
    /// that latest record is in the range.
    struct Selection {
        /// The event records in the range, in the order given.
        var events: [ReplayRecord] = []
        var watermarks = 0
        /// Per upsert identity, the records with its latest event id, in the order given.
        var upserts: [ReplayIdentity: [ReplayRecord]] = [:]
        /// Per upsert identity, whether its latest record is in the range.
        var upsertInRange: [ReplayIdentity: Bool] = [:]

        /// The event records in the range, in the order given, then the
        /// latest records of the upsert identities whose latest record is in
        /// the range, sorted by identity.
        var records: [ReplayRecord] {
            events + upserts.keys.sorted().filter { upsertInRange[$0] == true }.flatMap { upserts[$0] ?? [] }
        }
    }

    /// True when `milliseconds` is in [from, to).
    func contains(_ milliseconds: Int64) -> Bool {
        milliseconds >= from.epochMilliseconds && milliseconds < to.epochMilliseconds
    }

    /// Adds a record to `selection`: a watermark in the range is counted, an
    /// event record in the range becomes a ``ReplayRecord``, and an upsert
    /// record replaces the earlier ones of its identity, wherever its time is.
    /// A record without an event id header gets a placeholder id naming its
    /// position, so it still shows up in the comparison.
    func add(topic: String, key: [UInt8]?, value: [UInt8], timestampMilliseconds: Int64?, headers: [KafkaHeader],
             position: String, to selection: inout Selection) {
        guard let milliseconds = timestampMilliseconds else { return }
        let inRange = contains(milliseconds)
        let schema = Self.header(EventHeaders.schema, in: headers)
        if schema?.hasPrefix(Watermark.schemaName + "/") == true {
            if inRange {
                selection.watermarks += 1
            }
            return
        }

        let baseName = catalogue.topic(named: topic)?.baseName ?? topic
        let isUpsert = ReplayDiff.upsertTopics.contains(baseName)
        guard inRange || isUpsert else { return }
        let eventId = Self.header(EventHeaders.eventId, in: headers) ?? "no-event-id/\(position)"
        let record = ReplayRecord(
            topic: baseName, key: key.map { String(decoding: $0, as: UTF8.self) },
            eventId: eventId, value: value, timestamp: Timestamp(epochMilliseconds: milliseconds))
        guard isUpsert else {
            selection.events.append(record)
            return
        }

        // Repeats of the latest event id stay, so the diff still sees a
        // repeat with other bytes; a newer event id replaces them.
        let identity = ReplayIdentity(topic: baseName, id: ReplayDiff.identity(of: record))
        if selection.upserts[identity]?.last?.eventId == eventId {
            selection.upserts[identity, default: []].append(record)
        } else {
            selection.upserts[identity] = [record]
        }
        selection.upsertInRange[identity] = inRange
    }

    private static func header(_ name: String, in headers: [KafkaHeader]) -> String? {
        headers.first { $0.name == name }?.value.map { String(decoding: $0, as: UTF8.self) }
    }
}
