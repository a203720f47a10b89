import VigilContracts
import VigilKafka
import VigilLog

/// Reads a whole topic as it is now: every partition from its first
/// record to the high watermark seen at the start, outside any group.
public struct TopicReader {
    public var properties: [String: String]
    public var logger: Logger
    /// How long a read may go without any record before it fails. Time while
    /// the cluster is unreachable does not count.
    public var stallTimeout: Duration = .seconds(30)

    public init(properties: [String: String], logger: Logger) {
        self.properties = properties
        self.logger = logger
    }

    /// Reads the records of `topic`, in offset order per partition, partitions in order.
    public func records(of topic: TopicSpec) throws -> [KafkaRecord] {
        var records: [KafkaRecord] = []
        try forEachRecord(of: topic) { records.append($0) }
        return records.sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
    }

    /// Hands each record of `topic` to `body` as it arrives, without keeping
    /// them: in offset order per partition, with the partitions interleaved.
    public func forEachRecord(of topic: TopicSpec, _ body: (KafkaRecord) throws -> Void) throws {
        let consumer = try KafkaConsumer(properties: properties, logger: logger)
        let partitionCount = try consumer.topics()[topic.name] ?? topic.partitions
        var remaining: [TopicPartition: Int64] = [:]
        var starts: [TopicPartition: StartOffset] = [:]
        for partition in 0..<partitionCount {
            let topicPartition = TopicPartition(topic: topic.name, partition: partition)
            let (low, high) = try consumer.watermarks(topicPartition)
            if high > low {
                remaining[topicPartition] = high
                starts[topicPartition] = .offset(low)
            }
        }
        guard !starts.isEmpty else { return }
        try consumer.assign(starts)

        var lastProgress = ContinuousClock.now
        while !remaining.isEmpty {
            let batch = try consumer.poll(maxRecords: 5_000, timeoutMilliseconds: 500)
            if !batch.isEmpty || !consumer.isClusterReachable {
                lastProgress = ContinuousClock.now
            } else if ContinuousClock.now - lastProgress > stallTimeout {
                throw KafkaError(message: "reading \(topic.name) timed out: no records for \(stallTimeout) "
                    + "with \(remaining.count) partitions unread; is the broker reachable?")
            }
            for record in batch {
                guard let high = remaining[record.topicPartition] else { continue }
                if record.offset < high {
                    try body(record)
                }
                if record.offset + 1 >= high {
                    remaining[record.topicPartition] = nil
                }
            }
        }
    }

    /// Decodes the events of `topic`, keeping the first copy of each event id
    /// and counting the records that do not decode.
    public func events<Event: VigilEvent>(_ type: Event.Type, of topic: TopicSpec) throws -> (events: [Event], undecodable: Int) {
        var seen: Set<String> = []
        var events: [Event] = []
        var undecodable = 0
        for record in try records(of: topic) where !WatermarkRecords.isWatermark(record) {
            guard let event = try? RecordDecoding.decode(type, from: record.value) else {
                undecodable += 1
                continue
            }
            if seen.insert(event.eventId).inserted {
                events.append(event)
            }
        }
        return (events, undecodable)
    }

    /// Counts the distinct event ids on `topic`, from the record headers
    /// without decoding, leaving out watermark records.
    public func distinctEventCount(of topic: TopicSpec) throws -> Int {
        var seen: Set<String> = []
        for record in try records(of: topic) where !WatermarkRecords.isWatermark(record) {
            seen.insert(record.header(EventHeaders.eventId) ?? "\(record.partition)/\(record.offset)")
        }
        return seen.count
    }
}
