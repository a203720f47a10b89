/// A maximal stretch of digits in a text, with short gaps of separators
/// between them, and the places inside it where one number may start or end.
struct NumberRun {
    /// Positions of the digits in the scalars, in order.
    var digitPositions: [Int] = []

    /// The digit values.
    var digits: [UInt8] = []

    /// For each digit index from 0 through `digits.count`, whether a number
    /// may start or end there: at either end of the run, at a gap of
    /// separators, at a change of script, and after a country code.
    var boundaries: [Bool] = []

    /// For each digit index from 0 through `digits.count`, whether separators
    /// stand right before that digit.
    var separatedBefore: [Bool] = []

    /// The scalar position one past the last digit.
    var end: Int

    /// Reads the run that starts with the digit at `start`.
    init(in scalars: [Unicode.Scalar], from start: Int) {
        end = start
        var position = start
        var previousScript: DigitScalars.Script?
        var gap = 0
        while position < scalars.count {
            if let digit = DigitScalars.digit(scalars[position]) {
                let scriptChanged = previousScript != nil && previousScript != digit.script
                digitPositions.append(position)
                digits.append(digit.value)
                separatedBefore.append(gap > 0)
                boundaries.append(digits.count == 1 || gap > 0 || scriptChanged)
                previousScript = digit.script
                gap = 0
                position += 1
                end = position
            } else if DigitScalars.isSeparator(scalars[position]), gap < DigitScalars.maximumSeparatorGap {
                gap += 1
                position += 1
            } else {
                break
            }
        }
        separatedBefore.append(false)
        boundaries.append(true)
    }

    /// Lets a number start after a leading country code: 86 before a mobile
    /// number (+8613812345678, 86-138…) or 0086.
    mutating func markCountryCode() {
        if digits.starts(with: [0, 0, 8, 6]), digits.count > 4 {
            boundaries[4] = true
        } else if digits.starts(with: [8, 6]), digits.count > 2 {
            boundaries[2] = true
        }
    }

    /// Returns whether the digits in `window` are written in groups of four
    /// (6222 0212 3456 7890 123): a gap before every fourth digit and nowhere else.
    func isGroupedInFours(_ window: Range<Int>) -> Bool {
        for index in window.dropFirst() where separatedBefore[index] != ((index - window.lowerBound) % 4 == 0) {
            return false
        }
        return true
    }
}
