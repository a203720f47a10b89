import VigilContracts

/// A versioned scorecard: how figures become a 0…100 score, which measures
/// zero it, the zone that bounds days, weeks and months, and the campaign windows.
///
/// Read one from a file with ``load(path:)`` or use ``builtIn``, the text of
/// `scorecards/default.json`. docs/SCORING.md describes the file format.
public struct Scorecard: Sendable, Equatable {
    /// The file's `version`, copied into every ``ScorecardResult`` so a score
    /// names the rules that made it.
    public var version: String
    /// The scoring zone's offset from UTC in seconds (+08:00 is 28800).
    public var zoneOffsetSeconds: Int32
    /// Every wait is capped at this many seconds before it enters a median, a
    /// 90th percentile, a total or a bucket.
    public var responseCapSeconds: Int
    /// A reply within this many seconds (uncapped) counts as within the limit.
    public var replyLimitSeconds: Int
    /// How long after a conversation's last message a paid order still converts it, in hours.
    public var conversionHours: Int
    /// The ISO 4217 code of the sales the scorecard sums ("CNY"). Orders in
    /// another currency go to the dead-letter topic, because amounts of
    /// different currencies cannot be added.
    public var currency: String
    /// The weighted items, in file order.
    public var items: [ScorecardItem]
    /// The critical items, in file order; any failure zeroes the total.
    public var criticalItems: [CriticalItem]
    /// The campaign windows, in file order.
    public var campaigns: [Campaign]

    public init(version: String, zoneOffsetSeconds: Int32 = 8 * 3600, responseCapSeconds: Int = 600,
                replyLimitSeconds: Int = 180, conversionHours: Int = 24, currency: String = "CNY",
                items: [ScorecardItem],
                criticalItems: [CriticalItem] = [], campaigns: [Campaign] = []) {
        self.version = version
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.responseCapSeconds = responseCapSeconds
        self.replyLimitSeconds = replyLimitSeconds
        self.conversionHours = conversionHours
        self.currency = currency
        self.items = items
        self.criticalItems = criticalItems
        self.campaigns = campaigns
    }

    /// Returns the campaign with this id, or nil when the scorecard has none.
    public func campaign(id: String) -> Campaign? {
        campaigns.first { $0.id == id }
    }
}
