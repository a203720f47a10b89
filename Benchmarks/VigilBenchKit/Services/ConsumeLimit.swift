import VigilKafka
import VigilLog

/// The fastest way to read a topic in the benchmark's setting: librdkafka
/// through VigilKafka's ``KafkaConsumer``, polling batches of 1,000 as the
/// stream services do, with no decoding, processing or store.
///
/// One read passes over the whole topic ``passes`` times, starting again
/// from the beginning after each pass, because a single pass over the
/// shared data takes only a fraction of a second.
public struct ConsumeLimit {
    /// Passes over the topic per read.
    public static let passes = 5

    /// One read of the topic.
    public struct Result: Sendable {
        public var records: Int
        /// From creating the consumer to the last record.
        public var wallSeconds: Double
        /// The records after the first batch.
        public var recordsAfterFirstBatch: Int
        /// From the first batch to the last record, as the services' rate is timed.
        public var secondsAfterFirstBatch: Double
        /// The processor time of the read, librdkafka's threads included.
        public var cpuSeconds: Double

        public var recordsPerSecond: Double {
            secondsAfterFirstBatch > 0 ? Double(recordsAfterFirstBatch) / secondsAfterFirstBatch : 0
        }
    }

    public var bootstrap: String
    public var logger: Logger

    public init(bootstrap: String, logger: Logger) {
        self.bootstrap = bootstrap
        self.logger = logger
    }

    /// Reads `partitions`, which hold `records` records, ``passes`` times from their start.
    public func read(_ partitions: [TopicPartition], records: Int, timeoutSeconds: Int = 600) throws -> Result {
        let start = ContinuousClock.now
        let cpuBefore = ProcessorTime.ownSeconds()
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": bootstrap], logger: logger)
        defer { consumer.close() }
        let beginning = Dictionary(uniqueKeysWithValues: partitions.map { ($0, StartOffset.beginning) })
        var count = 0
        var firstBatch: (at: ContinuousClock.Instant, records: Int)?
        for pass in 1...Self.passes {
            try consumer.assign(beginning)
            while count < records * pass {
                guard ContinuousClock.now - start < .seconds(timeoutSeconds) else {
                    throw BenchmarkProcessError.timedOut(what: "reading \(English.count(records, "record"))", seconds: timeoutSeconds)
                }
                let batch = try consumer.poll(maxRecords: 1_000, timeoutMilliseconds: 100)
                count += batch.count
                if firstBatch == nil, !batch.isEmpty {
                    firstBatch = (ContinuousClock.now, count)
                }
            }
        }
        let end = ContinuousClock.now
        let first = firstBatch ?? (end, count)
        return Result(records: count, wallSeconds: CatchUpWatch.seconds(end - start),
                      recordsAfterFirstBatch: count - first.records,
                      secondsAfterFirstBatch: CatchUpWatch.seconds(end - first.at),
                      cpuSeconds: ProcessorTime.ownSeconds() - cpuBefore)
    }
}
