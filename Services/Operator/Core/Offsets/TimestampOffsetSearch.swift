import VigilKafka
import VigilLog
import VigilRuntime

/// Finds the first record of a partition whose timestamp is at or after a
/// time by reading the partition in offset order.
///
/// It is the fallback for brokers that name no offset for a time, such as
/// librdkafka 2.0.2's mock cluster, which answers -1 for every time. It reads
/// every record before the one it finds, so it is much slower than asking the
/// broker: the whole partition when no record is that recent.
struct TimestampOffsetSearch {
    /// A consumer outside any group; the search assigns it one partition at a time.
    var consumer: KafkaConsumer
    var shutdown: ShutdownSignal
    var logger: Logger

    /// How long the partition may return no record before the search fails:
    /// offsets that are never delivered (such as transaction markers) must
    /// not keep the command waiting, and a guessed offset must not be committed.
    var stall: Duration = .seconds(10)

    /// Returns the offset of the first record in `start..<end` whose timestamp
    /// (milliseconds since the epoch) is at or after `time`, or `end` when
    /// there is none. Records without a timestamp never match.
    func firstOffset(in partition: TopicPartition, atOrAfter time: Int64, start: Int64, end: Int64) throws -> Int64 {
        guard start < end else { return end }
        try consumer.assign([partition: .offset(start)])
        logger.info("reading partition to find an offset by time", metadata: [
            "vigil.partition": partition.description, "vigil.start": String(start), "vigil.end": String(end),
        ])

        var position = start
        var lastRecordAt = ContinuousClock.now
        while position < end {
            if shutdown.isRequested {
                throw KafkaError(message: "stopped while reading \(partition) to find the offset for the time")
            }
            let records = try consumer.poll(maxRecords: 500, timeoutMilliseconds: 200)
            if records.isEmpty {
                guard ContinuousClock.now - lastRecordAt <= stall else {
                    throw KafkaError(message: """
                        \(partition) returned no record for \(stall) at offset \(position), before its end at \(end), \
                        so the offset for the time is unknown; nothing was committed
                        """)
                }
                continue
            }
            lastRecordAt = ContinuousClock.now

            for record in records where record.topicPartition == partition && record.offset < end {
                if let timestamp = record.timestampMilliseconds, timestamp >= time {
                    return record.offset
                }
                position = record.offset + 1
            }
        }
        return end
    }
}
