import VigilContracts
import VigilKafka
import VigilLog
import VigilStore

/// Runs a ``StreamProcessor`` effectively once: consume a batch, apply it and
/// store its offsets and outputs in one transaction, publish the outputs,
/// then report the offsets to the group.
///
/// A crash at any point either loses the whole transaction (the batch is
/// read again from the stored offsets) or leaves committed outputs in the
/// outbox (published again with the same ids at the next start).
public final class StreamService: KafkaRebalanceHandler {
    /// How many records one transaction covers at most.
    public var maxBatchSize = 1_000

    let configuration: ServiceConfiguration
    let processor: any StreamProcessor
    let shutdown: ShutdownSignal
    let logger: Logger

    var offsets: OffsetStore?
    var consumer: KafkaConsumer?
    var assigned: Set<TopicPartition> = []
    var nextOffsets: [TopicPartition: Int64] = [:]
    var rebalanceFailure: (any Error)?
    /// The topics that carry watermarks: ingestion's and the alerts topic. On
    /// any other topic, such as a raw topic a site writes, a watermark header
    /// means nothing.
    private lazy var watermarkTopics = Set(configuration.catalogue.carryingWatermarks.map(\.name))
    private var processedSinceReport = 0
    private var rejectedSinceReport = 0

    public init(configuration: ServiceConfiguration, processor: any StreamProcessor, shutdown: ShutdownSignal) {
        self.configuration = configuration
        self.processor = processor
        self.shutdown = shutdown
        self.logger = configuration.logger
    }

    // MARK: - Running

    /// Runs until shutdown is requested, then finishes the batch in hand,
    /// publishes the outbox, commits and leaves the group.
    public func run() throws {
        // Release the store when the run ends, so SQLite checkpoints and removes the WAL.
        defer {
            offsets = nil
            consumer = nil
        }
        let catalogue = configuration.catalogue
        let store = try ServiceStore(path: configuration.storePath, registerMigrations: processor.registerMigrations)
        let database = store.database
        try processor.open(database)

        let offsets = store.offsets
        self.offsets = offsets
        let context = ProcessingContext(store: store, catalogue: catalogue)
        let producer = try KafkaProducer(properties: configuration.clientProperties, logger: logger)
        let publisher = OutboxPublisher(outbox: store.outbox, producer: producer, serviceName: configuration.serviceName,
                                        deadLetters: catalogue.deadLetters, logger: logger)

        let topics = try TopicCheck.require(
            processor.inputTopics + processor.tableTopics + processor.outputTopics + [catalogue.deadLetters],
            on: producer)
        let leftover = try publisher.publishPending(shutdown: shutdown)
        if leftover > 0 {
            logger.notice("published outbox left from the previous run", metadata: ["vigil.records": String(leftover)])
        }

        let tables = try loadTables(partitionCounts: topics, store: store)
        try processor.tablesLoaded()
        try publisher.publishPending(shutdown: shutdown)

        var groupProperties = configuration.clientProperties
        groupProperties["group.id"] = configuration.groupId
        let consumer = try KafkaConsumer(properties: groupProperties, logger: logger, rebalanceHandler: self)
        self.consumer = consumer
        try consumer.subscribe(processor.inputTopics.map(\.name))
        logger.info("service started", metadata: [
            "vigil.group": configuration.groupId,
            "vigil.store": configuration.storePath,
            "vigil.topics": processor.inputTopics.map(\.name).joined(separator: ","),
        ])

        var lastReport = ContinuousClock.now
        var lastIdleCommit = ContinuousClock.now
        var published = 0
        while !shutdown.isRequested {
            try pollTables(tables, store: store)
            let records = try consumer.poll(maxRecords: maxBatchSize, timeoutMilliseconds: 100)
            if let failure = rebalanceFailure {
                throw failure
            }
            if records.isEmpty {
                try publisher.publishPending(shutdown: shutdown)
                // Commits fail during a rebalance and nothing retries them. An
                // idle service therefore reports its offsets again every few
                // seconds, or `vigil lag` would show a lag that never clears.
                if ContinuousClock.now - lastIdleCommit > .seconds(5) {
                    try? consumer.commit(assignedOffsets, synchronously: false)
                    lastIdleCommit = ContinuousClock.now
                }
            } else {
                let processed = try processBatch(records, context: context, database: database, offsets: offsets)
                published += try publisher.publishPending(shutdown: shutdown)
                try consumer.commit(processed, synchronously: false)
            }
            if ContinuousClock.now - lastReport > .seconds(10) {
                reportProgress()
                lastReport = ContinuousClock.now
            }
        }

        logger.info("shutting down", metadata: [
            "vigil.signal": shutdown.signalName ?? "none",
            "vigil.reason": shutdown.reason ?? "none",
        ])
        published += try publisher.publishPending(shutdown: shutdown)
        // Asynchronous, because the offsets that count are in the store, not
        // the group. close() sends the commit if the broker is reachable.
        try? consumer.commit(assignedOffsets, synchronously: false)
        consumer.close()
        self.consumer = nil
        reportProgress()
        let left = try store.outbox.count()
        logger.info("service stopped", metadata: [
            "vigil.published": String(published),
            "vigil.outbox.left": String(left),
        ])
    }

    /// The next offsets of the partitions this instance owns.
    private var assignedOffsets: [TopicPartition: Int64] {
        nextOffsets.filter { assigned.contains($0.key) }
    }

    // MARK: - Batches

    /// Applies `records` in one transaction with their offsets and returns the
    /// next offset of each partition they advanced. A live run and a capture run share it.
    func processBatch(_ records: [KafkaRecord], context: ProcessingContext, database: Database,
                      offsets: OffsetStore) throws -> [TopicPartition: Int64] {
        var advanced: [TopicPartition: Int64] = [:]
        try database.transaction {
            for record in records {
                let topicPartition = record.topicPartition
                // A record fetched before its partition was revoked belongs to another instance now.
                guard assigned.contains(topicPartition) else { continue }
                // Records below the stored offset were applied before a restart or rebalance.
                if let next = nextOffsets[topicPartition], record.offset < next {
                    continue
                }

                do {
                    try database.transaction {
                        if watermarkTopics.contains(record.topic), WatermarkRecords.isWatermark(record) {
                            try processor.advanceWatermark(WatermarkRecords.decode(record), context: context)
                        } else {
                            try processor.process(record, context: context)
                        }
                    }
                    processedSinceReport += 1
                } catch let rejection as RecordRejection {
                    try context.emit(deadLetter(for: record, rejection: rejection), to: context.catalogue.deadLetters)
                    rejectedSinceReport += 1
                    logRejection(record, rejection)
                }

                nextOffsets[topicPartition] = record.offset + 1
                advanced[topicPartition] = record.offset + 1
                try offsets.store(record.offset + 1, for: topicPartition)
            }
            try processor.finishBatch(context: context)
        }
        return advanced
    }

    func deadLetter(for record: KafkaRecord, rejection: RecordRejection) -> DeadLetter {
        DeadLetter(
            service: configuration.serviceName,
            source: DeadLetterSource(topic: record.topic, partition: record.partition, offset: record.offset),
            key: record.keyString,
            reasonCode: rejection.reason,
            reason: rejection.message,
            payload: record.value,
            recordedAt: Timestamp(epochMilliseconds: record.timestampMilliseconds ?? 0))
    }

    func logRejection(_ record: KafkaRecord, _ rejection: RecordRejection) {
        logger.warning("record rejected", metadata: [
            "vigil.topic": record.topic,
            "vigil.partition": String(record.partition),
            "vigil.offset": String(record.offset),
            "vigil.reason": rejection.description,
        ])
    }

    private func reportProgress() {
        guard processedSinceReport > 0 || rejectedSinceReport > 0 else { return }
        logger.info("progress", metadata: [
            "vigil.processed": String(processedSinceReport),
            "vigil.rejected": String(rejectedSinceReport),
        ])
        processedSinceReport = 0
        rejectedSinceReport = 0
    }
}
