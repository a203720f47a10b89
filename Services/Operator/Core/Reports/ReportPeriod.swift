import VigilContracts

/// A calendar period of a report at a fixed UTC offset: a day, an ISO week
/// (Monday to Sunday) or a month, from `start` (included) to `end` (excluded).
struct ReportPeriod: Sendable, Equatable {
    /// The lengths of period a report can cover.
    enum Kind: String, Sendable, CaseIterable {
        case day
        case week
        case month
    }

    var kind: Kind
    var start: Timestamp
    var end: Timestamp
    /// The offset the calendar is read at, in seconds east of UTC.
    var utcOffsetSeconds: Int32

    private static let dayMilliseconds: Int64 = 86_400_000

    /// Returns the period of `kind` that contains `instant` at the given offset.
    static func containing(_ instant: Timestamp, kind: Kind, utcOffsetSeconds: Int32) -> ReportPeriod {
        let offsetMilliseconds = Int64(utcOffsetSeconds) * 1000
        let localDay = floorDivide(instant.epochMilliseconds + offsetMilliseconds, dayMilliseconds)
        let startDay: Int64
        let endDay: Int64
        switch kind {
        case .day:
            startDay = localDay
            endDay = localDay + 1
        case .week:
            // 1970-01-01 was a Thursday, three days after a Monday.
            startDay = localDay - floorModulo(localDay + 3, 7)
            endDay = startDay + 7
        case .month:
            let (year, month, day) = civilDate(daysSinceEpoch: localDay)
            startDay = localDay - day + 1
            endDay = month == 12
                ? daysSinceEpoch(year: year + 1, month: 1, day: 1)
                : daysSinceEpoch(year: year, month: month + 1, day: 1)
        }
        return ReportPeriod(kind: kind, start: localMidnight(startDay, utcOffsetSeconds),
                            end: localMidnight(endDay, utcOffsetSeconds), utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The period of the same kind just before this one.
    var previous: ReportPeriod {
        ReportPeriod.containing(Timestamp(epochMilliseconds: start.epochMilliseconds - 1), kind: kind,
                                utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Returns true when `instant` falls in the period.
    func contains(_ instant: Timestamp) -> Bool {
        start <= instant && instant < end
    }

    /// The period's name: "2026-11-11", ISO week "2026-W46", or "2026-11".
    var label: String {
        let first = start.day(atUTCOffset: utcOffsetSeconds)
        switch kind {
        case .day:
            return first
        case .month:
            return String(first.prefix(7))
        case .week:
            // The ISO week belongs to the year of its Thursday.
            let thursday = localDay(of: start) + 3
            let (year, _, _) = Self.civilDate(daysSinceEpoch: thursday)
            let week = (thursday - Self.daysSinceEpoch(year: year, month: 1, day: 1)) / 7 + 1
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        }
    }

    /// The first and last calendar day of the period, such as "2026-11-09" and "2026-11-15".
    var days: (first: String, last: String) {
        let last = Timestamp(epochMilliseconds: end.epochMilliseconds - 1)
        return (start.day(atUTCOffset: utcOffsetSeconds), last.day(atUTCOffset: utcOffsetSeconds))
    }

    // MARK: - Civil calendar

    private func localDay(of instant: Timestamp) -> Int64 {
        Self.floorDivide(instant.epochMilliseconds + Int64(utcOffsetSeconds) * 1000, Self.dayMilliseconds)
    }

    private static func localMidnight(_ day: Int64, _ utcOffsetSeconds: Int32) -> Timestamp {
        Timestamp(epochMilliseconds: day * dayMilliseconds - Int64(utcOffsetSeconds) * 1000,
                  utcOffsetSeconds: utcOffsetSeconds)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }

    // Days-from-civil and its inverse for the proleptic Gregorian calendar,
    // after Howard Hinnant's public-domain date algorithms (as TimestampFormat uses them).

    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
