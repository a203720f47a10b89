import VigilKafka
import VigilStore

/// The next offset to process per input partition, kept in the service's store.
///
/// This table, not the group's committed offsets, decides where processing
/// resumes: it is written in the same transaction as the state, so the two
/// can never disagree after a crash.
final class OffsetStore {
    private let database: Database

    init(database: Database) {
        self.database = database
    }

    /// Returns the stored next offset, or nil when the partition was never processed.
    func nextOffset(_ topicPartition: TopicPartition) throws -> Int64? {
        try database.scalar("SELECT next_offset FROM vigil_offsets WHERE topic = ? AND partition = ?",
                            [topicPartition.topic, topicPartition.partition]).int64
    }

    /// Stores the next offset; call inside the transaction that stores the state.
    func store(_ nextOffset: Int64, for topicPartition: TopicPartition) throws {
        try database.run("""
            INSERT INTO vigil_offsets (topic, partition, next_offset) VALUES (?, ?, ?)
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset
            """, [topicPartition.topic, topicPartition.partition, nextOffset])
    }
}
