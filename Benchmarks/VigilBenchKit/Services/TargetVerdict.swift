import Foundation

/// Whether a figure meets its target, in the words the reports use: `met`,
/// or `missed by 23%` with the shortfall relative to the target. A figure
/// more than twice its target, or less than half of a target it must reach,
/// reads `missed: 21 times the target`, because a percentage past 100% reads badly.
public enum TargetVerdict {
    /// For a figure that must reach `target`, such as a rate.
    public static func atLeast(_ value: Double, _ target: Double) -> String {
        if value >= target {
            return "met"
        }
        if value < target / 2 {
            return "missed: \(times(value / target)) times the target"
        }
        return "missed by \(percent(1 - value / target))"
    }

    /// For a figure that must stay at or below `target`, such as a latency or
    /// a size. A `valueIsLowerBound` figure misses by at least the amount
    /// given. The caller words the case of a bound at or below the target,
    /// which decides nothing.
    public static func atMost(_ value: Double, _ target: Double, valueIsLowerBound: Bool = false) -> String {
        if value <= target {
            return "met"
        }
        let atLeast = valueIsLowerBound ? "at least " : ""
        if value > target * 2 {
            return "missed: \(atLeast)\(times(value / target)) times the target"
        }
        return "missed by \(atLeast)\(percent(value / target - 1))"
    }

    /// Formats a fraction as a whole percentage, at least 1%, so that a miss never reads as 0%.
    private static func percent(_ fraction: Double) -> String {
        "\(max(1, Int((fraction * 100).rounded())))%"
    }

    /// Formats a multiple with two significant digits (0.096, 2.3, 21), from
    /// 100 on as a whole number with thousands separators, and below 0.01 as
    /// "less than 0.01", where `%g` would switch to an exponent.
    private static func times(_ multiple: Double) -> String {
        if multiple >= 99.5 {
            return BenchmarkReport.Cell.integer(Int(multiple.rounded())).rendered
        }
        return multiple >= 0.01 ? String(format: "%.2g", multiple) : "less than 0.01"
    }
}
