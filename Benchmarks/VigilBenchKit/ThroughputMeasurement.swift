/// The speed of one benchmarked operation over a list of items, from several timed runs.
public struct ThroughputMeasurement: Sendable {
    /// Items per second of each run, in the order the runs ran.
    public var itemsPerSecond: [Double]
    /// Bytes per second of each run, in the same order.
    public var bytesPerSecond: [Double]
    /// The value the operation returned for one pass over the items, to check
    /// that two builds did the same work (hits found, scalars produced).
    public var checkValue: Int

    /// The median of ``itemsPerSecond``, the figure to quote on a shared machine.
    public var medianItemsPerSecond: Double { Self.median(itemsPerSecond) }

    /// The median of ``bytesPerSecond``.
    public var medianBytesPerSecond: Double { Self.median(bytesPerSecond) }

    /// One operation to time: a pass over `itemCount` items (`byteCount`
    /// bytes) that returns a check value.
    public struct Workload {
        public var itemCount: Int
        public var byteCount: Int
        public var pass: () -> Int

        public init(itemCount: Int, byteCount: Int, pass: @escaping () -> Int) {
            self.itemCount = itemCount
            self.byteCount = byteCount
            self.pass = pass
        }
    }

    /// Times each workload on the calling thread and returns one measurement
    /// per workload, in order. One untimed pass of each warms caches and
    /// gives its check value. Then come `runs` rounds, and in each round every
    /// workload repeats its pass until `minimumSeconds` have passed. Taking
    /// the workloads in turn, round by round, spreads a slow spell of a shared
    /// machine over all of them, so run `i` of two workloads can be compared
    /// as a pair.
    public static func measure(_ workloads: [Workload], runs: Int, minimumSeconds: Double) -> [ThroughputMeasurement] {
        var results = workloads.map { workload in
            ThroughputMeasurement(itemsPerSecond: [], bytesPerSecond: [], checkValue: workload.pass())
        }
        var mismatches = 0
        let clock = ContinuousClock()
        for _ in 0..<runs {
            for (index, workload) in workloads.enumerated() {
                var passes = 0
                let start = clock.now
                var elapsed = 0.0
                repeat {
                    if workload.pass() != results[index].checkValue {
                        mismatches += 1
                    }
                    passes += 1
                    elapsed = seconds(clock.now - start)
                } while elapsed < minimumSeconds
                results[index].itemsPerSecond.append(Double(workload.itemCount * passes) / elapsed)
                results[index].bytesPerSecond.append(Double(workload.byteCount * passes) / elapsed)
            }
        }
        // A pass that returns another value did other work, so its time would not compare.
        precondition(mismatches == 0, "\(English.count(mismatches, "pass", plural: "passes")) returned a check value other than the untimed first pass")
        return results
    }

    /// Returns the median of the ratios of `numerator`'s runs to `denominator`'s, run by run,
    /// for two measurements taken in the same call of ``measure(_:runs:minimumSeconds:)``.
    public static func medianRatio(_ numerator: ThroughputMeasurement, to denominator: ThroughputMeasurement) -> Double {
        median(zip(numerator.itemsPerSecond, denominator.itemsPerSecond).map { $0 / $1 })
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
