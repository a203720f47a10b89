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
    ///
    /// A dead letter counts when its `service` is `serviceName` and it is
    /// about a record of the processor's input or table topics, or about an
    /// output event the broker rejected. The source topics separate the two
    /// stages of vigil-scoring, which share one service name.
    ///
    /// NOTE: A replay publishes nothing, so it never makes the dead letter for
    /// an event the broker rejected. Such a live dead letter shows up as missing.
    func read(processor: any StreamProcessor, serviceName: String) throws -> ReplayWindow.Selection {
        var selection = ReplayWindow.Selection()
        for topic in processor.outputTopics {
            for record in try reader.records(of: topic) {
                add(record, to: &selection)
            }
        }

        let sourceTopics = Set((processor.inputTopics + processor.tableTopics).map(\.name))
        let outputTopics = Set(processor.outputTopics.map(\.name))
        for record in try reader.records(of: window.catalogue.deadLetters) {
            guard let letter = try? EventCoding.decodeEvent(DeadLetter.self, from: record.value),
                  letter.service == serviceName, let topic = letter.source.topic
            else {
                continue
            }
            let isOwn = letter.source.eventId == nil ? sourceTopics.contains(topic) : outputTopics.contains(topic)
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
