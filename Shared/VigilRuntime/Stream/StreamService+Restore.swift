import VigilKafka

// MARK: - Rebuilding partition stores

extension StreamService {
    /// Rebuilds every partition store that was assigned without current state.
    func restorePendingTasks() throws {
        for task in openTasks where task.needsRestore {
            try restore(task)
        }
    }

    /// Reads the task's input partitions from their beginning up to the
    /// group's committed offsets and applies them to the new store, as the
    /// instance that owned them did. The services are functions of their
    /// input (docs/ARCHITECTURE.md, Determinism and replay), so the state
    /// comes out as that instance left it, apart from what today's roster and
    /// rules change. That instance published the events, so the rebuild
    /// drops them instead of queueing them again.
    ///
    /// The rebuild runs on the stream loop's thread, between two polls, and
    /// must finish within the consumer's `max.poll.interval.ms`. Until it
    /// ends, the task processes no new record and its offsets are never
    /// committed to the group.
    private func restore(_ task: PartitionTask) throws {
        let started = ContinuousClock.now
        let reader = try KafkaConsumer(properties: configuration.clientProperties, logger: logger)
        defer { reader.close() }

        // Records that retention already deleted cannot be read again.
        var unread: [TopicPartition: Int64] = [:]
        for (topicPartition, end) in task.restoreUntil where end > 0 {
            let (low, high) = try TransientRetry.run("read watermarks", consumer: reader, shutdown: shutdown,
                                                     logger: logger) {
                try reader.watermarks(topicPartition)
            }
            if end > high {
                throw KafkaError(message: """
                    the group committed \(topicPartition) up to offset \(end), but the topic ends at \(high): \
                    the topic was recreated or the broker lost its data
                    """)
            }
            if low > 0 {
                logger.error("partition store rebuilt without deleted records", metadata: [
                    "vigil.partition": topicPartition.description,
                    "vigil.log_start": String(low),
                ])
            }
            if low < end {
                unread[topicPartition] = end
            }
        }
        try reader.assign(unread.mapValues { _ in StartOffset.beginning })

        task.context.discardsOutputs = true
        defer { task.context.discardsOutputs = false }
        let until = unread
        var advanced: [TopicPartition: Int64] = [:]
        var applied = 0
        var lastProgress = ContinuousClock.now
        while !unread.isEmpty {
            // A shutdown leaves the rebuild unfinished: the task stays marked,
            // commits nothing, and the next owner rebuilds it again.
            if shutdown.isRequested {
                logger.info("partition store rebuild stopped", metadata: [
                    "vigil.partition": String(task.partition ?? -1),
                ])
                return
            }
            let records = try reader.poll(maxRecords: maxBatchSize, timeoutMilliseconds: 100)
            guard !records.isEmpty else {
                // An outage is no stall: the reader goes on once the cluster is back.
                if !reader.isClusterReachable {
                    lastProgress = ContinuousClock.now
                } else if ContinuousClock.now - lastProgress > .seconds(30) {
                    throw KafkaError(message: """
                        rebuilding partition \(task.partition ?? -1) stalled with \
                        \(unread.keys.sorted().map(\.description).joined(separator: ", ")) unread
                        """)
                }
                continue
            }
            lastProgress = ContinuousClock.now
            let belowCommit = records.filter { record in until[record.topicPartition].map { record.offset < $0 } ?? false }
            if !belowCommit.isEmpty {
                try process(belowCommit, in: task, advanced: &advanced)
                applied += belowCommit.count
            }
            for record in records {
                if let end = unread[record.topicPartition], record.offset + 1 >= end {
                    unread[record.topicPartition] = nil
                }
            }
        }

        // The store is now where the previous owner committed, and processing goes on from there.
        for (topicPartition, end) in task.restoreUntil where end > 0 {
            try task.store.offsets.store(end, for: topicPartition)
            nextOffsets[topicPartition] = end
        }
        task.restoreUntil = [:]
        let elapsed = ContinuousClock.now - started
        logger.info("partition store rebuilt", metadata: [
            "vigil.partition": String(task.partition ?? -1),
            "vigil.records": String(applied),
            "vigil.milliseconds": String(elapsed.components.seconds * 1_000
                + elapsed.components.attoseconds / 1_000_000_000_000_000),
        ])
    }
}
