import Foundation

/// Finds phone, ID card and bank card numbers in text, the way a reviewer
/// would grep Vigil's outputs for them, independently of the masker.
///
/// It reads every run of ten or more digits (ASCII, full width or Chinese
/// numerals, with up to three spaces or hyphens between them) and checks it
/// two ways. ``knownNumbers(_:in:)`` looks for given numbers in the run's
/// digits, however they were spaced. ``shapedNumbers(in:)`` looks for any
/// number shaped like a personal one: a mainland mobile number (with or
/// without 86), an ID card number with a valid birth date, or a bank card
/// number written in groups of four or passing the Luhn check; its digits may
/// be split by single separators only, so table columns do not join. A
/// number that touches a letter, a digit or an underscore, or follows a word
/// and a hyphen or slash, is part of an identifier (`jd-88c9c15919666414`,
/// `case-3999…`), and digits after a decimal point are a fraction; neither
/// counts.
enum PersonalNumberScan {
    /// One number found, with the text around it for the failure message.
    struct Finding: CustomStringConvertible {
        var number: String
        var context: String

        var description: String { "\(number) in …\(context)…" }
    }

    // MARK: - Searching

    /// Returns every known number and every shaped number in `text`.
    static func findings(in text: String, known numbers: [String]) -> [Finding] {
        search(text, known: numbers, shapes: true)
    }

    /// Returns the places where one of `numbers` (digits, and X as an ID
    /// card's check character) occurs in `text`, however it is written.
    static func knownNumbers(_ numbers: [String], in text: String) -> [Finding] {
        search(text, known: numbers, shapes: false)
    }

    /// Returns every mobile, ID card or bank card number in `text` that is not part of an identifier.
    static func shapedNumbers(in text: String) -> [Finding] {
        search(text, known: [], shapes: true)
    }

    private static func search(_ text: String, known numbers: [String], shapes: Bool) -> [Finding] {
        var findings: [Finding] = []
        for match in candidate.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            let run = DigitRun(String(text[range]))
            let found = numbers.filter { run.text.contains($0) }
                + (shapes ? run.shapedNumbers(standsAloneBefore: standsAlone(before: range.lowerBound, in: text),
                                              standsAloneAfter: standsAlone(after: range.upperBound, in: text)) : [])
            guard !found.isEmpty else { continue }
            let start = text.index(range.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
            let end = text.index(range.upperBound, offsetBy: 20, limitedBy: text.endIndex) ?? text.endIndex
            findings += found.map { Finding(number: $0, context: String(text[start..<end])) }
        }
        return findings
    }

    /// Ten or more digits with up to three separators between two of them,
    /// and an X after them. A plain pattern lets the regex engine skip ahead
    /// to the next digit; the checks run in Swift on the few runs it finds.
    private static let candidate: NSRegularExpression = {
        let digit = "[0-9０-９〇零一二三四五六七八九幺]"
        let pattern = "\(digit)(?:[ \\-－\u{3000}]{0,3}\(digit)){9,}[XxＸｘ]?"
        guard let expression = try? NSRegularExpression(pattern: pattern) else {
            preconditionFailure("invalid pattern \(pattern)")
        }
        return expression
    }()

    // MARK: - Standing alone

    /// Returns whether a number may start at `index`: nothing word-like right
    /// before it, no digit and decimal point, and no word with a hyphen or slash.
    private static func standsAlone(before index: String.Index, in text: String) -> Bool {
        guard index > text.startIndex else { return true }
        let previous = text[text.index(before: index)]
        if isWordLike(previous) {
            return false
        }
        let previousIndex = text.index(before: index)
        guard previousIndex > text.startIndex else { return true }
        let earlier = text[text.index(before: previousIndex)]
        switch previous {
        case ".", "．": return !earlier.isNumber
        case "-", "/": return !isWordLike(earlier)
        default: return true
        }
    }

    /// Returns whether a number may end at `index`: nothing word-like right after it.
    private static func standsAlone(after index: String.Index, in text: String) -> Bool {
        index == text.endIndex || !isWordLike(text[index])
    }

    private static func isWordLike(_ character: Character) -> Bool {
        (character.isASCII && (character.isLetter || character.isNumber)) || character == "_"
            || ("０"..."９").contains(character)
    }
}

/// A run of digits as ``PersonalNumberScan`` reads it: the digits in groups,
/// the separators between the groups, and a final X.
private struct DigitRun {
    /// The digits as ASCII, with X at the end when the run has one.
    let text: String
    private var groups: [[Int]] = []
    /// For each group after the first, the number of separators before it.
    private var gaps: [Int] = []
    private var endsWithX = false

    init(_ run: String) {
        var current: [Int] = []
        var gap = 0
        for character in run {
            if let digit = Self.digit(character) {
                if gap > 0 {
                    groups.append(current)
                    gaps.append(gap)
                    current = []
                    gap = 0
                }
                current.append(digit)
            } else if "XxＸｘ".contains(character) {
                endsWithX = true
            } else {
                gap += 1
            }
        }
        groups.append(current)
        text = groups.joined().map(String.init).joined() + (endsWithX ? "X" : "")
    }

    /// Returns the personal numbers in the run: from the left, the longest
    /// stretch of whole groups, split by single separators, that forms one,
    /// then the next after it. A stretch that starts or ends the run counts
    /// only when no identifier continues the run there.
    func shapedNumbers(standsAloneBefore: Bool, standsAloneAfter: Bool) -> [String] {
        var found: [String] = []
        var first = standsAloneBefore ? 0 : 1
        while first < groups.count {
            var end = first
            while end + 1 < groups.count, gaps[end] == 1 {
                end += 1
            }
            let lasts = (first...end).reversed().filter { $0 < groups.count - 1 || standsAloneAfter }
            guard let last = lasts.first(where: { isPersonal(from: first, to: $0) }) else {
                first += 1
                continue
            }
            let withX = last == groups.count - 1 && endsWithX
            found.append(groups[first...last].map { $0.map(String.init).joined() }.joined(separator: " ")
                         + (withX ? "X" : ""))
            first = last + 1
        }
        return found
    }

    private func isPersonal(from first: Int, to last: Int) -> Bool {
        Self.isPersonal(Array(groups[first...last]), endsWithX: last == groups.count - 1 && endsWithX)
    }

    // MARK: - Shapes

    private static func isPersonal(_ groups: [[Int]], endsWithX: Bool) -> Bool {
        let digits = groups.flatMap { $0 }
        if endsWithX {
            return digits.count == 17 && isIdentity(digits)
        }
        var mobile = digits
        if mobile.count == 13, mobile.starts(with: [8, 6]) {
            mobile.removeFirst(2)
        }
        if mobile.count == 11, mobile[0] == 1, (3...9).contains(mobile[1]) {
            return true
        }
        if digits.count == 18, isIdentity(digits) {
            return true
        }
        guard (16...19).contains(digits.count) else { return false }
        let inFours = groups.count > 1 && groups.dropLast().allSatisfy { $0.count == 4 } && (1...4).contains(groups.last!.count)
        return inFours || (groups.count == 1 && passesLuhn(digits))
    }

    /// Returns whether digits 7 to 14 of an ID card number form a plausible birth date.
    private static func isIdentity(_ digits: [Int]) -> Bool {
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        return digits[0] != 0 && (1900...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    private static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }

    private static let numerals: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "幺": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    private static func digit(_ character: Character) -> Int? {
        if character.isASCII || ("０"..."９").contains(character) {
            return character.wholeNumberValue
        }
        return numerals[character]
    }
}
