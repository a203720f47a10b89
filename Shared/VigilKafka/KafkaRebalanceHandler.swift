/// Receives a group consumer's partition changes, on the polling thread.
///
/// Stream services keep their offsets in their own store, so they reply to an
/// assignment with the offsets stored there, and stop touching a partition's
/// state when it is revoked.
public protocol KafkaRebalanceHandler: AnyObject {
    /// Returns where to start each newly assigned partition; a partition left
    /// out starts at the group's committed offset.
    func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: StartOffset]

    /// Called before the partitions are taken away. `lost` is true when the
    /// consumer was thrown out of the group, so another member may already own them.
    func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool)
}
