import Foundation

/// The number formats of the score report. The formats for people return
/// "-" for a missing value, and ``plain(_:)`` for CSV returns an empty field.
///
/// Values come from score records that anyone with access to the topic may
/// write. A value too large for Int, or not finite, is therefore written
/// through ``ReportText/fixed(_:decimals:)`` instead of trapping.
enum ScoreNumbers {
    /// Formats a whole count: "12".
    static func count(_ value: Double?) -> String {
        guard let value else { return "-" }
        guard let whole = ReportText.scaledInteger(value, scale: 1) else {
            return ReportText.fixed(value, decimals: 0)
        }
        return String(whole)
    }

    /// Formats seconds as whole seconds, with one decimal only for the halves a median of two values gives: "45", "45.5".
    static func seconds(_ value: Double?) -> String {
        compact(value)
    }

    /// Formats a whole number without decimals and any other with one: "45", "85.3".
    static func compact(_ value: Double?) -> String {
        guard let value else { return "-" }
        guard value == value.rounded() else { return ReportText.decimal(value) }
        guard let whole = Int(exactly: value) else { return ReportText.fixed(value, decimals: 0) }
        return String(whole)
    }

    /// Formats a score or a number of points with two decimals, rounded half away from zero: "85.20".
    static func points(_ value: Double?) -> String {
        guard let value else { return "-" }
        guard let hundredths = ReportText.scaledInteger(value, scale: 100) else {
            return ReportText.fixed(value, decimals: 2)
        }
        let sign = hundredths < 0 ? "-" : ""
        let rest = hundredths.magnitude % 100
        return "\(sign)\(hundredths.magnitude / 100)." + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Formats a weight with up to two decimals and no trailing zeros: "20", "12.5", "12.25".
    static func weight(_ value: Double) -> String {
        withoutTrailingZeros(points(value))
    }

    /// Removes the trailing zeros of a decimal fraction, and the point when nothing is left after it.
    private static func withoutTrailingZeros(_ number: String) -> String {
        guard number.contains(".") else { return number }
        var text = number
        while text.hasSuffix("0") {
            text.removeLast()
        }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// Adds two counts, stopping at Int.max or Int.min instead of trapping on overflow.
    static func sum(_ first: Int, _ second: Int) -> Int {
        let (result, overflow) = first.addingReportingOverflow(second)
        guard overflow else { return result }
        return second > 0 ? .max : .min
    }

    /// Formats an amount with two decimals and thousands separators: "12,345.60".
    static func money(_ value: Double?) -> String {
        guard let value else { return "-" }
        return money(Decimal(value))
    }

    /// Formats an amount with two decimals, rounded half away from zero. It
    /// has thousands separators unless `grouped` is false (for CSV): "12,345.60" or "12345.60".
    static func money(_ amount: Decimal, grouped: Bool = true) -> String {
        var source = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, 2, .plain)
        let negative = rounded < 0
        let text = "\(negative ? -rounded : rounded)"
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = String(parts.first ?? "0")
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 {
            fraction += "0"
        }
        return (negative ? "-" : "") + (grouped ? group(whole) : whole) + "." + fraction
    }

    /// Inserts a comma every three digits from the right: "12345" → "12,345".
    private static func group(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                result += ","
            }
            result.append(digit)
        }
        return result
    }

    /// Formats a plain number for CSV: integers without decimals, others with up to four: "45", "0.9231".
    static func plain(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        guard let scaled = ReportText.scaledInteger(value, scale: 10_000) else {
            return withoutTrailingZeros(ReportText.fixed(value, decimals: value == value.rounded() ? 0 : 4))
        }
        var fraction = String(scaled.magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") {
            fraction.removeLast()
        }
        let sign = scaled < 0 ? "-" : ""
        let whole = scaled.magnitude / 10_000
        return fraction.isEmpty ? sign + "\(whole)" : sign + "\(whole)." + fraction
    }
}
