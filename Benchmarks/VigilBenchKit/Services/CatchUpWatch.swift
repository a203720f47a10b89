import Foundation
import VigilKafka
#if canImport(Glibc)
import Glibc
#endif

/// Watches a service's consumer groups until they have consumed every record
/// of their topics, and times the work.
///
/// A stream service commits a partition's offset only after the outputs of the
/// records before it are on the broker, so a group whose commits reach the end
/// of every input partition has also published everything it made from them.
public struct CatchUpWatch {
    /// One consumer group of the service and the topics it reads.
    public struct Group {
        public var name: String
        public var topics: [String]
        /// True for the service's inputs, false for a topic the service writes
        /// and reads itself (scoring's repartition topic), which the rate leaves out.
        public var countsAsInput: Bool

        public init(name: String, topics: [String], countsAsInput: Bool = true) {
            self.name = name
            self.topics = topics
            self.countsAsInput = countsAsInput
        }
    }

    /// The progress the watch saw, in seconds since the process started.
    public struct Timeline: Sendable {
        /// The records on the input topics when the service caught up.
        public var inputRecords: Int
        /// The input records already committed at the first commit seen: the first batch, which the rate leaves out.
        public var recordsBeforeFirstCommit: Int
        /// When the first commit was seen, in seconds after the start.
        public var firstCommitSeconds: Double
        /// When every group had caught up, in seconds after the start.
        public var caughtUpSeconds: Double

        /// The input records per second from the first commit to the catch-up:
        /// the work after the start-up (store, roster, group join) and the first batch.
        public var recordsPerSecond: Double {
            let seconds = caughtUpSeconds - firstCommitSeconds
            return seconds > 0 ? Double(inputRecords - recordsBeforeFirstCommit) / seconds : 0
        }
    }

    public var groups: [Group]
    /// The time between two looks at the offsets.
    public var intervalMilliseconds = 50
    public var timeoutSeconds = 1_800

    public init(groups: [Group]) {
        self.groups = groups
    }

    /// Polls the offsets until every group has caught up, from `start` (when
    /// the process was started). Throws when the process exits or the timeout passes.
    public func wait(for process: ChildProcess, startedAt start: ContinuousClock.Instant,
                     probe: OffsetProbe) throws -> Timeline {
        var partitions: [String: [TopicPartition]] = [:]
        for group in groups {
            partitions[group.name] = try probe.partitions(of: group.topics)
        }
        var ends = try probe.watermarks(partitions.values.flatMap { $0 })
        var firstCommit: (seconds: Double, records: Int)?

        while true {
            guard process.isRunning else {
                throw BenchmarkProcessError.failed(name: process.name, status: process.exit?.status ?? -1,
                                                   log: process.logTail())
            }
            let now = ContinuousClock.now
            guard now - start < .seconds(timeoutSeconds) else {
                throw BenchmarkProcessError.timedOut(what: "\(process.name) catching up", seconds: timeoutSeconds)
            }

            var lag = 0
            var consumedInput = 0
            for group in groups {
                let groupPartitions = partitions[group.name] ?? []
                let committed = try probe.committed(group: group.name, groupPartitions)
                for partition in groupPartitions {
                    guard let end = ends[partition] else { continue }
                    let position = max(committed[partition] ?? end.low, end.low)
                    lag += Int(max(end.high - position, 0))
                    if group.countsAsInput {
                        consumedInput += Int(position - end.low)
                    }
                }
            }
            let seconds = Self.seconds(now - start)
            if firstCommit == nil, consumedInput > 0 {
                firstCommit = (seconds, consumedInput)
            }
            if lag == 0, let firstCommit {
                // The ends are read again, because a topic the service writes itself may have grown.
                let fresh = try probe.watermarks(partitions.values.flatMap { $0 })
                if fresh.allSatisfy({ ends[$0.key]?.high == $0.value.high }) {
                    let inputs = groups.filter(\.countsAsInput).flatMap { partitions[$0.name] ?? [] }
                    let total = inputs.reduce(0) { $0 + Int((fresh[$1]?.high ?? 0) - (fresh[$1]?.low ?? 0)) }
                    return Timeline(inputRecords: total, recordsBeforeFirstCommit: firstCommit.records,
                                    firstCommitSeconds: firstCommit.seconds, caughtUpSeconds: seconds)
                }
                ends = fresh
            }
            usleep(UInt32(intervalMilliseconds * 1_000))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
