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
    /// instance that owned them did. Services are functions of their input
    /// (docs/ARCHITECTURE.md, Determinism and replay), so the state comes out
    /// as that instance left it. Its outputs were published then, so the
    /// rebuild's outbox is dropped instead of published again.
    ///
    /// The rebuild runs on the stream loop's thread, between two polls, and
    /// must finish within the consumer's `max.poll.interval.ms`.
    private func restore(_ task: PartitionTask) throws {
        let until = task.restoreUntil.filter { $0.value > 0 }
        let started = ContinuousClock.now
        let reader = try KafkaConsumer(properties: configuration.clientProperties, logger: logger)
        defer { reader.close() }
        try reader.assign(until.mapValues { _ in StartOffset.beginning })

        var unread = until
        var advanced: [TopicPartition: Int64] = [:]
        var applied = 0
        var lastProgress = ContinuousClock.now
        while !unread.isEmpty {
            if shutdown.isRequested {
                throw KafkaError(message: "stopped while rebuilding partition \(task.partition ?? -1)")
            }
            let records = try reader.poll(maxRecords: maxBatchSize, timeoutMilliseconds: 100)
            guard !records.isEmpty else {
                if ContinuousClock.now - lastProgress > .seconds(30) {
                    throw KafkaError(message: """
                        rebuilding partition \(task.partition ?? -1) stalled with \
                        \(unread.keys.sorted().map(\.description).joined(separator: ", ")) unread
                        """)
                }
                continue
            }
            lastProgress = ContinuousClock.now
            let wanted = records.filter { record in until[record.topicPartition].map { record.offset < $0 } ?? false }
            if !wanted.isEmpty {
                try process(wanted, in: task, advanced: &advanced)
                applied += wanted.count
            }
            for record in records {
                if let end = unread[record.topicPartition], record.offset + 1 >= end {
                    unread[record.topicPartition] = nil
                }
            }
        }

        try task.store.outbox.removeAll()
        for (topicPartition, end) in until {
            nextOffsets[topicPartition] = end
        }
        task.restoreUntil = [:]
        logger.info("partition store rebuilt", metadata: [
            "vigil.partition": String(task.partition ?? -1),
            "vigil.records": String(applied),
            "vigil.milliseconds": String((ContinuousClock.now - started).components.seconds * 1_000
                + (ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000),
        ])
    }
}
