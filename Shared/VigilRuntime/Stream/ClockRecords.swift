import VigilContracts
import VigilKafka

/// Recognises clock records among the events of an input topic.
///
/// Thread-keyed topics hold both events and the clocks ingestion writes into
/// every partition. The schema header tells them apart without decoding the
/// value, so a processor never sees a clock as a malformed event.
public enum ClockRecords {
    private static let headerPrefix = Clock.schemaName + "/"

    /// Returns true when the record's schema header names the clock schema.
    public static func isClock(_ record: KafkaRecord) -> Bool {
        record.header(EventHeaders.schema)?.hasPrefix(headerPrefix) ?? false
    }

    /// Decodes a clock record, or throws a ``RecordRejection`` for the dead-letter topic.
    public static func decode(_ record: KafkaRecord) throws -> Clock {
        let clock = try RecordDecoding.decode(Clock.self, from: record.value)
        guard clock.topic == record.topic, clock.partition == record.partition else {
            throw RecordRejection(.invalidField, """
                clock for \(clock.topic)/\(clock.partition) found in \(record.topic)/\(record.partition)
                """)
        }
        return clock
    }
}
