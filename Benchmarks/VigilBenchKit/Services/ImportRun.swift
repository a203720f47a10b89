import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times one `vigil-ingest` import of an NDJSON file: the process from start
/// to exit, and the span in which its records reached the topics, seen by
/// polling their end offsets.
public struct ImportRun {
    /// The records, timings, memory and processor time of one import.
    public struct Result: Sendable {
        /// The lines of the file.
        public var inputRecords: Int
        /// The records the import added to the topics, watermarks included.
        public var topicRecords: Int
        /// From start to exit of the process.
        public var wallSeconds: Double
        /// From the last look at the topics that found none of the import's
        /// records to the first that found all of them. It is at most one look
        /// interval longer at each end than the time from the first record to the last.
        public var firstToLastSeconds: Double
        /// The peak resident memory of the process in KiB, sampled every 20 ms.
        public var peakResidentKilobytes: Int
        /// The processor time of the process, user and system.
        public var cpuSeconds: Double
    }

    public var executables: VigilExecutables
    public var bootstrap: String
    /// The store of the import; a roster imported before into the same store counts.
    public var storePath: String
    /// The time between two looks at the end offsets.
    public var intervalMilliseconds = 20

    public init(executables: VigilExecutables, bootstrap: String, storePath: String) {
        self.executables = executables
        self.bootstrap = bootstrap
        self.storePath = storePath
    }

    /// Imports a file and waits for the process to exit; fails unless it exits 0.
    public func importUntimed(_ file: String, log: String) throws {
        let process = try executables.start("vigil-ingest", ["--store", storePath, file], bootstrap: bootstrap, log: log)
        let exit = process.wait(timeoutSeconds: 600)
        guard exit.status == 0 else {
            throw BenchmarkProcessError.failed(name: log, status: exit.status, log: process.logTail())
        }
    }

    /// Imports `file` of `lines` records, watching `topics`, and returns the timings.
    public func timedImport(_ file: String, lines: Int, topics: [String], probe: OffsetProbe,
                            log: String) throws -> Result {
        let partitions = try probe.partitions(of: topics)
        let before = try probe.highSum(partitions)
        let start = ContinuousClock.now
        let process = try executables.start("vigil-ingest", ["--store", storePath, file], bootstrap: bootstrap, log: log)

        // Samples of (seconds since start, records on the topics), taken until the process exits.
        var samples: [(seconds: Double, records: Int)] = []
        while process.isRunning {
            process.recordMemory()
            samples.append((CatchUpWatch.seconds(ContinuousClock.now - start), try probe.highSum(partitions) - before))
            usleep(UInt32(intervalMilliseconds * 1_000))
        }
        let exit = process.wait()
        let wall = CatchUpWatch.seconds(ContinuousClock.now - start)
        guard exit.status == 0 else {
            throw BenchmarkProcessError.failed(name: log, status: exit.status, log: process.logTail())
        }
        let total = try probe.highSum(partitions) - before
        samples.append((wall, total))

        return Result(inputRecords: lines, topicRecords: total, wallSeconds: wall,
                      firstToLastSeconds: Self.busySeconds(samples, total: total),
                      peakResidentKilobytes: process.peakResidentKilobytes, cpuSeconds: exit.cpuSeconds)
    }

    /// Returns the span from the last sample with no record on the topics to
    /// the first with all `total`, so that it contains every record the rate
    /// counts. The samples are (seconds since start, records), in time order.
    static func busySeconds(_ samples: [(seconds: Double, records: Int)], total: Int) -> Double {
        let first = samples.last { $0.records == 0 }?.seconds ?? 0
        let last = samples.first { $0.records == total }?.seconds ?? samples.last?.seconds ?? 0
        return last - first
    }
}
