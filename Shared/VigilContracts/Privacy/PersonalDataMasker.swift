/// Masks mainland Chinese phone numbers, ID card numbers and bank card
/// numbers in text that people read: alerts, cases, reports, logs.
///
/// Each digit that is hidden becomes `*` in place, so the masked text has the
/// same number of Unicode scalars as the original and offsets into one are
/// offsets into the other (an alert's evidence spans stay valid). Nothing but
/// digits changes, and masking masked text changes nothing more. A mobile
/// number keeps its first three and last four digits (138****5678), an ID
/// card number its first three and last four, a bank card number its last
/// four, and a landline number its area code.
///
/// Numbers are found the way customers write them. Digits may be ASCII,
/// full-width or Chinese numerals (一三八…, 幺三八…, 壹叁捌…, one `*` per
/// numeral), with up to three spaces, hyphens, dots, underscores or slashes
/// between them. A number may follow a country code (+86, 0086) or a short
/// contact hint (vx13812345678, see ``LetterPrefix``). A run may hold several
/// numbers (13812345678 13987654321) when each starts and ends at a separator,
/// a change of script or an end of the run. Bank cards that fail
/// the Luhn check are masked only when written in groups of four. Digit runs
/// that form none of these, such as order numbers, stay readable.
public struct PersonalDataMasker: Sendable {
    /// Creates a masker. It has no stored properties, so one instance may be shared.
    public init() {}

    /// Returns `text` with every personal number masked.
    public func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)

        // Hiding digits splits runs, and a piece may form a number that the
        // whole run did not. Each pass hides at least one more digit, so
        // repeating until nothing changes ends and makes masking idempotent.
        while Self.maskPass(&scalars) {}

        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    // MARK: - Runs

    /// Masks every run once and returns whether any digit was hidden.
    private static func maskPass(_ scalars: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var index = 0
        while index < scalars.count {
            guard DigitScalars.digit(scalars[index]) != nil else {
                index += 1
                continue
            }

            let prefix = LetterPrefix(before: index, in: scalars)
            var run = NumberRun(in: scalars, from: index)
            if prefix == .none {
                run.markCountryCode()
            }
            let followedByX = run.end < scalars.count && (scalars[run.end] == "X" || scalars[run.end] == "x")

            for digit in hiddenDigits(of: run, prefix: prefix, followedByX: followedByX) {
                scalars[run.digitPositions[digit]] = "*"
                changed = true
            }
            index = run.end
        }
        return changed
    }

    /// Returns the indices of the run's digits to hide.
    ///
    /// A run that forms one number as a whole is masked as that number.
    /// Otherwise every stretch between two boundaries that forms a number is
    /// masked, and where such stretches overlap all their hidden digits are
    /// hidden, so no reading of the run leaves a number exposed.
    private static func hiddenDigits(of run: NumberRun, prefix: LetterPrefix, followedByX: Bool) -> Set<Int> {
        let count = run.digits.count
        if let whole = hiddenDigits(in: 0..<count, of: run, prefix: prefix, followedByX: followedByX) {
            return Set(whole)
        }

        var hidden = Set<Int>()
        for start in 0..<count where run.boundaries[start] {
            for length in minimumDigits...maximumDigits {
                let end = start + length
                guard end <= count, run.boundaries[end] else {
                    continue
                }
                let endsRun = end == count
                if let digits = hiddenDigits(in: start..<end, of: run, prefix: prefix,
                                             followedByX: endsRun && followedByX) {
                    hidden.formUnion(digits)
                }
            }
        }
        return hidden
    }

    /// The minimum and maximum digit counts of the recognized numbers.
    private static let minimumDigits = 10
    private static let maximumDigits = 19

    /// Returns the run indices to hide when the digits in `window` form a
    /// personal number, or nil when they do not.
    private static func hiddenDigits(in window: Range<Int>, of run: NumberRun, prefix: LetterPrefix,
                                     followedByX: Bool) -> Range<Int>? {
        let kinds: [PersonalNumberKind]
        switch (prefix, window.lowerBound) {
        case (.code, 0):
            kinds = []
        case (.contactHint, 0):
            kinds = [.mobile]
        default:
            kinds = PersonalNumberKind.allCases
        }

        let digits = run.digits[window]
        let grouped = run.isGroupedInFours(window)
        for kind in kinds {
            if let hidden = kind.hiddenDigits(of: digits, followedByX: followedByX, groupedInFours: grouped) {
                return (window.lowerBound + hidden.lowerBound)..<(window.lowerBound + hidden.upperBound)
            }
        }
        return nil
    }
}
