import VigilContracts

/// The periods a moment falls in, and the instants that bound a period, in
/// the scorecard's zone.
public enum ScorePeriods {
    /// Returns the day, ISO week (Monday to Sunday) and month containing
    /// `time` in the zone, then every campaign window [from, to) containing
    /// it, in the order of `campaigns`.
    public static func periods(containing time: Timestamp, zoneOffsetSeconds: Int32,
                               campaigns: [Campaign]) -> [ScorePeriod] {
        let days = CivilDate.daysSinceEpoch(containing: time.epochMilliseconds, offsetSeconds: zoneOffsetSeconds)
        let date = CivilDate(daysSinceEpoch: days)
        let monday = CivilDate(daysSinceEpoch: days - date.isoWeekdayIndex)
        var firstOfMonth = date
        firstOfMonth.day = 1

        var periods = [
            ScorePeriod(kind: .day, start: date.text),
            ScorePeriod(kind: .week, start: monday.text),
            ScorePeriod(kind: .month, start: firstOfMonth.text),
        ]
        for campaign in campaigns where campaign.contains(time) {
            periods.append(campaignPeriod(campaign, zoneOffsetSeconds: zoneOffsetSeconds))
        }
        return periods
    }

    /// Returns the period of a campaign window: its key is the campaign id and
    /// its start the day `from` falls on in the zone.
    public static func campaignPeriod(_ campaign: Campaign, zoneOffsetSeconds: Int32) -> ScorePeriod {
        ScorePeriod(kind: .campaign, start: campaign.from.day(atUTCOffset: zoneOffsetSeconds), campaign: campaign.id)
    }

    /// [start, end) in epoch ms; nil for a campaign id the list lacks or a malformed start.
    /// A start is malformed when it is not a date, a week's is not a Monday, or a month's is not the 1st.
    public static func bounds(of period: ScorePeriod, zoneOffsetSeconds: Int32,
                              campaigns: [Campaign]) -> Range<Int64>? {
        if period.kind == .campaign {
            guard let id = period.campaign, let campaign = campaigns.first(where: { $0.id == id }) else { return nil }
            return campaign.from.epochMilliseconds..<campaign.to.epochMilliseconds
        }

        guard let start = CivilDate(parsing: period.start) else { return nil }
        let firstDay = start.daysSinceEpoch
        let endDay: Int64
        switch period.kind {
        case .day:
            endDay = firstDay + 1
        case .week:
            guard start.isoWeekdayIndex == 0 else { return nil }
            endDay = firstDay + 7
        case .month:
            guard start.day == 1 else { return nil }
            endDay = start.firstOfNextMonth.daysSinceEpoch
        case .campaign:
            return nil
        }
        return CivilDate.startMilliseconds(ofDay: firstDay, offsetSeconds: zoneOffsetSeconds)
            ..< CivilDate.startMilliseconds(ofDay: endDay, offsetSeconds: zoneOffsetSeconds)
    }
}
