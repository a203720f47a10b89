import Foundation

/// The number formats of the score report. The formats for people return
/// "-" for a missing value, and ``plain(_:)`` for CSV returns an empty field.
enum ScoreNumbers {
    /// Formats a whole count: "12".
    static func count(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(Int(value.rounded()))
    }

    /// Formats seconds as whole seconds, with one decimal only for the halves a median of two values gives: "45", "45.5".
    static func seconds(_ value: Double?) -> String {
        compact(value)
    }

    /// Formats a whole number without decimals and any other with one: "45", "85.3".
    static func compact(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == value.rounded() ? String(Int(value)) : ReportText.decimal(value)
    }

    /// Formats a score or a number of points with two decimals, rounded half away from zero: "85.20".
    static func points(_ value: Double?) -> String {
        guard let value else { return "-" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let rest = abs(hundredths) % 100
        return "\(sign)\(abs(hundredths) / 100)." + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Formats a weight with up to two decimals and no trailing zeros: "20", "12.5", "12.25".
    static func weight(_ value: Double) -> String {
        var text = points(value)
        while text.hasSuffix("0") {
            text.removeLast()
        }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
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
        let scaled = Int((value * 10_000).rounded())
        var fraction = String(abs(scaled) % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") {
            fraction.removeLast()
        }
        let sign = scaled < 0 ? "-" : ""
        return fraction.isEmpty ? sign + "\(abs(scaled) / 10_000)" : sign + "\(abs(scaled) / 10_000)." + fraction
    }
}
