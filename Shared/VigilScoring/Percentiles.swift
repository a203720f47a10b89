/// The median and 90th percentile that every score uses.
public enum Percentiles {
    /// Returns the middle value of `sorted` (ascending), or the mean of the
    /// two middle values for an even count; nil when it is empty.
    public static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 {
            return Double(sorted[middle])
        }
        return (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2
    }

    /// Returns the nearest-rank 90th percentile of `sorted` (ascending): the
    /// value at 1-based rank ⌈0.9·n⌉; nil when it is empty.
    public static func p90(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        // ⌈9n/10⌉ in integers, so no floating-point error moves the rank.
        let rank = (sorted.count * 9 + 9) / 10
        return Double(sorted[rank - 1])
    }
}
