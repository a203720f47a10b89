import VigilKafka

// MARK: - Rebalance

extension StreamService {
    public func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: StartOffset] {
        var starts: [TopicPartition: StartOffset] = [:]
        for topicPartition in partitions {
            do {
                if let next = try offsets?.nextOffset(topicPartition) {
                    try checkStoredOffset(next, of: topicPartition)
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

    /// Fails when the store remembers more records than the topic has: the
    /// topic was recreated or the in-memory embedded broker restarted, and
    /// reading from there would skip every new record in silence. A stored
    /// offset below the log start means retention deleted unread records,
    /// which is logged, and reading goes on from the log start.
    private func checkStoredOffset(_ next: Int64, of topicPartition: TopicPartition) throws {
        guard let consumer else { return }
        let (low, high) = try consumer.watermarks(topicPartition)
        if next > high {
            throw KafkaError(message: """
                the store \(configuration.storePath) has read \(topicPartition) up to offset \(next), \
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
