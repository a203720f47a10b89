import VigilKafka

/// The counts of a capture run (``StreamService/runCapture(stallTimeout:)``): what it read and kept.
public struct CaptureSummary: Sendable, Equatable {
    /// The end offset of each input partition when the run started. The run
    /// processed every record below it and none at or above it.
    public var endOffsets: [TopicPartition: Int64]
    /// The input records the run applied or sent to the dead letters,
    /// watermarks included, per input topic name.
    public var processedRecords: [String: Int]
    /// The records in the store's outbox when the run ended.
    public var outboxRecords: Int

    /// Makes the summary of a run from its counts.
    public init(endOffsets: [TopicPartition: Int64], processedRecords: [String: Int], outboxRecords: Int) {
        self.endOffsets = endOffsets
        self.processedRecords = processedRecords
        self.outboxRecords = outboxRecords
    }
}
