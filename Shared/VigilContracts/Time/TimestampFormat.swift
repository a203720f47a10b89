/// Parses and writes the ISO 8601 subset Vigil accepts:
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM` (or `±HHMM`).
///
/// Hand-written because every record passes through it: Foundation's
/// formatters allocate per call and accept texts without an offset.
public enum TimestampFormat {
    /// Parses `text`; returns nil when it is not a valid timestamp with an offset.
    public static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses a UTC offset on its own ("+08:00", "-0530", "Z") into seconds.
    public static func parseUTCOffset(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = DigitReader(bytes: bytes)
            guard let offset = reader.utcOffset(), reader.atEnd else { return nil }
            return offset
        }
    }

    /// Writes the timestamp at its own offset.
    public static func format(_ timestamp: Timestamp) -> String {
        let offset = Int64(timestamp.utcOffsetSeconds)
        let localMilliseconds = timestamp.epochMilliseconds + offset * 1000
        let (days, millisecondOfDay) = floorDivide(localMilliseconds, 86_400_000)
        let (year, month, day) = civilDate(fromDaysSinceEpoch: days)
        let secondOfDay = millisecondOfDay / 1000
        let milliseconds = millisecondOfDay % 1000

        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        text += "T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if milliseconds != 0 {
            text += ".\(pad(milliseconds, 3))"
        }
        if offset == 0 {
            text += "Z"
        } else {
            let sign = offset < 0 ? "-" : "+"
            let minutes = abs(offset) / 60
            text += "\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
        }
        return text
    }

    // MARK: - Parsing

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 2), reader.skip("-"),
              let day = reader.number(digits: 2), reader.skip("T") || reader.skip("t") || reader.skip(" "),
              let hour = reader.number(digits: 2), reader.skip(":"),
              let minute = reader.number(digits: 2)
        else { return nil }

        var second: Int64 = 0
        var milliseconds: Int64 = 0
        if reader.skip(":") {
            guard let value = reader.number(digits: 2) else { return nil }
            second = value
            if reader.skip(".") || reader.skip(",") {
                guard let fraction = reader.fractionMilliseconds() else { return nil }
                milliseconds = fraction
            }
        }

        guard let offsetSeconds = reader.utcOffset(), reader.atEnd else { return nil }
        guard (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        let days = daysSinceEpoch(year: year, month: month, day: day)
        let localSeconds = days * 86_400 + hour * 3600 + minute * 60 + second
        let epochMilliseconds = (localSeconds - Int64(offsetSeconds)) * 1000 + milliseconds
        return Timestamp(epochMilliseconds: epochMilliseconds, utcOffsetSeconds: offsetSeconds)
    }

    private struct DigitReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        mutating func number(digits: Int) -> Int64? {
            guard index + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            index += digits
            return value
        }

        /// Reads one to nine fraction digits and keeps milliseconds (truncating).
        mutating func fractionMilliseconds() -> Int64? {
            var digits = 0
            var value: Int64 = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 3 {
                    value = value * 10 + Int64(bytes[index] - 0x30)
                }
                digits += 1
                index += 1
            }
            guard (1...9).contains(digits) else { return nil }
            if digits < 3 {
                for _ in digits..<3 {
                    value *= 10
                }
            }
            return value
        }

        mutating func utcOffset() -> Int32? {
            if skip("Z") || skip("z") {
                return 0
            }
            let sign: Int64
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(digits: 2) else { return nil }
            _ = skip(":")
            guard let minutes = number(digits: 2), hours < 24, minutes < 60 else { return nil }
            return Int32(sign * (hours * 3600 + minutes * 60))
        }
    }

    // MARK: - Civil calendar

    // Days-from-civil and its inverse for the proleptic Gregorian calendar,
    // after Howard Hinnant's public-domain "chrono-compatible low-level date algorithms".

    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(fromDaysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
