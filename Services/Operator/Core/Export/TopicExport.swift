import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Reads the records of one topic that `vigil export` writes, partition by
/// partition in offset order, outside any consumer group.
///
/// Each partition is read from the offset the broker names for `from` up to
/// its high watermark taken before any partition is read, so records
/// produced during the export are left out and the export ends.
struct TopicExport {
    var request: ExportRequest
    var properties: [String: String]
    var logger: Logger

    /// How long a partition may go without a record before its read stops
    /// short of the high watermark: offsets that are never delivered (such as
    /// transaction markers) must not keep the export waiting.
    var stall: Duration = .seconds(5)

    /// The counts reported when the export ends.
    struct Summary: Equatable {
        var records = 0
        var partitions = 0
    }

    /// Calls `write` once per exported record, in partition then offset order,
    /// with the record and its timestamp.
    func run(write: (KafkaRecord, Int64) throws -> Void) throws -> Summary {
        let consumer = try KafkaConsumer(properties: properties, logger: logger)
        defer { consumer.close() }

        let ranges = try partitionRanges(consumer)
        var summary = Summary(partitions: ranges.count)
        for (partition, range) in ranges.sorted(by: { $0.key < $1.key }) where range.start < range.end {
            summary.records += try read(partition, range: range, consumer: consumer, write: write)
        }
        return summary
    }

    // MARK: - Positions

    /// Returns, per partition, the first offset to read and the high watermark.
    private func partitionRanges(_ consumer: KafkaConsumer) throws -> [TopicPartition: (start: Int64, end: Int64)] {
        let name = request.topic.name
        guard let partitionCount = try consumer.topics()[name] else {
            throw KafkaError(message: """
                topic \(name) does not exist: create the topics first \
                (`vigil topics create` on Apache Kafka; `vigil broker` creates them itself)
                """)
        }
        let partitions = (0..<partitionCount).map { TopicPartition(topic: name, partition: $0) }

        var bounds: [TopicPartition: (low: Int64, high: Int64)] = [:]
        for partition in partitions {
            bounds[partition] = try consumer.watermarks(partition)
        }
        let byTime = try consumer.offsets(forTimes: Dictionary(uniqueKeysWithValues: partitions.map {
            ($0, request.from.epochMilliseconds)
        }))

        var ranges: [TopicPartition: (start: Int64, end: Int64)] = [:]
        for partition in partitions {
            let (low, high) = bounds[partition] ?? (0, 0)
            // No offset from the broker: read from the start and filter by
            // timestamp (see KafkaConsumer.offsets(forTimes:)).
            let start = (byTime[partition] ?? nil) ?? low
            ranges[partition] = (min(max(start, low), high), high)
        }
        return ranges
    }

    // MARK: - Reading

    /// Reads one partition from `range.start` to `range.end` and returns how many records it exported.
    private func read(_ partition: TopicPartition, range: (start: Int64, end: Int64), consumer: KafkaConsumer,
                      write: (KafkaRecord, Int64) throws -> Void) throws -> Int {
        try consumer.assign([partition: .offset(range.start)])
        var position = range.start
        var exported = 0
        var lastRecordAt = ContinuousClock.now

        while position < range.end {
            let records = try consumer.poll(maxRecords: 500, timeoutMilliseconds: 200)
            if records.isEmpty {
                guard ContinuousClock.now - lastRecordAt <= stall else {
                    logger.warning("export stopped before the high watermark", metadata: [
                        "vigil.topic": partition.topic, "vigil.partition": String(partition.partition),
                        "vigil.offset": String(position), "vigil.high_watermark": String(range.end),
                    ])
                    // Evidence must not be cut short silently, whatever the log level.
                    ServiceMain.printError("vigil export: \(partition.topic)/\(partition.partition) returned nothing "
                        + "for \(stall) at offset \(position), before its end at \(range.end): this partition's "
                        + "export is incomplete")
                    break
                }
                continue
            }
            lastRecordAt = ContinuousClock.now

            for record in records where record.topicPartition == partition && record.offset < range.end {
                position = record.offset + 1
                if let timestamp = admittedTimestamp(record) {
                    try write(record, timestamp)
                    exported += 1
                }
            }
        }
        return exported
    }

    /// Returns the record's timestamp when the request exports the record, else nil.
    /// A record without a timestamp cannot be placed in the range and is left out.
    private func admittedTimestamp(_ record: KafkaRecord) -> Int64? {
        guard let timestamp = record.timestampMilliseconds,
              timestamp >= request.from.epochMilliseconds, timestamp < request.to.epochMilliseconds
        else {
            return nil
        }
        if let key = request.key, record.key != key {
            return nil
        }
        if !request.includeWatermarks, WatermarkRecords.isWatermark(record) {
            return nil
        }
        return timestamp
    }
}
