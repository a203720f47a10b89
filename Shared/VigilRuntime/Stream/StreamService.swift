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

    private let configuration: ServiceConfiguration
    private let processor: any StreamProcessor
    private let shutdown: ShutdownSignal
    private let logger: Logger

    private var offsets: OffsetStore?
    private var assigned: Set<TopicPartition> = []
    private var nextOffsets: [TopicPartition: Int64] = [:]
    private var rebalanceFailure: (any Error)?
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
        let catalogue = configuration.catalogue
        let store = try ServiceStore(path: configuration.storePath, registerMigrations: processor.registerMigrations)
        let database = store.database
        try processor.open(database)

        let offsets = store.offsets
        self.offsets = offsets
        let outbox = store.outbox
        let context = ProcessingContext(store: store, catalogue: catalogue)
        let producer = try KafkaProducer(properties: configuration.clientProperties, logger: logger)
        let publisher = OutboxPublisher(outbox: outbox, producer: producer, logger: logger)

        let topics = try TopicCheck.require(
            processor.inputTopics + processor.tableTopics + processor.outputTopics + [catalogue.deadLetters],
            on: producer)
        let leftover = try publisher.publishPending()
        if leftover > 0 {
            logger.notice("published outbox left from the previous run", metadata: ["vigil.records": String(leftover)])
        }

        let tables = try loadTables(partitionCounts: topics)

        var groupProperties = configuration.clientProperties
        groupProperties["group.id"] = configuration.groupId
        let consumer = try KafkaConsumer(properties: groupProperties, logger: logger, rebalanceHandler: self)
        try consumer.subscribe(processor.inputTopics.map(\.name))
        logger.info("service started", metadata: [
            "vigil.group": configuration.groupId,
            "vigil.store": configuration.storePath,
            "vigil.topics": processor.inputTopics.map(\.name).joined(separator: ","),
        ])

        var lastReport = ContinuousClock.now
        while !shutdown.isRequested {
            for table in tables {
                _ = try table.pollUpdates(apply: processor.applyTableRecord)
            }
            let records = try consumer.poll(maxRecords: maxBatchSize, timeoutMilliseconds: 100)
            if let failure = rebalanceFailure {
                throw failure
            }
            if records.isEmpty {
                producer.serveCallbacks()
            } else {
                let processed = try processBatch(records, context: context, database: database, offsets: offsets)
                try publisher.publishPending()
                try consumer.commit(processed, synchronously: false)
            }
            if ContinuousClock.now - lastReport > .seconds(10) {
                reportProgress()
                lastReport = ContinuousClock.now
            }
        }

        logger.info("shutting down", metadata: ["vigil.signal": shutdown.signalName ?? "none"])
        let left = try outbox.count()
        try publisher.publishPending(giveUpAfterMilliseconds: 10_000)
        // Asynchronous, because the offsets that count are in the store, not
        // the group. close() sends the commit if the broker is reachable.
        try? consumer.commit(nextOffsets.filter { assigned.contains($0.key) }, synchronously: false)
        consumer.close()
        reportProgress()
        logger.info("service stopped", metadata: ["vigil.outbox.published": String(left)])
    }

    // MARK: - Batches

    private func processBatch(_ records: [KafkaRecord], context: ProcessingContext, database: Database,
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
                        try processor.process(record, context: context)
                    }
                    processedSinceReport += 1
                } catch let rejection as RecordRejection {
                    try context.emit(deadLetter(for: record, rejection: rejection), to: context.catalogue.deadLetters)
                    rejectedSinceReport += 1
                    logger.warning("record rejected", metadata: [
                        "vigil.topic": record.topic,
                        "vigil.partition": String(record.partition),
                        "vigil.offset": String(record.offset),
                        "vigil.reason": rejection.description,
                    ])
                }

                nextOffsets[topicPartition] = record.offset + 1
                advanced[topicPartition] = record.offset + 1
                try offsets.store(record.offset + 1, for: topicPartition)
            }
            try processor.finishBatch(context: context)
        }
        return advanced
    }

    private func deadLetter(for record: KafkaRecord, rejection: RecordRejection) -> DeadLetter {
        DeadLetter(
            service: configuration.serviceName,
            source: DeadLetterSource(topic: record.topic, partition: record.partition, offset: record.offset),
            key: record.keyString,
            reasonCode: rejection.reason,
            reason: rejection.message,
            payload: String(decoding: record.value, as: UTF8.self),
            recordedAt: Timestamp(epochMilliseconds: record.timestampMilliseconds ?? 0))
    }

    // MARK: - Tables

    private func loadTables(partitionCounts: [String: Int32]) throws -> [TableReader] {
        var readers: [TableReader] = []
        for topic in processor.tableTopics {
            let reader = try TableReader(topic: topic, partitions: partitionCounts[topic.name] ?? topic.partitions,
                                         properties: configuration.clientProperties, logger: logger)
            let count = try reader.catchUp(shouldStop: { shutdown.isRequested }, apply: processor.applyTableRecord)
            logger.info("table loaded", metadata: ["vigil.topic": topic.name, "vigil.records": String(count)])
            readers.append(reader)
        }
        return readers
    }

    // MARK: - Rebalance

    public func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: StartOffset] {
        var starts: [TopicPartition: StartOffset] = [:]
        for topicPartition in partitions {
            do {
                if let next = try offsets?.nextOffset(topicPartition) {
                    nextOffsets[topicPartition] = next
                    starts[topicPartition] = .offset(next)
                } else {
                    nextOffsets[topicPartition] = nil
                    starts[topicPartition] = .beginning
                }
            } catch {
                // Processing must not start from a guess; the run loop stops the service.
                rebalanceFailure = error
                starts[topicPartition] = .end
            }
            assigned.insert(topicPartition)
        }
        logger.info("partitions assigned", metadata: [
            "vigil.partitions": partitions.sorted().map(\.description).joined(separator: ","),
        ])
        return starts
    }

    public func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool) {
        assigned.subtract(partitions)
        for topicPartition in partitions {
            nextOffsets[topicPartition] = nil
        }
        logger.info("partitions revoked", metadata: [
            "vigil.partitions": partitions.sorted().map(\.description).joined(separator: ","),
            "vigil.lost": String(lost),
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
