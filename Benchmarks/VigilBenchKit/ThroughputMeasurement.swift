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

    /// Times `pass`, which processes all `itemCount` items (`byteCount` bytes)
    /// once and returns a check value. One untimed pass warms caches and gives
    /// the check value. Each of the `runs` timed runs then repeats the pass
    /// until `minimumSeconds` have passed, on the calling thread.
    public static func measure(itemCount: Int, byteCount: Int, runs: Int, minimumSeconds: Double,
                               pass: () -> Int) -> ThroughputMeasurement {
        let checkValue = pass()
        var mismatches = 0
        var itemRates: [Double] = []
        var byteRates: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<runs {
            var passes = 0
            let start = clock.now
            var elapsed = 0.0
            repeat {
                if pass() != checkValue {
                    mismatches += 1
                }
                passes += 1
                elapsed = seconds(clock.now - start)
            } while elapsed < minimumSeconds
            itemRates.append(Double(itemCount * passes) / elapsed)
            byteRates.append(Double(byteCount * passes) / elapsed)
        }
        // A pass that returns another value did other work, so its time would not compare.
        precondition(mismatches == 0, "\(mismatches) passes returned a check value other than \(checkValue)")
        return ThroughputMeasurement(itemsPerSecond: itemRates, bytesPerSecond: byteRates, checkValue: checkValue)
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
