import VigilKafka

/// One partition of an offset reset: where the group is and where it goes.
struct OffsetResetRow: Equatable {
    /// The way the new offset was found.
    enum Source: Equatable {
        /// The broker named it (ListOffsets by timestamp).
        case broker
        /// The broker named no offset but looks up offsets by timestamp, so no
        /// record is that recent and the new offset is the partition's end.
        case noRecordThatRecent
        /// The broker named no offset and does not look up offsets by
        /// timestamp, so the partition was read record by record.
        case scan
        /// The partition has no records, so the new offset is its end.
        case empty
    }

    var partition: TopicPartition
    /// The group's committed offset, or nil when it has none for this partition.
    var committed: Int64?
    /// The offset of the first record with a timestamp at or after the time,
    /// or the partition's end offset when no record is that recent.
    var target: Int64
    var source: Source

    /// Records the group skips (positive) or reads again (negative); nil without a committed offset.
    var difference: Int64? { committed.map { target - $0 } }
}
