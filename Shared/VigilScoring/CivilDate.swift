/// A calendar date in the proleptic Gregorian calendar, with the day
/// arithmetic that period bounds need. The scoring zone is a fixed offset,
/// so every day there is exactly 86 400 000 ms long.
struct CivilDate: Sendable, Hashable {
    var year: Int64
    var month: Int64
    var day: Int64

    static let millisecondsPerDay: Int64 = 86_400_000

    /// Creates the date of the local day number `days` (days since 1970-01-01).
    init(daysSinceEpoch days: Int64) {
        // Howard Hinnant's civil_from_days, on 400-year eras.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Parses "YYYY-MM-DD"; nil for any other text or a date that does not exist.
    init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
              (1...12).contains(month), (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Hinnant's days_from_civil).
    var daysSinceEpoch: Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 for Monday through 6 for Sunday, as ISO 8601 weeks count.
    var isoWeekdayIndex: Int64 {
        // 1970-01-01 was a Thursday, index 3.
        Self.floorModulo(daysSinceEpoch + 3, 7)
    }

    /// "YYYY-MM-DD".
    var text: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// The first day of the following month.
    var firstOfNextMonth: CivilDate {
        var next = self
        next.day = 1
        if month == 12 {
            next.month = 1
            next.year += 1
        } else {
            next.month += 1
        }
        return next
    }

    /// Returns the number of the local day that contains `epochMilliseconds` at `offsetSeconds` from UTC.
    static func daysSinceEpoch(containing epochMilliseconds: Int64, offsetSeconds: Int32) -> Int64 {
        let local = epochMilliseconds + Int64(offsetSeconds) * 1000
        return floorDivide(local, millisecondsPerDay)
    }

    /// Returns the instant, in epoch ms, when the local day `days` starts at `offsetSeconds` from UTC.
    static func startMilliseconds(ofDay days: Int64, offsetSeconds: Int32) -> Int64 {
        days * millisecondsPerDay - Int64(offsetSeconds) * 1000
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
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

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
