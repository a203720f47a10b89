import Foundation

/// The periods a moment falls in, computed with the test's own calendar
/// arithmetic: its day, ISO week (from Monday) and month in the scorecard's
/// zone, and every campaign window `[from, to)` that contains it.
struct ScoreCalendar {
    var zoneOffsetSeconds: Int32
    var campaigns: [TestScorecard.Campaign]

    /// A period as the score key names it: `day/2026-11-11`, `campaign/<id>`.
    struct Period: Hashable {
        var kind: String
        var start: String
        var campaign: String?

        var key: String { "\(kind)/\(campaign ?? start)" }
    }

    func periods(containing milliseconds: Int64) -> [Period] {
        let day = localDay(milliseconds)
        // 1970-01-01 was a Thursday, so (day + 3) mod 7 counts days since Monday.
        let sinceMonday = Int(((day + 3) % 7 + 7) % 7)
        let (year, month, _) = Self.civil(day)
        var result = [
            Period(kind: "day", start: Self.text(day)),
            Period(kind: "week", start: Self.text(day - Int64(sinceMonday))),
            Period(kind: "month", start: String(format: "%04d-%02d-01", year, month)),
        ]
        for campaign in campaigns
        where campaign.from.epochMilliseconds <= milliseconds && milliseconds < campaign.to.epochMilliseconds {
            result.append(Period(kind: "campaign", start: Self.text(localDay(campaign.from.epochMilliseconds)),
                                 campaign: campaign.id))
        }
        return result
    }

    /// Days since 1970-01-01 of the moment's date in the zone.
    private func localDay(_ milliseconds: Int64) -> Int64 {
        let local = milliseconds + Int64(zoneOffsetSeconds) * 1_000
        return local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
    }

    private static func text(_ day: Int64) -> String {
        let (year, month, date) = civil(day)
        return String(format: "%04d-%02d-%02d", year, month, date)
    }

    /// Returns the proleptic Gregorian date of a day count, by era arithmetic on 400-year cycles.
    private static func civil(_ day: Int64) -> (Int, Int, Int) {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let date = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(date))
    }
}
