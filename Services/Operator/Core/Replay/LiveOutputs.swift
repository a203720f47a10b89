import VigilContracts
import VigilKafka
import VigilRuntime

/// Reads what the live service published: its output topics, and the dead
/// letters it wrote about the topics the replay reads or writes.
struct LiveOutputs {
    var reader: TopicReader
    var window: ReplayWindow

    /// Reads every output topic and the dead-letter topic in full, and returns
    /// the records in the window, partition by partition in offset order.
    /// Records are filtered as they arrive, so only the window's records and
    /// the latest record per upsert identity are held.
    ///
    /// A dead letter counts when its `service` is `serviceName` and it is
    /// about a record of `sourceTopics` (the processor's input and table
    /// topics), or about an event for `outputTopics` the broker rejected. The
    /// source topics separate the two stages of vigil-scoring, which share one
    /// service name.
    ///
    /// NOTE: A replay publishes nothing, so it never makes the dead letter for
    /// an event the broker rejected for good (such as one too large). Such a
    /// live dead letter always shows up as missing.
    func read(outputTopics: [TopicSpec], sourceTopics: [TopicSpec],
              serviceName: String) throws -> ReplayWindow.Selection {
        var selection = ReplayWindow.Selection()
        for topic in outputTopics {
            try reader.forEachRecord(of: topic) { record in
                add(record, to: &selection)
            }
        }

        let sourceNames = Set(sourceTopics.map(\.name))
        let outputNames = Set(outputTopics.map(\.name))
        try reader.forEachRecord(of: window.catalogue.deadLetters) { record in
            guard let milliseconds = record.timestampMilliseconds, window.contains(milliseconds),
                  let letter = try? EventCoding.decodeEvent(DeadLetter.self, from: record.value),
                  letter.service == serviceName, let topic = letter.source.topic
            else {
                return
            }
            let isOwn = letter.source.eventId == nil ? sourceNames.contains(topic) : outputNames.contains(topic)
            if isOwn {
                add(record, to: &selection)
            }
        }
        return selection
    }

    private func add(_ record: KafkaRecord, to selection: inout ReplayWindow.Selection) {
        window.add(topic: record.topic, key: record.key, value: record.value,
                   timestampMilliseconds: record.timestampMilliseconds, headers: record.headers,
                   position: "\(record.topic)/\(record.partition)/\(record.offset)", to: &selection)
    }
}
