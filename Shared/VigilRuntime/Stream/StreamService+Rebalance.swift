import VigilKafka

// MARK: - Rebalance

extension StreamService {
    public func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: StartOffset] {
        var starts: [TopicPartition: StartOffset] = [:]
        do {
            if single != nil {
                for topicPartition in partitions {
                    starts[topicPartition] = try start(topicPartition, storedIn: single!)
                }
            } else {
                let byNumber = Dictionary(grouping: partitions, by: \.partition)
                for number in byNumber.keys.sorted() {
                    for (topicPartition, start) in try openTask(number, partitions: byNumber[number] ?? []) {
                        starts[topicPartition] = start
                    }
                }
            }
        } catch {
            // Processing must not start from a guess; the run loop stops the service.
            rebalanceFailure = error
            for topicPartition in partitions where starts[topicPartition] == nil {
                starts[topicPartition] = .end
            }
        }
        assigned.formUnion(partitions)
        logger.info("partitions assigned", metadata: [
            "vigil.partitions": partitions.sorted().map(\.description).joined(separator: ","),
        ])
        return starts
    }

    public func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool) {
        // A partition handed over cleanly leaves with its outbox published and
        // its offsets committed, so the next owner starts where this one
        // stopped. Publishing waits at most the grace period, and a partition
        // whose outbox is not empty then is not committed. After a failure,
        // the stores may not contain the offsets in `nextOffsets`, so the
        // partitions leave without a commit and the next owner goes on from
        // the group's last committed offsets.
        if !lost, !failed {
            let bounded = ShutdownSignal(signals: [])
            bounded.request(reason: "partitions revoked")
            for task in openTasks where !task.needsRestore {
                _ = try? task.publisher?.publishPending(shutdown: bounded)
            }
            let leaving = assignedOffsets.filter { partitions.contains($0.key) }
            try? consumer?.commit(leaving, synchronously: true)
        }
        assigned.subtract(partitions)
        for topicPartition in partitions {
            nextOffsets[topicPartition] = nil
        }
        // A task whose partitions are all gone closes its store and never touches it again.
        for (number, _) in tasks where !assigned.contains(where: { $0.partition == number }) {
            tasks[number] = nil
        }
        logger.info("partitions revoked", metadata: [
            "vigil.partitions": partitions.sorted().map(\.description).joined(separator: ","),
            "vigil.lost": String(lost),
        ])
    }

    // MARK: - Partition stores

    /// Opens partition `number`'s store for newly assigned `partitions` and
    /// returns where each starts.
    ///
    /// The store is current when, for every partition, its offset is at or
    /// past the group's committed one: this instance owned the partition last
    /// (a restart, or a rebalance that gave it back). Otherwise another
    /// instance moved the partition on, or the store is new: it is deleted
    /// and rebuilt up to the committed offsets before the task processes anything.
    private func openTask(_ number: Int32, partitions: [TopicPartition]) throws -> [TopicPartition: StartOffset] {
        if tasks[number] == nil {
            tasks[number] = try makeTask(number)
        }
        var committed: [TopicPartition: Int64] = [:]
        if let consumer {
            committed = try TransientRetry.run("read committed offsets", consumer: consumer, shutdown: shutdown,
                                               logger: logger) {
                try consumer.committed(partitions)
            }
        }
        let current = try tasks[number].map { try isCurrent($0, partitions: partitions, committed: committed) } ?? true
        if current {
            // What a crash left in a current store's outbox belongs to this owner's run.
            try tasks[number]?.publisher?.publishPending(shutdown: shutdown)
        } else {
            // The only reference goes first, so the store is closed before its files are deleted.
            tasks[number] = nil
            try PartitionStorePath.remove(number, storePath: configuration.storePath)
            let rebuilt = try makeTask(number)
            for topicPartition in partitions {
                rebuilt.restoreUntil[topicPartition] = committed[topicPartition] ?? 0
            }
            tasks[number] = rebuilt
            logger.info("partition store rebuilds", metadata: [
                "vigil.partition": String(number),
                "vigil.offsets": committed.sorted { $0.key < $1.key }
                    .map { "\($0.key)@\($0.value)" }.joined(separator: ","),
            ])
        }
        guard let task = tasks[number] else { return [:] }

        var starts: [TopicPartition: StartOffset] = [:]
        for topicPartition in partitions {
            if let until = task.restoreUntil[topicPartition], until > 0 {
                // The rebuild reads from the beginning; new records wait for it.
                nextOffsets[topicPartition] = nil
                starts[topicPartition] = .offset(until)
            } else {
                starts[topicPartition] = try start(topicPartition, storedIn: task)
            }
        }
        return starts
    }

    /// Returns true when the store's offset of every partition is at or past
    /// the group's committed one.
    private func isCurrent(_ task: PartitionTask, partitions: [TopicPartition],
                           committed: [TopicPartition: Int64]) throws -> Bool {
        for topicPartition in partitions {
            let stored = try task.store.offsets.nextOffset(topicPartition) ?? 0
            if let owned = committed[topicPartition], owned > stored {
                return false
            }
        }
        return true
    }

    /// Opens partition `number`'s store. Its outbox is published only once
    /// the store proves current: a stale one's events belong to a history
    /// another owner has published since.
    private func makeTask(_ number: Int32) throws -> PartitionTask {
        let path = PartitionStorePath.path(of: number, storePath: configuration.storePath)
        let store = try ServiceStore(path: path, registerMigrations: processor.registerMigrations)
        try processor.open(store.database)
        let publisher = makePublisher(for: store)
        return PartitionTask(partition: number, store: store,
                             context: makeContext(for: store),
                             publisher: publisher)
    }

    /// Returns where a partition starts from the offset its store keeps.
    func start(_ topicPartition: TopicPartition, storedIn task: PartitionTask) throws -> StartOffset {
        guard let next = try task.store.offsets.nextOffset(topicPartition) else {
            nextOffsets[topicPartition] = nil
            return .beginning
        }
        try checkStoredOffset(next, of: topicPartition, storePath: task.store.database.path)
        nextOffsets[topicPartition] = next
        return .offset(next)
    }

    /// Fails when the store remembers more records than the topic has: the
    /// topic was recreated or the in-memory embedded broker restarted, and
    /// reading from there would skip every new record in silence. A stored
    /// offset below the log start means retention deleted unread records,
    /// which is logged, and reading goes on from the log start.
    private func checkStoredOffset(_ next: Int64, of topicPartition: TopicPartition, storePath: String) throws {
        guard let consumer else { return }
        let (low, high) = try TransientRetry.run("read watermarks", consumer: consumer, shutdown: shutdown,
                                                 logger: logger) {
            try consumer.watermarks(topicPartition)
        }
        if next > high {
            throw KafkaError(message: """
                the store \(storePath) has read \(topicPartition) up to offset \(next), \
                but the topic ends at \(high): the topic was recreated or the broker lost its data \
                (the embedded broker keeps nothing across restarts). Start with a new store.
                """)
        }
        if next < low {
            logger.error("records deleted before they were processed", metadata: [
                "vigil.partition": topicPartition.description,
                "vigil.stored_offset": String(next),
                "vigil.log_start": String(low),
            ])
        }
    }
}
