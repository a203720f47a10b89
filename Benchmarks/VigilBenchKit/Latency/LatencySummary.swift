/// Percentiles of a set of latencies, by the nearest-rank method: the p-th
/// percentile is the smallest sample that at least p% of the samples do not
/// exceed, so every figure is a latency that was actually measured.
///
/// A sample can be known only as a lower bound, such as an alert that had not
/// arrived when the benchmark stopped waiting. Leaving such samples out would
/// make the percentiles look better the more alerts are lost, so they count
/// at their bound. Replacing a sample by a smaller bound can only lower each
/// percentile, so a percentile at or above the smallest bound is itself only
/// a lower bound, and one below it is exact.
public struct LatencySummary: Sendable, Equatable {
    /// The number of samples, lower bounds included.
    public var count: Int
    /// The number of samples known only as a lower bound.
    public var lowerBoundCount: Int
    /// The median, in milliseconds.
    public var p50: Double
    /// The 99th percentile, in milliseconds.
    public var p99: Double
    /// The largest sample, in milliseconds.
    public var max: Double
    /// True when ``p50`` is only a lower bound.
    public var p50IsLowerBound: Bool
    /// True when ``p99`` is only a lower bound.
    public var p99IsLowerBound: Bool
    /// True when ``max`` is only a lower bound, which is whenever a sample is.
    public var maxIsLowerBound: Bool { lowerBoundCount > 0 }

    /// Summarizes `milliseconds` and `lowerBounds`, samples known only to be
    /// at least the value given. Nil when there are no samples of either kind.
    public init?(milliseconds samples: [Double], lowerBounds: [Double] = []) {
        let sorted = (samples + lowerBounds).sorted()
        guard !sorted.isEmpty else { return nil }
        count = sorted.count
        lowerBoundCount = lowerBounds.count
        p50 = Self.percentile(50, ofSorted: sorted)
        p99 = Self.percentile(99, ofSorted: sorted)
        max = sorted[sorted.count - 1]
        let smallestBound = lowerBounds.min() ?? .infinity
        p50IsLowerBound = p50 >= smallestBound
        p99IsLowerBound = p99 >= smallestBound
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
