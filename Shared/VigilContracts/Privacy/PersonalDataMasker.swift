import Foundation

/// Masks mainland Chinese phone numbers, ID card numbers and bank card
/// numbers in text that people read: alerts, cases, reports, logs.
///
/// Each digit that is hidden becomes `*` in place, so the masked text has the
/// same number of Unicode scalars as the original and offsets into one are
/// offsets into the other (an alert's evidence spans stay valid). A mobile
/// number keeps its first three and last four digits (138****5678), an ID
/// card number its first three and last four, a bank card number its last
/// four, and a landline number its area code. Full-width digits count as
/// digits, and spaces or hyphens inside a number (138 1234 5678) are allowed.
/// Digit runs of other lengths, such as order numbers, stay readable.
public struct PersonalDataMasker: Sendable {
    public init() {}

    /// Returns `text` with every personal number masked.
    public func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard Self.digitValue(scalars[index]) != nil,
                  index == 0 || !Self.isNumberPart(scalars[index - 1]) else {
                index += 1
                continue
            }
            let run = Self.numberRun(in: scalars, from: index)
            let endsWithX = run.end < scalars.count && (scalars[run.end] == "X" || scalars[run.end] == "x")
            Self.maskRun(run, endsWithX: endsWithX, in: &scalars)
            index = max(run.end, index + 1)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    // MARK: - Number runs

    /// A maximal stretch of digits with single spaces or hyphens between them.
    private struct NumberRun {
        /// Positions of the digits, in order.
        var digitPositions: [Int]
        /// The digit values.
        var digits: [UInt8]
        /// One past the last digit.
        var end: Int
    }

    private static func numberRun(in scalars: [Unicode.Scalar], from start: Int) -> NumberRun {
        var run = NumberRun(digitPositions: [], digits: [], end: start)
        var position = start
        while position < scalars.count {
            if let value = digitValue(scalars[position]) {
                run.digitPositions.append(position)
                run.digits.append(value)
                position += 1
                run.end = position
            } else if isSeparator(scalars[position]), position + 1 < scalars.count,
                      digitValue(scalars[position + 1]) != nil {
                position += 1
            } else {
                break
            }
        }
        return run
    }

    private static func maskRun(_ run: NumberRun, endsWithX: Bool, in scalars: inout [Unicode.Scalar]) {
        let digits = run.digits
        let count = digits.count
        var hidden: Range<Int>?
        if count == 17, endsWithX, isIdentityNumber(digits) {
            hidden = 3..<14
        } else if count == 11, digits[0] == 1, (3...9).contains(digits[1]) {
            hidden = 3..<7
        } else if count == 18 || count == 15, isIdentityNumber(digits) {
            hidden = 3..<(count - 4)
        } else if (16...19).contains(count), passesLuhn(digits) {
            hidden = 0..<(count - 4)
        } else if (10...12).contains(count), digits[0] == 0 {
            hidden = (digits[1] == 1 || digits[1] == 2 ? 3 : 4)..<count
        }
        guard let hidden else { return }
        for digit in hidden {
            scalars[run.digitPositions[digit]] = "*"
        }
    }

    // MARK: - Checks

    /// An ID card number whose birth month and day are plausible: 18
    /// characters (17 digits and a digit or X) or the old 15-digit format.
    private static func isIdentityNumber(_ digits: [UInt8]) -> Bool {
        let monthStart = digits.count == 15 ? 8 : 10
        let month = Int(digits[monthStart]) * 10 + Int(digits[monthStart + 1])
        let day = Int(digits[monthStart + 2]) * 10 + Int(digits[monthStart + 3])
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 {
                    value -= 9
                }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: UInt8(scalar.value - 0xFF10)
        default: nil
        }
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "\u{3000}" || scalar == "－"
    }

    /// Letters and digits glued to a digit make it part of a longer token
    /// (an order number such as SO13812345678), which is not masked.
    private static func isNumberPart(_ scalar: Unicode.Scalar) -> Bool {
        digitValue(scalar) != nil || (scalar.isASCII && scalar.properties.isAlphabetic)
    }
}
