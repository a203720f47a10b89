import VigilContracts
import VigilKafka

// MARK: - Capture

extension StreamService {
    /// Runs the processor over its input topics as they are now and keeps
    /// every output in the store's outbox, for `vigil replay`.
    ///
    /// The run reads each input partition from its beginning (or from the
    /// offset the store has, when reusing a store) up to the end offset it had
    /// when the run started, and then returns. Partitions that are empty at
    /// the start count as read. Batches go through the same transaction code
    /// as a live run, so the outbox receives what a live instance with a new
    /// store would publish. Nothing is published, because the run creates no
    /// producer. Its consumer assigns the partitions itself, so it never joins
    /// `configuration.groupId` or commits offsets to it. Table topics are read
    /// in full first, as in a live run, and only then: a rules release or
    /// roster change published while the run is going is not applied, so the
    /// whole run sees the tables as they were when it started.
    ///
    /// - Parameter stallTimeout: How long the run may go without any input
    ///   record while partitions are still unread before it fails.
    /// - Throws: ``CaptureError`` when shutdown is requested or the input
    ///   stalls before every partition reached its end offset; any error of
    ///   the processor or the cluster.
    public func runCapture(stallTimeout: Duration = .seconds(30)) throws -> CaptureSummary {
        defer {
            single = nil
            consumer?.close()
            consumer = nil
        }
        // One store for every partition: a capture reads them all and hands nothing over.
        let store = try ServiceStore(path: configuration.storePath, registerMigrations: processor.registerMigrations)
        try processor.open(store.database)
        single = PartitionTask(partition: nil, store: store,
                               context: makeContext(for: store),
                               publisher: nil)

        // A group id that identifies the run in the broker's logs. The consumer
        // assigns partitions itself and Vigil's consumers never auto-commit.
        var properties = configuration.clientProperties
        properties["group.id"] = configuration.groupId
        let consumer = try KafkaConsumer(properties: properties, logger: logger)
        self.consumer = consumer
        defer { consumer.close() }

        let topics = try TopicCheck.require(
            processor.inputTopics + processor.tableTopics + processor.outputTopics + [configuration.catalogue.deadLetters],
            existing: try consumer.topics())
        // The readers are closed here: the tables stay as they are now for the whole run.
        _ = try loadTables(partitionCounts: topics, store: store)
        try processor.tablesLoaded()

        let endOffsets = try captureStart(partitionCounts: topics, consumer: consumer)
        logger.info("capture started", metadata: [
            "vigil.group": configuration.groupId,
            "vigil.store": configuration.storePath,
            "vigil.topics": processor.inputTopics.map(\.name).joined(separator: ","),
        ])

        let counts = try captureBatches(until: endOffsets, stallTimeout: stallTimeout, consumer: consumer)
        let captured = try store.outbox.count()
        logger.info("capture finished", metadata: [
            "vigil.processed": String(counts.records.values.reduce(0, +)),
            "vigil.watermarks": String(counts.watermarks.values.reduce(0, +)),
            "vigil.late": String(counts.late.values.reduce(0, +)),
            "vigil.outbox": String(captured),
        ])
        return CaptureSummary(endOffsets: endOffsets, processedRecords: counts.records,
                              watermarkRecords: counts.watermarks, lateRecords: counts.late, outboxRecords: captured)
    }

    /// Takes every input partition's end offset, assigns the partitions from
    /// where the store left them (the beginning for a new store), and returns the end offsets.
    private func captureStart(partitionCounts: [String: Int32],
                              consumer: KafkaConsumer) throws -> [TopicPartition: Int64] {
        var endOffsets: [TopicPartition: Int64] = [:]
        for topic in processor.inputTopics {
            for partition in 0..<(partitionCounts[topic.name] ?? topic.partitions) {
                let topicPartition = TopicPartition(topic: topic.name, partition: partition)
                endOffsets[topicPartition] = try consumer.watermarks(topicPartition).high
            }
        }

        let starts = partitionsAssigned(endOffsets.keys.sorted())
        if let failure = rebalanceFailure {
            throw failure
        }
        try consumer.assign(starts)
        return endOffsets
    }

    /// Processes batches until every partition has reached its end offset, and
    /// returns the counts of the input records applied or rejected.
    private func captureBatches(until endOffsets: [TopicPartition: Int64], stallTimeout: Duration,
                                consumer: KafkaConsumer) throws -> CaptureInputCounts {
        var unread: [TopicPartition: Int64] = [:]
        for (topicPartition, end) in endOffsets {
            let (low, _) = try consumer.watermarks(topicPartition)
            if max(nextOffsets[topicPartition] ?? low, low) < end {
                unread[topicPartition] = end
            }
        }

        var counts = CaptureInputCounts()
        var lastProgress = ContinuousClock.now
        while !unread.isEmpty {
            if shutdown.isRequested {
                throw CaptureError.stopped(unreadPartitions: unread.keys.sorted())
            }
            let records = try consumer.poll(maxRecords: maxBatchSize, timeoutMilliseconds: 100)
            guard !records.isEmpty else {
                if ContinuousClock.now - lastProgress > stallTimeout {
                    throw CaptureError.stalled(unreadPartitions: unread.keys.sorted(), timeout: stallTimeout)
                }
                continue
            }
            lastProgress = ContinuousClock.now

            // Records appended after the start belong to no capture: a replay
            // compares the input as it was when the run started.
            let captured = records.filter { record in
                endOffsets[record.topicPartition].map { record.offset < $0 } ?? false
            }
            if !captured.isEmpty {
                _ = try processBatch(captured)
                for record in captured {
                    counts.add(record)
                }
            }
            for record in records {
                if let end = unread[record.topicPartition], record.offset + 1 >= end {
                    unread[record.topicPartition] = nil
                }
            }
        }
        return counts
    }
}
