import VigilContracts
import VigilKafka

/// The offsets `vigil offsets reset` commits, one row per partition in topic and partition order.
struct OffsetResetPlan: Equatable {
    var group: String
    var time: Timestamp
    var rows: [OffsetResetRow]

    /// The offsets to commit.
    var targets: [TopicPartition: Int64] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.partition, $0.target) })
    }

    /// How many partitions had to be read record by record.
    var scannedPartitions: Int { rows.filter { $0.source == .scan }.count }
}
