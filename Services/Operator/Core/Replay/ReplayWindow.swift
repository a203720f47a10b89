import VigilContracts
import VigilKafka
import VigilRuntime

/// Turns output records into ``ReplayRecord``s: keeps those whose timestamp
/// (the event time) is in [from, to) and counts the watermark records left out.
struct ReplayWindow {
    var from: Timestamp
    var to: Timestamp
    var catalogue: TopicCatalogue

    /// The records in the range, in the order given, and the watermark records in the range.
    struct Selection {
        var records: [ReplayRecord] = []
        var watermarks = 0
    }

    /// True when `milliseconds` is in [from, to).
    func contains(_ milliseconds: Int64) -> Bool {
        milliseconds >= from.epochMilliseconds && milliseconds < to.epochMilliseconds
    }

    /// Adds a record to `selection` when it is in the range: a watermark is
    /// counted, anything else becomes a ``ReplayRecord``. A record without an
    /// event id header gets a placeholder id naming its position, so it still
    /// shows up in the comparison.
    func add(topic: String, key: [UInt8]?, value: [UInt8], timestampMilliseconds: Int64?, headers: [KafkaHeader],
             position: String, to selection: inout Selection) {
        guard let milliseconds = timestampMilliseconds, contains(milliseconds) else { return }
        let schema = Self.header(EventHeaders.schema, in: headers)
        if schema?.hasPrefix(Watermark.schemaName + "/") == true {
            selection.watermarks += 1
            return
        }
        let eventId = Self.header(EventHeaders.eventId, in: headers) ?? "no-event-id/\(position)"
        selection.records.append(ReplayRecord(
            topic: catalogue.topic(named: topic)?.baseName ?? topic,
            key: key.map { String(decoding: $0, as: UTF8.self) },
            eventId: eventId, value: value, timestamp: Timestamp(epochMilliseconds: milliseconds)))
    }

    private static func header(_ name: String, in headers: [KafkaHeader]) -> String? {
        headers.first { $0.name == name }?.value.map { String(decoding: $0, as: UTF8.self) }
    }
}
