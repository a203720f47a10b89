import VigilContracts
import VigilKafka

/// Sends events outside a stream service's outbox and waits for the broker
/// to confirm every one, as `vigil case`, `vigil rules push`, `vigil clock`
/// and the console's case actions do.
public enum EventDelivery {
    /// Returns the record of `event` for `topic` as Vigil's services write it:
    /// event time as the timestamp, the event id and schema in headers, keyed
    /// by the event's key unless `partition` names one.
    public static func record<Event: VigilEvent>(_ event: Event, topic: TopicSpec, partition: Int32? = nil) throws
        -> OutgoingRecord {
        OutgoingRecord(
            topic: topic.name, partition: partition, key: event.recordKey.map { Array($0.utf8) },
            value: try EventCoding.encode(event), timestampMilliseconds: event.eventTime.epochMilliseconds,
            headers: [KafkaHeader(name: EventHeaders.eventId, text: event.eventId),
                      KafkaHeader(name: EventHeaders.schema, text: "\(Event.schemaName)/\(event.schemaVersion)")])
    }

    /// Sends `records` and returns once the broker confirmed them all.
    /// - Throws: the first delivery error, or a ``KafkaError`` with
    ///   `stoppedMessage` when shutdown is requested before every confirmation.
    public static func send(_ records: [OutgoingRecord], with producer: KafkaProducer, shutdown: ShutdownSignal,
                     stoppedMessage: String) throws {
        for (index, record) in records.enumerated() {
            try producer.send(record, tag: Int64(index))
        }

        var confirmed = 0
        while confirmed < records.count {
            for report in try producer.poll(timeoutMilliseconds: 100) {
                if let error = report.error {
                    throw error
                }
                confirmed += 1
            }
            if confirmed < records.count, shutdown.isRequested {
                throw KafkaError(message: stoppedMessage)
            }
        }
    }
}
