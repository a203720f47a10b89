/// Percentiles of a set of latencies, by the nearest-rank method: the p-th
/// percentile is the smallest sample that at least p% of the samples do not
/// exceed, so every figure is a latency that was actually measured.
public struct LatencySummary: Sendable, Equatable {
    /// The number of samples.
    public var count: Int
    /// The median, in milliseconds.
    public var p50: Double
    /// The 99th percentile, in milliseconds.
    public var p99: Double
    /// The largest sample, in milliseconds.
    public var max: Double

    /// Summarizes `milliseconds`; nil when there are no samples.
    public init?(milliseconds samples: [Double]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        count = sorted.count
        p50 = Self.percentile(50, ofSorted: sorted)
        p99 = Self.percentile(99, ofSorted: sorted)
        max = sorted[sorted.count - 1]
    }

    /// Returns the nearest-rank percentile `percent` (0 < percent ≤ 100) of
    /// samples sorted in ascending order: the sample at rank ⌈percent/100 × n⌉.
    public static func percentile(_ percent: Double, ofSorted sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "a percentile needs at least one sample")
        precondition(percent > 0 && percent <= 100, "percent must be in (0, 100]")
        // Computed in whole numbers where possible, so 99% of 100 samples is rank 99, not 99.00000000000001.
        let rank = (percent * Double(sorted.count) / 100).rounded(.up)
        let index = Swift.min(Swift.max(Int(rank), 1), sorted.count) - 1
        return sorted[index]
    }
}
