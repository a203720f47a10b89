/// Decides each partition's new offset from the offsets that the broker
/// returns for ListOffsets by timestamp, or that the partition must be read.
///
/// The broker returns -1 ("none") for a time in two cases: Apache Kafka when
/// no record of the partition is that recent, and librdkafka 2.0.2's mock
/// cluster for every time. A probe at time 0 on a partition with records
/// distinguishes them, because Apache Kafka returns the partition's first
/// record with a non-negative timestamp for it.
enum OffsetForTimeRule {
    /// The outcome for one partition: its new offset, or a scan.
    enum Decision: Equatable {
        /// The new offset is known without reading the partition.
        case offset(Int64, OffsetResetRow.Source)
        /// The broker's offsets cannot show whether a record is that recent, so the partition must be read.
        case scan
    }

    /// The time the probe requests an offset for, 0 ms after the epoch, at or before any record a producer timestamped with the current time.
    static let probeTime: Int64 = 0

    /// Returns true when a probe is needed to decide whether the broker looks
    /// up offsets by timestamp. `offsets` are the broker's offsets for the time
    /// on the partitions with records, nil where it returned -1.
    ///
    /// A single offset shows that the broker supports the lookup, and with no
    /// -1 at all the support does not matter.
    static func needsProbe(offsets: [Int64?]) -> Bool {
        offsets.contains { $0 == nil } && !offsets.contains { $0 != nil }
    }

    /// Returns true when the broker looks up offsets by timestamp, so its -1
    /// means that no record is that recent. `probeOffset` is its offset for
    /// ``probeTime`` on one partition with records, nil when it returned -1
    /// or no probe was sent.
    static func brokerLooksUpTimestamps(offsets: [Int64?], probeOffset: Int64?) -> Bool {
        offsets.contains { $0 != nil } || probeOffset != nil
    }

    /// Decides one partition from its watermarks (`low..<high` contains its
    /// records) and the broker's offset for the time (nil for -1).
    static func decide(low: Int64, high: Int64, offset: Int64?, brokerLooksUpTimestamps: Bool) -> Decision {
        if low >= high {
            return .offset(high, .empty)
        }
        if let offset {
            // Retention or a new record may move the watermarks between the two requests.
            return .offset(min(max(offset, low), high), .broker)
        }
        if brokerLooksUpTimestamps {
            return .offset(high, .noRecordThatRecent)
        }
        return .scan
    }
}
