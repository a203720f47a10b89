/// The kinds of personal number the masker recognizes, and which digits of
/// each it hides.
enum PersonalNumberKind: CaseIterable {
    /// A mainland mobile number: 11 digits starting 13 to 19. Keeps its first
    /// three and last four digits (138****5678).
    case mobile

    /// A resident ID card number: 18 characters (17 digits and a check digit
    /// or X) or the old 15-digit format, with a plausible birth month and day.
    /// Keeps its first three and last four characters.
    case identity

    /// A bank card number: 16 to 19 digits that pass the Luhn check, or that
    /// fail it but are written in groups of four, which is how people copy a
    /// card and mistype a digit. Keeps its last four digits.
    case bankCard

    /// A landline number with its trunk prefix: 10 to 12 digits starting 0 and
    /// then 1 to 9 (00 opens an international number). Keeps the area code.
    case landline

    /// Returns the digit indices, relative to `digits`, to hide when the
    /// digits form a number of this kind, or nil when they do not.
    ///
    /// - Parameters:
    ///   - followedByX: The digits are followed by X or x, the check character of an ID card number.
    ///   - groupedInFours: The digits are written in groups of four.
    func hiddenDigits(of digits: ArraySlice<UInt8>, followedByX: Bool, groupedInFours: Bool) -> Range<Int>? {
        let digits = Array(digits)
        let count = digits.count
        switch self {
        case .mobile:
            guard count == 11, digits[0] == 1, (3...9).contains(digits[1]) else {
                return nil
            }
            return 3..<7

        case .identity:
            if count == 17, followedByX, Self.isIdentityNumber(digits) {
                return 3..<14
            }
            guard count == 18 || count == 15, Self.isIdentityNumber(digits) else {
                return nil
            }
            return 3..<(count - 4)

        case .bankCard:
            guard (16...19).contains(count), groupedInFours || Self.passesLuhn(digits) else {
                return nil
            }
            return 0..<(count - 4)

        case .landline:
            guard (10...12).contains(count), digits[0] == 0, digits[1] != 0 else {
                return nil
            }
            return (digits[1] == 1 || digits[1] == 2 ? 3 : 4)..<count
        }
    }

    // MARK: - Checks

    /// Checks the birth month and day of an ID card number with 17 or 18
    /// digits, or of the old 15-digit format.
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
}
