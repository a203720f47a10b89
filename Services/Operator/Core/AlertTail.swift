import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Follows the alerts topic on every partition, outside any consumer group,
/// and hands back the alert events a filter admits.
///
/// Events that were already on the topic when the tail started (from
/// `--from` or the beginning) come back merged in event-time order, and each
/// partition keeps its offset order. An event is released only once every
/// partition that still has older records to read has one waiting. After
/// that, events come back as they arrive. An event id seen before is dropped,
/// so an event republished after a crash shows once per tail.
///
/// Not Sendable: one thread polls it.
final class AlertTail {
    private let consumer: KafkaConsumer
    private let filter: AlertFilter
    private let logger: Logger
    private let group: String?

    /// Per partition: the high watermark when the tail started, the next offset
    /// to read, and the admitted events not handed back yet.
    private var backlogEnd: [TopicPartition: Int64] = [:]
    private var position: [TopicPartition: Int64] = [:]
    private var waiting: [TopicPartition: [Alert]] = [:]
    private var committed: [TopicPartition: Int64] = [:]
    private var seen: Set<String> = []
    private var lastRecordAt = ContinuousClock.now
    /// Masks every alert shown, whichever producer or version wrote it.
    private let masker = PersonalDataMasker()

    /// How long the backlog may go without a record before the tail stops
    /// waiting for it: offsets below the high watermark that are never
    /// delivered (such as transaction markers) must not hold events back.
    private let backlogStall: Duration = .seconds(3)

    /// Assigns every partition of `topic` at the positions `start` names.
    /// With `group`, a partition the group has a committed offset for starts
    /// there, and the tail commits how far it read so `vigil lag` can follow it.
    init(topic: TopicSpec, start: TailStart, filter: AlertFilter, group: String? = nil,
         properties: [String: String], logger: Logger) throws {
        var properties = properties
        if let group {
            properties["group.id"] = group
        }
        consumer = try KafkaConsumer(properties: properties, logger: logger)
        self.filter = filter
        self.logger = logger
        self.group = group

        guard let partitionCount = try consumer.topics()[topic.name] else {
            throw KafkaError(message: """
                topic \(topic.name) does not exist: create the topics first \
                (`vigil topics create` on Apache Kafka; `vigil broker` creates them itself)
                """)
        }
        let partitions = (0..<partitionCount).map { TopicPartition(topic: topic.name, partition: $0) }

        var bounds: [TopicPartition: (low: Int64, high: Int64)] = [:]
        for partition in partitions {
            bounds[partition] = try consumer.watermarks(partition)
        }
        let byTime: [TopicPartition: Int64?]
        if case .time(let time) = start {
            byTime = try consumer.offsets(forTimes: Dictionary(uniqueKeysWithValues: partitions.map {
                ($0, time.epochMilliseconds)
            }))
        } else {
            byTime = [:]
        }
        let groupOffsets = group == nil ? [:] : try consumer.committed(partitions)

        var starts: [TopicPartition: StartOffset] = [:]
        for partition in partitions {
            let (low, high) = bounds[partition] ?? (0, 0)
            var offset: Int64
            switch start {
            case .end:
                offset = high
            case .beginning:
                offset = low
            case .time:
                // No offset from the broker: read from the start and let the
                // filter drop what is older (see KafkaConsumer.offsets(forTimes:)).
                offset = (byTime[partition] ?? nil) ?? low
            }
            if let resumed = groupOffsets[partition] {
                offset = resumed
            }
            offset = min(max(offset, low), high)
            starts[partition] = .offset(offset)
            position[partition] = offset
            backlogEnd[partition] = high
            waiting[partition] = []
        }
        try consumer.assign(starts)
    }

    /// True while some partition still has records that were on the topic at the start.
    var isReadingBacklog: Bool {
        backlogEnd.contains { partition, end in (position[partition] ?? end) < end }
    }

    /// Waits up to the timeout for records and returns the admitted events
    /// that can be shown now, in the order to show them.
    func poll(timeoutMilliseconds: Int32) throws -> [Alert] {
        let records = try consumer.poll(maxRecords: 500, timeoutMilliseconds: timeoutMilliseconds)
        if !records.isEmpty {
            lastRecordAt = ContinuousClock.now
        } else if isReadingBacklog, ContinuousClock.now - lastRecordAt > backlogStall {
            for (partition, offset) in position {
                backlogEnd[partition] = min(backlogEnd[partition] ?? offset, offset)
            }
        }
        for record in records {
            position[record.topicPartition] = record.offset + 1
            guard !WatermarkRecords.isWatermark(record) else { continue }
            guard !record.value.isEmpty else { continue }
            do {
                let alert = try RecordDecoding.decode(Alert.self, from: record.value).masked(by: masker)
                if filter.admits(alert) {
                    waiting[record.topicPartition, default: []].append(alert)
                }
            } catch {
                logger.warning("undecodable alert skipped", metadata: [
                    "vigil.partition": String(record.partition), "vigil.offset": String(record.offset),
                    "vigil.error": String(describing: error),
                ])
            }
        }
        try commitProgress()
        return release()
    }

    /// Stops fetching and leaves nothing behind.
    func close() {
        consumer.close()
    }

    // MARK: - Ordering

    /// Hands back waiting events, oldest first across partitions, as long as
    /// no partition with unread backlog could still deliver an older one.
    private func release() -> [Alert] {
        var released: [Alert] = []
        while true {
            let blocked = waiting.contains { partition, events in
                events.isEmpty && (position[partition] ?? 0) < (backlogEnd[partition] ?? 0)
            }
            guard !blocked else { break }
            let next = waiting.filter { !$0.value.isEmpty }.min { left, right in
                let leftTime = left.value[0].raisedAt.epochMilliseconds
                let rightTime = right.value[0].raisedAt.epochMilliseconds
                return (leftTime, left.key.partition) < (rightTime, right.key.partition)
            }
            guard let (partition, events) = next else { break }
            waiting[partition] = Array(events.dropFirst())
            if seen.insert(events[0].eventId).inserted {
                released.append(events[0])
            }
        }
        return released
    }

    // MARK: - Progress

    private func commitProgress() throws {
        guard group != nil else { return }
        let changed = position.filter { committed[$0.key] != $0.value }
        guard !changed.isEmpty else { return }
        try consumer.commit(changed, synchronously: false)
        committed.merge(changed) { _, new in new }
    }
}
