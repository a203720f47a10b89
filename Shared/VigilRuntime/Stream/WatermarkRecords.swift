import VigilContracts
import VigilKafka

/// Recognises watermark records among the events of an input topic.
///
/// Thread-keyed topics hold both events and the watermarks ingestion writes into
/// every partition. The schema header distinguishes them without decoding
/// the value, so a processor never receives a watermark as a malformed event.
public enum WatermarkRecords {
    private static let headerPrefix = Watermark.schemaName + "/"

    /// Returns true when the record's schema header names the watermark schema.
    public static func isWatermark(_ record: KafkaRecord) -> Bool {
        record.header(EventHeaders.schema)?.hasPrefix(headerPrefix) ?? false
    }

    /// Decodes a watermark record, or throws a ``RecordRejection`` for the
    /// dead-letter topic, also when its time lies outside ``Timestamp/acceptedEventTimes``.
    public static func decode(_ record: KafkaRecord) throws -> Watermark {
        let watermark = try RecordDecoding.decode(Watermark.self, from: record.value)
        guard watermark.topic == record.topic, watermark.partition == record.partition else {
            throw RecordRejection(.invalidField, """
                watermark for \(watermark.topic)/\(watermark.partition) found in \(record.topic)/\(record.partition)
                """)
        }
        try RecordDecoding.requireAcceptedTime(watermark.time, of: "watermark \(watermark.eventId)")
        return watermark
    }
}
