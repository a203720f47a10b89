import VigilContracts
import VigilRuntime

/// The period a score report covers and the days of its daily trend.
struct ScoreReportScope: Sendable, Equatable {
    /// The UTC offset scores count days, weeks and months in: the scorecard's
    /// default zone, China time.
    static let utcOffsetSeconds: Int32 = 8 * 3600

    /// The longest campaign trend, in days, so a late input cannot stretch the chart over months.
    static let maximumCampaignDays = 92

    var period: ScorePeriod
    /// The calendar period for days, weeks and months; nil for a campaign.
    var calendar: ReportPeriod?
    /// The days of the period in order, "2026-11-11", for the daily trend.
    var days: [String]

    // MARK: - Calendar periods

    /// Returns the day, ISO week or month containing `at` in China time.
    static func calendar(_ kind: ReportPeriod.Kind, containing at: Timestamp) -> ScoreReportScope {
        let calendar = ReportPeriod.containing(at, kind: kind, utcOffsetSeconds: utcOffsetSeconds)
        let periodKind: ScorePeriodKind = switch kind {
        case .day: .day
        case .week: .week
        case .month: .month
        }
        var days: [String] = []
        var instant = calendar.start
        while instant < calendar.end {
            days.append(instant.day(atUTCOffset: utcOffsetSeconds))
            instant = Timestamp(epochMilliseconds: instant.epochMilliseconds + 86_400_000)
        }
        return ScoreReportScope(period: ScorePeriod(kind: periodKind, start: calendar.days.first),
                                calendar: calendar, days: days)
    }

    // MARK: - Campaigns

    /// Returns the window of the campaign with id `campaign`, or without an id
    /// the latest campaign on the topic that opened on or before `at`'s day
    /// (any campaign when `at` is nil).
    ///
    /// Score records carry a window's first day but not its last, so the
    /// trend runs to the day of the latest input any of the campaign's scores
    /// includes, at most ``maximumCampaignDays`` days.
    static func campaign(_ campaign: String?, at: Timestamp?, scores: [Score]) throws -> ScoreReportScope {
        let windows = scores.filter { $0.period.kind == .campaign && $0.period.campaign != nil }
        let ids = Set(windows.compactMap(\.period.campaign)).sorted()
        let chosen: String
        if let campaign {
            guard ids.contains(campaign) else {
                throw UsageError("no scores for campaign \"\(campaign)\" on the scores topic; "
                    + (ids.isEmpty ? "it has no campaign scores" : "campaigns with scores: \(ids.joined(separator: ", "))"))
            }
            chosen = campaign
        } else {
            let lastDay = at?.day(atUTCOffset: utcOffsetSeconds)
            let candidates = windows.filter { lastDay == nil || $0.period.start <= lastDay ?? "" }
            guard let latest = candidates.max(by: { ($0.period.start, $0.period.campaign ?? "") < ($1.period.start, $1.period.campaign ?? "") }),
                  let id = latest.period.campaign
            else {
                throw UsageError(ids.isEmpty
                    ? "no campaign scores on the scores topic: is vigil-scoring running with a scorecard that lists campaigns?"
                    : "no campaign opened on or before --at; campaigns with scores: \(ids.joined(separator: ", "))")
            }
            chosen = id
        }

        let selected = windows.filter { $0.period.campaign == chosen }
        let start = selected.map(\.period.start).min() ?? ""
        let period = ScorePeriod(kind: .campaign, start: start, campaign: chosen)
        let lastInput = selected.map(\.asOf).max()?.day(atUTCOffset: utcOffsetSeconds) ?? start
        return ScoreReportScope(period: period, calendar: nil, days: days(from: start, through: lastInput))
    }

    /// Lists the days from `first` through `last`, at least `first` and at most ``maximumCampaignDays``.
    static func days(from first: String, through last: String) -> [String] {
        guard let utcMidnight = TimestampFormat.parse(first + "T00:00:00Z") else { return [first] }
        var days: [String] = []
        var instant = Timestamp(epochMilliseconds: utcMidnight.epochMilliseconds - Int64(utcOffsetSeconds) * 1000)
        repeat {
            days.append(instant.day(atUTCOffset: utcOffsetSeconds))
            instant = Timestamp(epochMilliseconds: instant.epochMilliseconds + 86_400_000)
        } while days.count < maximumCampaignDays && instant.day(atUTCOffset: utcOffsetSeconds) <= last
        return days
    }
}
