/// A calendar period or campaign window in the scoring time zone.
public struct ScorePeriod: Codable, Sendable, Hashable {
    /// Day, ISO week, month or campaign window.
    public var kind: ScorePeriodKind
    /// The first day of the period, "2026-11-11": the day itself, the Monday
    /// of an ISO week, the first of a month, or the day a campaign window opens.
    public var start: String
    /// The campaign's id from the scorecard ("2026-double11"); nil for calendar periods.
    public var campaign: String?

    public init(kind: ScorePeriodKind, start: String, campaign: String? = nil) {
        self.kind = kind
        self.start = start
        self.campaign = campaign
    }

    /// `<kind>/<start>` for calendar periods and `campaign/<campaign id>` for
    /// campaign windows, so a window keeps its key when its dates are corrected.
    public var key: String {
        "\(kind.rawValue)/\(kind == .campaign ? campaign ?? start : start)"
    }
}
