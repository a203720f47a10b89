import VigilContracts
import VigilKafka
import VigilRuntime

// MARK: - Start

extension ConsoleFeed {
    /// Returns where each partition of the feed's topics starts: at the
    /// offset the store keeps, or at the beginning for a partition never read.
    ///
    /// - Throws: a ``KafkaError`` when the store has read further than the
    ///   partition now reaches: the topic was recreated or the broker lost
    ///   its data, and reading on would skip every new record in silence.
    func startOffsets(partitionCounts: [String: Int32], consumer: KafkaConsumer) throws
        -> [TopicPartition: StartOffset] {
        var starts: [TopicPartition: StartOffset] = [:]
        for topic in topics {
            for partition in 0..<(partitionCounts[topic.name] ?? topic.partitions) {
                let topicPartition = TopicPartition(topic: topic.name, partition: partition)
                guard let next = nextOffsets[topicPartition] else {
                    starts[topicPartition] = .beginning
                    continue
                }
                try checkStoredOffset(next, of: topicPartition, consumer: consumer)
                starts[topicPartition] = .offset(next)
            }
        }
        return starts
    }

    /// Fails for a stored offset past the partition's end, and logs one below
    /// its start: retention deleted records the console never read, and
    /// reading goes on from the first one left.
    private func checkStoredOffset(_ next: Int64, of topicPartition: TopicPartition,
                                   consumer: KafkaConsumer) throws {
        let (low, high) = try consumer.watermarks(topicPartition)
        if next > high {
            throw KafkaError(message: """
                the console store \(database.path) has read \(topicPartition) up to offset \(next), \
                but the topic ends at \(high): the topic was recreated or the broker lost its data \
                (the embedded broker keeps nothing across restarts). Start with a new store.
                """)
        }
        if next < low {
            logger.error("records deleted before the console read them", metadata: [
                "vigil.partition": topicPartition.description,
                "vigil.stored_offset": String(next),
                "vigil.log_start": String(low),
            ])
        }
    }

    /// Reads the roster up to the end it has now, before any other topic, and
    /// returns the number of records read. Stops early when shutdown is requested.
    func catchUpRoster(starts: [TopicPartition: StartOffset], consumer: KafkaConsumer,
                       shutdown: ShutdownSignal) throws -> Int {
        let rosterName = configuration.catalogue.roster.name
        let rosterStarts = starts.filter { $0.key.topic == rosterName }
        var remaining: [TopicPartition: Int64] = [:]
        for topicPartition in rosterStarts.keys {
            let (low, high) = try consumer.watermarks(topicPartition)
            if high > max(low, nextOffsets[topicPartition] ?? low) {
                remaining[topicPartition] = high
            }
        }
        guard !remaining.isEmpty else { return 0 }

        try consumer.assign(rosterStarts)
        var count = 0
        while !remaining.isEmpty, !shutdown.isRequested {
            let records = try consumer.poll(maxRecords: maxBatchSize, timeoutMilliseconds: 200)
            if !records.isEmpty {
                try applyBatch(records)
                count += records.count
            }
            for (topicPartition, high) in remaining where (nextOffsets[topicPartition] ?? 0) >= high {
                remaining[topicPartition] = nil
            }
        }
        return count
    }
}
