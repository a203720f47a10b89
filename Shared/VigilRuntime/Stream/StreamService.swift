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
///
/// Several instances share the input partitions through the consumer group.
/// With ``StreamProcessor/partitionedState`` each partition number's state
/// lives in a store of its own that follows the partition (see
/// ``PartitionTask``). Otherwise one store keeps every partition's state.
public final class StreamService: KafkaRebalanceHandler {
    /// How many records one transaction covers at most.
    public var maxBatchSize = 1_000

    let configuration: ServiceConfiguration
    let processor: any StreamProcessor
    let shutdown: ShutdownSignal
    let logger: Logger

    var consumer: KafkaConsumer?
    var producer: KafkaProducer?
    var assigned: Set<TopicPartition> = []
    var nextOffsets: [TopicPartition: Int64] = [:]
    var rebalanceFailure: (any Error)?
    /// True once the run failed. The state in the stores may then be behind
    /// `nextOffsets` or unreadable, so nothing more is published or committed.
    var failed = false
    /// The store of every partition, when the processor's state is not partitioned.
    var single: PartitionTask?
    /// The open partition stores, by partition number.
    var tasks: [Int32: PartitionTask] = [:]
    /// The instance's own store: the lock on `--store`, and dead letters of table records.
    var instanceStore: ServiceStore?
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
    ///
    /// - Throws: ``StoreFault`` when SQLite fails on a store, and the error of
    ///   anything else that stops the service. A failed run commits no more
    ///   offsets to the group, not even when its partitions are revoked.
    public func run() throws {
        // Release the stores when the run ends, so SQLite checkpoints and removes the WAL.
        // Closing the consumer revokes its partitions through this service,
        // so it closes while the property still refers to it.
        defer {
            consumer?.close()
            tasks = [:]
            single = nil
            instanceStore = nil
            consumer = nil
            producer = nil
        }
        do {
            try runUntilShutdown()
        } catch {
            failed = true
            if let database = error as? DatabaseError {
                throw StoreFault(database)
            }
            throw error
        }
    }

    private func runUntilShutdown() throws {
        let catalogue = configuration.catalogue
        let partitioned = processor.partitionedState
        let store = try ServiceStore(path: configuration.storePath,
                                     registerMigrations: partitioned ? { _ in } : processor.registerMigrations)
        instanceStore = store
        let producer = try KafkaProducer(properties: configuration.clientProperties, logger: logger)
        self.producer = producer
        let publisher = makePublisher(for: store)
        if partitioned {
            try PartitionStorePath.createFolder(of: configuration.storePath)
        } else {
            try processor.open(store.database)
            single = PartitionTask(partition: nil, store: store,
                                   context: makeContext(for: store),
                                   publisher: publisher)
        }

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

        let consumer = try KafkaConsumer(properties: try groupProperties(), logger: logger, rebalanceHandler: self)
        self.consumer = consumer
        try consumer.subscribe(processor.inputTopics.map(\.name))
        logger.info("service started", metadata: [
            "vigil.group": configuration.groupId,
            "vigil.store": configuration.storePath,
            "vigil.topics": processor.inputTopics.map(\.name).joined(separator: ","),
            "vigil.partitioned_state": String(partitioned),
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
            try restorePendingTasks()
            if records.isEmpty {
                published += try publishAll()
                // Commits fail during a rebalance and nothing retries them. An
                // idle service therefore reports its offsets again every few
                // seconds, or `vigil lag` would show a lag that never clears.
                if ContinuousClock.now - lastIdleCommit > .seconds(5) {
                    try? consumer.commit(assignedOffsets, synchronously: false)
                    lastIdleCommit = ContinuousClock.now
                }
            } else {
                let processed = try processBatch(records)
                published += try publishAll()
                try consumer.commit(committable(processed), synchronously: false)
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
        published += try publishAll()
        // Asynchronous, because the offsets that count are in the store, not
        // the group. close() sends the commit if the broker is reachable.
        try? consumer.commit(assignedOffsets, synchronously: false)
        consumer.close()
        self.consumer = nil
        reportProgress()
        var left = try store.outbox.count()
        for task in openTasks where task.store !== store {
            left += try task.store.outbox.count()
        }
        logger.info("service stopped", metadata: [
            "vigil.published": String(published),
            "vigil.outbox.left": String(left),
        ])
    }

    /// The consumer settings of the group. The default assignor is range,
    /// because it gives a member the same partition numbers of every topic,
    /// which several co-partitioned input topics need. A service with one
    /// input topic may take cooperative-sticky through `--kafka`. It is not
    /// the default because the librdkafka of Debian 12 loses the assignment
    /// when a commit meets a cooperative rebalance, and Vigil commits after
    /// every batch (github.com/confluentinc/librdkafka/issues/4059). `--instance-id` makes the member
    /// static, so a restart within the session timeout keeps its partitions.
    ///
    /// A rebuild of partition stores runs between two polls, so the poll
    /// interval allows five minutes. A static member gets 45 s of session to
    /// restart in. `--kafka` settings override both.
    /// - Throws: ``UsageError`` for another assignor with several input topics.
    func groupProperties() throws -> [String: String] {
        var properties = configuration.clientProperties
        properties["group.id"] = configuration.groupId
        let coPartitioned = processor.inputTopics.count > 1
        let strategy = properties["partition.assignment.strategy"] ?? "range"
        if coPartitioned, strategy != "range" {
            throw UsageError("partition.assignment.strategy must be range for \(configuration.serviceName): it reads "
                + "several topics whose partitions must stay together, and only range keeps them together")
        }
        properties["partition.assignment.strategy"] = strategy
        properties["max.poll.interval.ms"] = properties["max.poll.interval.ms"] ?? "300000"
        if let instanceId = configuration.instanceId {
            properties["group.instance.id"] = properties["group.instance.id"] ?? instanceId
            properties["session.timeout.ms"] = properties["session.timeout.ms"] ?? "45000"
        }
        return properties
    }

    /// The next offsets of the partitions this instance owns that may be
    /// committed to the group.
    var assignedOffsets: [TopicPartition: Int64] {
        committable(nextOffsets.filter { assigned.contains($0.key) })
    }

    /// Returns the offsets whose task has published everything and is not
    /// being rebuilt. The next owner of a partition rebuilds up to the
    /// committed offset and drops the events before it, so an offset is
    /// committed only once its events are on the broker.
    func committable(_ offsets: [TopicPartition: Int64]) -> [TopicPartition: Int64] {
        offsets.filter { topicPartition, _ in
            guard let task = task(for: topicPartition), !task.needsRestore else { return false }
            return (try? task.store.outbox.count()) == 0
        }
    }

    /// The tasks whose stores are open: the single one, or one per partition number.
    var openTasks: [PartitionTask] {
        if let single {
            return [single]
        }
        return tasks.keys.sorted().compactMap { tasks[$0] }
    }

    /// Returns the task that processes records of `topicPartition`.
    func task(for topicPartition: TopicPartition) -> PartitionTask? {
        single ?? tasks[topicPartition.partition]
    }

    /// Returns the context in which the processor applies records to `store`.
    func makeContext(for store: ServiceStore) -> ProcessingContext {
        let context = ProcessingContext(store: store, catalogue: configuration.catalogue,
                                        serviceName: configuration.serviceName)
        context.logger = logger
        return context
    }

    /// Returns a publisher of `store`'s outbox through this run's producer.
    func makePublisher(for store: ServiceStore) -> OutboxPublisher {
        OutboxPublisher(outbox: store.outbox, producer: producer!, serviceName: configuration.serviceName,
                        deadLetters: configuration.catalogue.deadLetters, logger: logger)
    }

    /// Publishes the outbox of the instance store and of every open task.
    private func publishAll() throws -> Int {
        var published = 0
        if let instanceStore, single == nil {
            published += try makePublisher(for: instanceStore).publishPending(shutdown: shutdown)
        }
        for task in openTasks {
            published += try task.publisher?.publishPending(shutdown: shutdown) ?? 0
        }
        return published
    }

    // MARK: - Batches

    /// Applies `records`, one transaction per task, and returns the next
    /// offset of each partition they advanced. A live run, a rebuild and a
    /// capture run share it.
    func processBatch(_ records: [KafkaRecord]) throws -> [TopicPartition: Int64] {
        var advanced: [TopicPartition: Int64] = [:]
        var order: [ObjectIdentifier] = []
        var grouped: [ObjectIdentifier: (PartitionTask, [KafkaRecord])] = [:]
        for record in records {
            // A record fetched before its partition was revoked belongs to another
            // instance now, and one of a store still to rebuild waits for the rebuild.
            guard assigned.contains(record.topicPartition), let task = task(for: record.topicPartition),
                  !task.needsRestore else { continue }
            let id = ObjectIdentifier(task)
            if grouped[id] == nil {
                order.append(id)
                grouped[id] = (task, [])
            }
            grouped[id]?.1.append(record)
        }
        for id in order {
            guard let (task, taskRecords) = grouped[id] else { continue }
            try process(taskRecords, in: task, advanced: &advanced)
        }
        return advanced
    }

    /// Applies one task's records in one transaction with their offsets.
    ///
    /// A record that fails for a reason of its own (see ``ProcessingFailure``)
    /// rolls back to its savepoint and becomes a dead letter, and the batch
    /// goes on. When `finishBatch` fails for such a reason, no one record is
    /// known to have caused it. The batch then rolls back and is applied again
    /// one record per transaction, each with `finishBatch` in its savepoint,
    /// so only the record that makes it fail becomes a dead letter.
    func process(_ records: [KafkaRecord], in task: PartitionTask,
                 advanced: inout [TopicPartition: Int64]) throws {
        do {
            try apply(records, in: task, finishingEachRecord: false, advanced: &advanced)
        } catch let failure as FinishBatchFailure {
            logger.warning("batch failed to finish; applying its records one at a time", metadata: [
                "vigil.records": String(records.count),
                "vigil.error": String(describing: failure.error),
            ])
            for record in records {
                try apply([record], in: task, finishingEachRecord: true, advanced: &advanced)
            }
        }
    }

    /// Applies `records` in one transaction with their offsets. When the
    /// transaction fails, `nextOffsets` returns to what the store keeps, so
    /// nothing later reports offsets past records whose results rolled back.
    private func apply(_ records: [KafkaRecord], in task: PartitionTask, finishingEachRecord: Bool,
                       advanced: inout [TopicPartition: Int64]) throws {
        let context = task.context
        let offsets = task.store.offsets
        let storedOffsets = nextOffsets
        var moved: [TopicPartition: Int64] = [:]
        var processed = 0
        var rejected = 0
        do {
            try task.store.database.transaction {
                for record in records {
                    let topicPartition = record.topicPartition
                    // Records below the stored offset were applied before a restart or rebalance.
                    if let next = nextOffsets[topicPartition], record.offset < next {
                        continue
                    }

                    do {
                        try task.store.database.transaction {
                            try apply(record, context: context)
                            if finishingEachRecord {
                                try processor.finishBatch(context: context)
                            }
                        }
                        processed += 1
                    } catch where !ProcessingFailure.stopsService(error) {
                        let rejection = ProcessingFailure.rejection(for: error)
                        try context.emit(deadLetter(for: record, rejection: rejection), to: context.catalogue.deadLetters)
                        rejected += 1
                        logRejection(record, rejection, unexpected: !(error is RecordRejection))
                    }

                    nextOffsets[topicPartition] = record.offset + 1
                    moved[topicPartition] = record.offset + 1
                    try offsets.store(record.offset + 1, for: topicPartition)
                }
                if !finishingEachRecord {
                    do {
                        try processor.finishBatch(context: context)
                    } catch where !ProcessingFailure.stopsService(error) {
                        throw FinishBatchFailure(error: error)
                    }
                }
            }
        } catch {
            nextOffsets = storedOffsets
            throw error
        }
        advanced.merge(moved) { _, new in new }
        processedSinceReport += processed
        rejectedSinceReport += rejected
    }

    /// Applies one record: a watermark on a topic that carries them, or an input record.
    private func apply(_ record: KafkaRecord, context: ProcessingContext) throws {
        if watermarkTopics.contains(record.topic), WatermarkRecords.isWatermark(record) {
            try processor.advanceWatermark(WatermarkRecords.decode(record), context: context)
        } else {
            try processor.process(record, context: context)
        }
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

    /// Logs a rejected record. A record the processor failed on without
    /// rejecting it (`unexpected`) logs an error, because the failure may
    /// come from a bug in the service rather than from the record.
    func logRejection(_ record: KafkaRecord, _ rejection: RecordRejection, unexpected: Bool = false) {
        let metadata: Logger.Metadata = [
            "vigil.topic": record.topic,
            "vigil.partition": String(record.partition),
            "vigil.offset": String(record.offset),
            "vigil.reason": rejection.description,
        ]
        if unexpected {
            logger.error("record processing failed; sent to dead letters", metadata: metadata)
            return
        }
        logger.warning("record rejected", metadata: metadata)
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
