/// Whether a figure meets its target, in the words the reports use:
/// `met`, or `missed by 23%` with the shortfall relative to the target.
public enum TargetVerdict {
    /// For a figure that must reach `target`, such as a rate.
    public static func atLeast(_ value: Double, _ target: Double) -> String {
        value >= target ? "met" : "missed by \(percent(1 - value / target))"
    }

    /// For a figure that must stay at or below `target`, such as a latency or a size.
    public static func atMost(_ value: Double, _ target: Double) -> String {
        value <= target ? "met" : "missed by \(percent(value / target - 1))"
    }

    /// Formats a fraction as a whole percentage, at least 1%, so that a miss never reads as 0%.
    private static func percent(_ fraction: Double) -> String {
        "\(max(1, Int((fraction * 100).rounded())))%"
    }
}
