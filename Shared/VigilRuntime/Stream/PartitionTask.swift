import VigilKafka

/// The store of one partition number's state, as a Kafka Streams task
/// keeps the state of one partition of its co-partitioned topics.
///
/// A processor whose ``StreamProcessor/partitionedState`` is true keeps the
/// state of partition n of every input topic in one store of its own, so
/// the store moves with the partition. An instance that loses the partition
/// closes it, and one that receives it rebuilds it. Other processors run as
/// one task without a partition that keeps every partition's state.
///
/// Not Sendable: the stream loop's thread owns it.
final class PartitionTask {
    /// The partition number across the input topics, or nil for the store
    /// that keeps every partition.
    let partition: Int32?
    /// The SQLite file with the partition's state, offsets and outbox.
    let store: ServiceStore
    /// The context the processor works in for this partition.
    let context: ProcessingContext
    /// Publishes this store's outbox; nil in a capture run, which publishes nothing.
    let publisher: OutboxPublisher?
    /// The group's committed offsets that a rebuild reads the input up to
    /// before the task processes anything new; empty once it is rebuilt.
    var restoreUntil: [TopicPartition: Int64] = [:]

    /// Wraps an open store; the caller decides whether it needs a rebuild.
    init(partition: Int32?, store: ServiceStore, context: ProcessingContext, publisher: OutboxPublisher?) {
        self.partition = partition
        self.store = store
        self.context = context
        self.publisher = publisher
    }

    /// True while the task must be rebuilt before it processes new records.
    var needsRestore: Bool {
        restoreUntil.values.contains { $0 > 0 }
    }
}
