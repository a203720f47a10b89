import VigilContracts
import VigilRuntime
import VigilScoring

/// The period a score report covers and the days of its daily trend.
struct ScoreReportScope: Sendable, Equatable {
    /// The maximum length of a campaign trend, in days, so a late input cannot stretch the chart over months.
    static let maximumCampaignDays = 92

    var period: ScorePeriod
    /// The calendar period for days, weeks and months; nil for a campaign.
    var calendar: ReportPeriod?
    /// The scorecard's campaign for a campaign period, nil when the scorecard does not list it.
    var campaign: Campaign?
    /// The days of the period in order, "2026-11-11", for the daily trend.
    var days: [String]
    /// The zone the scores count days in (the scorecard's), in seconds east of UTC.
    var utcOffsetSeconds: Int32

    // MARK: - Calendar periods

    /// Returns the day, ISO week or month containing `at` in the scorecard's zone.
    static func calendar(_ kind: ReportPeriod.Kind, containing at: Timestamp, utcOffsetSeconds: Int32 = 8 * 3600) -> ScoreReportScope {
        let calendar = ReportPeriod.containing(at, kind: kind, utcOffsetSeconds: utcOffsetSeconds)
        let periodKind: ScorePeriodKind = switch kind {
        case .day: .day
        case .week: .week
        case .month: .month
        }
        let lastDay = Timestamp(epochMilliseconds: calendar.end.epochMilliseconds - 1).day(atUTCOffset: utcOffsetSeconds)
        return ScoreReportScope(period: ScorePeriod(kind: periodKind, start: calendar.days.first), calendar: calendar,
                                campaign: nil, days: days(from: calendar.days.first, through: lastDay),
                                utcOffsetSeconds: utcOffsetSeconds)
    }

    // MARK: - Campaigns

    /// Returns the window of the campaign with id `campaign`, or without an id
    /// the latest campaign on the topic that opened on or before `at`'s day
    /// (any campaign when `at` is nil).
    ///
    /// The trend runs over the days of the scorecard's window. For a campaign
    /// the scorecard no longer lists, score records give only the first day,
    /// so the trend runs to the day of the latest input any of the campaign's
    /// scores includes. Either way it is at most ``maximumCampaignDays`` days.
    static func campaign(_ campaign: String?, at: Timestamp?, scores: [Score], scorecard: Scorecard) throws -> ScoreReportScope {
        let zone = scorecard.zoneOffsetSeconds
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
            let lastDay = at?.day(atUTCOffset: zone)
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
        if let window = scorecard.campaign(id: chosen) {
            let first = window.from.day(atUTCOffset: zone)
            let last = Timestamp(epochMilliseconds: window.to.epochMilliseconds - 1).day(atUTCOffset: zone)
            return ScoreReportScope(period: period, calendar: nil, campaign: window, days: days(from: first, through: last),
                                    utcOffsetSeconds: zone)
        }
        let lastInput = selected.map(\.asOf).max()?.day(atUTCOffset: zone) ?? start
        return ScoreReportScope(period: period, calendar: nil, campaign: nil, days: days(from: start, through: lastInput),
                                utcOffsetSeconds: zone)
    }

    /// Lists the calendar days from `first` through `last`, at least `first` and at most ``maximumCampaignDays``.
    static func days(from first: String, through last: String) -> [String] {
        guard let midnight = TimestampFormat.parse(first + "T00:00:00Z") else { return [first] }
        var days: [String] = []
        var instant = midnight
        repeat {
            days.append(instant.day(atUTCOffset: 0))
            instant = Timestamp(epochMilliseconds: instant.epochMilliseconds + 86_400_000)
        } while days.count < maximumCampaignDays && instant.day(atUTCOffset: 0) <= last
        return days
    }
}
