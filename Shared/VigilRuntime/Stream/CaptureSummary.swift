import VigilKafka

/// The counts of a capture run (``StreamService/runCapture(stallTimeout:)``): what it read and kept.
public struct CaptureSummary: Sendable, Equatable {
    /// The end offset of each input partition when the run started. The run
    /// processed every record below it and none at or above it.
    public var endOffsets: [TopicPartition: Int64]
    /// The input records the run applied or sent to the dead letters,
    /// watermarks excluded, per input topic name.
    public var processedRecords: [String: Int]
    /// The watermark records the run read, per input topic name.
    public var watermarkRecords: [String: Int]
    /// The processed records whose timestamp is below the highest watermark
    /// time read earlier on their partition, per input topic name. A live
    /// service may have met them at another point against its other input
    /// topics than the run did, because that depends on arrival order.
    public var lateRecords: [String: Int]
    /// The records in the store's outbox when the run ended.
    public var outboxRecords: Int

    /// Makes the summary of a run from its counts.
    public init(endOffsets: [TopicPartition: Int64], processedRecords: [String: Int],
                watermarkRecords: [String: Int] = [:], lateRecords: [String: Int] = [:], outboxRecords: Int) {
        self.endOffsets = endOffsets
        self.processedRecords = processedRecords
        self.watermarkRecords = watermarkRecords
        self.lateRecords = lateRecords
        self.outboxRecords = outboxRecords
    }
}
