import VigilKafka

/// A capture run that ended before every input partition reached its end offset.
public enum CaptureError: Error, CustomStringConvertible {
    /// Shutdown was requested, such as by Ctrl-C.
    case stopped(unreadPartitions: [TopicPartition])
    /// No input record arrived for `timeout` while partitions were unread.
    case stalled(unreadPartitions: [TopicPartition], timeout: Duration)

    /// Names the unread partitions and, for a stall, asks whether the broker is reachable.
    public var description: String {
        switch self {
        case .stopped(let partitions):
            return "the run was stopped before it read \(Self.names(partitions)) to the end"
        case .stalled(let partitions, let timeout):
            return "reading the input timed out: no record for \(timeout) with \(Self.names(partitions)) "
                + "not read to the end offset taken at the start; is the broker reachable?"
        }
    }

    private static func names(_ partitions: [TopicPartition]) -> String {
        partitions.map(\.description).joined(separator: ", ")
    }
}
