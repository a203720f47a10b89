import Synchronization
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore

/// Write side: one consumer over the alerts, case.events, scores and roster
/// topics. It joins no group and assigns the partitions at the offsets kept
/// in the console's own SQLite store. Each batch and its next offsets are
/// applied in one transaction, so a restart neither loses nor doubles
/// anything. Duplicate event ids are ignored. Records that fail to decode go
/// to the log with a warning and are skipped, because the console never
/// publishes dead letters.
///
/// At start the feed reads the roster up to its end before the other topics,
/// so the first alerts and scores of a new store find their vendors.
/// Only one thread at a time may call ``run(until:)``, but ``onAlert`` and
/// the counters may be used from any thread.
public final class ConsoleFeed: @unchecked Sendable {
    /// How many records one transaction covers at most. Set it before ``run(until:)``.
    public var maxBatchSize = 1_000

    let configuration: ServiceConfiguration
    let logger: Logger
    let database: Database
    let applier: ConsoleRecordApplier
    let offsets: FeedOffsets
    /// The next offset of every partition read so far, as the store keeps it.
    var nextOffsets: [TopicPartition: Int64] = [:]
    private let lock: StoreLock
    private let alertHandler = Mutex<(@Sendable () -> Void)?>(nil)
    private let applied = Atomic<Int>(0)
    private let skipped = Atomic<Int>(0)
    private let running = Atomic<Bool>(false)

    /// Opens the store at `storePath` (creating it), takes its lock, checks
    /// the file and applies the schema's migrations. The feed keeps the lock
    /// until it is released, not only while it runs.
    ///
    /// - Throws: ``StoreLockError`` when another feed has the store open, and
    ///   ``StoreFault`` when SQLite cannot use the file.
    public init(configuration: ServiceConfiguration, storePath: String, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        lock = try StoreLock(storePath: storePath)
        do {
            database = try ConsoleSchema.open(path: storePath, check: true)
        } catch let error as DatabaseError {
            throw StoreFault(error)
        }
        applier = ConsoleRecordApplier(database: database, catalogue: configuration.catalogue, logger: logger)
        offsets = FeedOffsets(database: database)
    }

    /// Called after a batch that stored at least one new alert has committed,
    /// on the thread that runs the feed, so a live page can look for it at once.
    public var onAlert: (@Sendable () -> Void)? {
        get { alertHandler.withLock { $0 } }
        set { alertHandler.withLock { $0 = newValue } }
    }

    /// The records applied since this feed was created.
    public var appliedRecords: Int { applied.load(ordering: .relaxed) }

    /// The records skipped with a warning since this feed was created, because
    /// they could not be decoded or broke a constraint of the store.
    public var skippedRecords: Int { skipped.load(ordering: .relaxed) }

    /// Reads until `shutdown` fires. Calls `onAlert` (if set) after committing a batch that stored alerts.
    ///
    /// - Throws: ``StoreFault`` when SQLite fails on the store. A ``KafkaError``
    ///   when a topic is missing, or when the store has read past a partition's
    ///   end because the topic was recreated, so the store must be started afresh.
    public func run(until shutdown: ShutdownSignal) throws {
        let (exchanged, _) = running.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
        precondition(exchanged, "ConsoleFeed.run(until:) is already running")
        defer { running.store(false, ordering: .releasing) }
        do {
            try feed(until: shutdown)
        } catch let error as DatabaseError {
            throw StoreFault(error)
        }
    }

    // MARK: - Reading

    /// The topics the feed reads, the roster first.
    var topics: [TopicSpec] {
        let catalogue = configuration.catalogue
        return [catalogue.roster, catalogue.alerts, catalogue.caseEvents, catalogue.scores]
    }

    private func feed(until shutdown: ShutdownSignal) throws {
        let consumer = try KafkaConsumer(properties: configuration.clientProperties, logger: logger)
        defer { consumer.close() }
        let partitionCounts = try TopicCheck.require(topics, existing: consumer.topics())
        nextOffsets = try offsets.all()
        let starts = try startOffsets(partitionCounts: partitionCounts, consumer: consumer)

        let rosterRecords = try catchUpRoster(starts: starts, consumer: consumer, shutdown: shutdown)
        var resumed = starts
        for (topicPartition, next) in nextOffsets where resumed[topicPartition] != nil {
            resumed[topicPartition] = .offset(next)
        }
        try consumer.assign(resumed)
        logger.info("console feed started", metadata: [
            "vigil.topics": topics.map(\.name).joined(separator: ","),
            "vigil.partitions": String(resumed.count),
            "vigil.roster_records": String(rosterRecords),
        ])

        var lastReport = ContinuousClock.now
        var appliedAtReport = appliedRecords
        var skippedAtReport = skippedRecords
        while !shutdown.isRequested {
            let records = try consumer.poll(maxRecords: maxBatchSize, timeoutMilliseconds: 200)
            if !records.isEmpty {
                try applyBatch(records)
            }
            if ContinuousClock.now - lastReport > .seconds(10), appliedRecords + skippedRecords
                != appliedAtReport + skippedAtReport {
                logger.info("console feed progress", metadata: [
                    "vigil.applied": String(appliedRecords - appliedAtReport),
                    "vigil.skipped": String(skippedRecords - skippedAtReport),
                ])
                lastReport = ContinuousClock.now
                appliedAtReport = appliedRecords
                skippedAtReport = skippedRecords
            }
        }
        logger.info("console feed stopped", metadata: [
            "vigil.reason": shutdown.reason ?? "none",
            "vigil.applied": String(appliedRecords),
            "vigil.skipped": String(skippedRecords),
        ])
    }

    // MARK: - Batches

    /// Applies `records` and their next offsets in one transaction. A record
    /// that fails for a reason of its own rolls back to its savepoint and is
    /// skipped with a warning. Any other failure rolls back the whole batch.
    func applyBatch(_ records: [KafkaRecord]) throws {
        let storedOffsets = nextOffsets
        var batch = ConsoleBatch()
        var appliedCount = 0
        var skippedCount = 0
        do {
            try database.transaction {
                for record in records {
                    let topicPartition = record.topicPartition
                    if let next = nextOffsets[topicPartition], record.offset < next {
                        continue
                    }

                    var recordBatch = batch
                    do {
                        try database.transaction {
                            try applier.apply(record, to: &recordBatch)
                        }
                        batch = recordBatch
                        appliedCount += 1
                    } catch where !ProcessingFailure.stopsService(error) {
                        skippedCount += 1
                        logSkipped(record, reason: ProcessingFailure.rejection(for: error))
                    }

                    try offsets.store(record.offset + 1, for: topicPartition)
                    nextOffsets[topicPartition] = record.offset + 1
                }
                try applier.finish(batch)
            }
        } catch {
            nextOffsets = storedOffsets
            throw error
        }

        applied.add(appliedCount, ordering: .relaxed)
        skipped.add(skippedCount, ordering: .relaxed)
        if batch.storedAlerts > 0 {
            onAlert?()
        }
    }

    private func logSkipped(_ record: KafkaRecord, reason: RecordRejection) {
        logger.warning("record skipped", metadata: [
            "vigil.topic": record.topic,
            "vigil.partition": String(record.partition),
            "vigil.offset": String(record.offset),
            "vigil.reason": reason.description,
        ])
    }
}
