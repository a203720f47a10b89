import Foundation

extension BenchmarkReport {
    /// A table cell: numbers keep their value for JSON and their rounding for text.
    public enum Cell: Sendable {
        case text(String)
        case integer(Int)
        /// A value printed with `decimals` digits after the point.
        case number(Double, decimals: Int)
        /// A value known only to be at least this, printed behind ≥. JSON gets
        /// the number, and the row's `lowerBounds` names its column.
        case lowerBound(Double, decimals: Int)
        /// The smallest and largest of several runs, printed `min - max`, in JSON `{"min": …, "max": …}`.
        case range(Int, Int)
        /// A part of a whole, printed `count / of`, in JSON `{"count": …, "of": …}`.
        case fraction(Int, of: Int)
        /// Values by name, printed `alerting 66, serve 36`, in JSON an object keyed by the names.
        case labeled([Label], decimals: Int)
        /// No value for this row.
        case empty

        /// One named value of a ``labeled(_:decimals:)`` cell.
        public struct Label: Sendable {
            public var name: String
            public var value: Double

            public init(_ name: String, _ value: Double) {
                self.name = name
                self.value = value
            }
        }

        var rendered: String {
            switch self {
            case .text(let text): text
            case .integer(let value): Self.grouped(value)
            case .number(let value, let decimals): String(format: "%.\(decimals)f", value)
            case .lowerBound(let value, let decimals): "≥ " + String(format: "%.\(decimals)f", value)
            case .range(let minimum, let maximum): "\(Self.grouped(minimum)) - \(Self.grouped(maximum))"
            case .fraction(let count, let whole): "\(Self.grouped(count)) / \(Self.grouped(whole))"
            case .labeled(let labels, let decimals):
                labels.map { "\($0.name) " + String(format: "%.\(decimals)f", $0.value) }.joined(separator: ", ")
            case .empty: "-"
            }
        }

        var jsonValue: Any {
            switch self {
            case .text(let text): text
            case .integer(let value): value
            case .number(let value, _), .lowerBound(let value, _): value
            case .range(let minimum, let maximum): ["min": minimum, "max": maximum]
            case .fraction(let count, let whole): ["count": count, "of": whole]
            case .labeled(let labels, _):
                Dictionary(labels.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            case .empty: NSNull()
            }
        }

        /// True for a cell that reads as words rather than one number, which the tables align left.
        var alignsLeft: Bool {
            switch self {
            case .text, .range, .labeled: true
            case .integer, .number, .lowerBound, .fraction, .empty: false
            }
        }

        var isLowerBound: Bool {
            if case .lowerBound = self { return true }
            return false
        }

        /// Thousands separated by commas, so that 1,000,000 reads at a glance.
        static func grouped(_ value: Int) -> String {
            let digits = String(value.magnitude)
            var result = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 {
                    result.append(",")
                }
                result.append(digit)
            }
            return value < 0 ? "-" + result : result
        }
    }
}
