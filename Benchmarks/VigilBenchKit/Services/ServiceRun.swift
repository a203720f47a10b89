/// Times one stream service on topics filled beforehand: it starts with a
/// new store in its default group, reads every input from the beginning, and
/// is stopped once its groups have caught up.
public struct ServiceRun {
    /// The timeline, memory and processor time of one service.
    public struct Result: Sendable {
        public var timeline: CatchUpWatch.Timeline
        /// The peak resident memory of the process in KiB.
        public var peakResidentKilobytes: Int
        /// The processor time of the process over its whole run, user and system.
        public var cpuSeconds: Double
    }

    public var executables: VigilExecutables
    public var bootstrap: String

    public init(executables: VigilExecutables, bootstrap: String) {
        self.executables = executables
        self.bootstrap = bootstrap
    }

    /// Starts `executable` with `arguments` and a store in the work folder,
    /// waits until `groups` have caught up, and stops it with SIGTERM, which must exit 0.
    public func run(_ executable: String, _ arguments: [String], groups: [CatchUpWatch.Group],
                    probe: OffsetProbe) throws -> Result {
        let start = ContinuousClock.now
        let process = try executables.start(executable, ["--store", executables.path("\(executable).sqlite")] + arguments,
                                            bootstrap: bootstrap, log: executable)
        let timeline = try CatchUpWatch(groups: groups).wait(for: process, startedAt: start, probe: probe)
        let exit = process.stop()
        guard exit.status == 0 else {
            throw BenchmarkProcessError.failed(name: executable, status: exit.status, log: process.logTail())
        }
        return Result(timeline: timeline, peakResidentKilobytes: process.peakResidentKilobytes,
                      cpuSeconds: exit.cpuSeconds)
    }
}
