import VigilKafka
import VigilStore

/// The next offset to read per partition, kept in the console's store.
///
/// The feed writes them in the transaction that stores the records before
/// them, so after a crash the store and the offsets agree and the feed goes
/// on where the last committed batch ended.
struct FeedOffsets {
    let database: Database

    /// Returns every stored next offset.
    func all() throws -> [TopicPartition: Int64] {
        var offsets: [TopicPartition: Int64] = [:]
        for row in try database.query("SELECT topic, partition, next_offset FROM console_offsets") {
            guard let topic = row[0].string, let partition = row[1].int64, let next = row[2].int64 else { continue }
            offsets[TopicPartition(topic: topic, partition: Int32(partition))] = next
        }
        return offsets
    }

    /// Stores the next offset of a partition; call inside the batch's transaction.
    func store(_ nextOffset: Int64, for topicPartition: TopicPartition) throws {
        try database.run("""
            INSERT INTO console_offsets (topic, partition, next_offset) VALUES (?, ?, ?)
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset
            """, [topicPartition.topic, topicPartition.partition, nextOffset])
    }
}
