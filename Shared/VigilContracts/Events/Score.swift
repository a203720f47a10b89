/// The measures and scorecard result of one subject for one period, as they
/// are after the inputs seen so far.
///
/// The scores topic is compacted by subject and period, so its latest record
/// per key contains the current score. Version 2 added teams, vendors, sites
/// and shops, weeks, months and campaign windows, the full set of measures,
/// the scorecard result and the campaign standing.
public struct Score: VigilEvent {
    public static let schemaName = "score"
    public static let schemaVersion = 2

    /// `score/<record key>/<hash of the content>`.
    public var eventId: String
    public var schemaVersion: Int
    /// The subject the score is about.
    public var subject: ScoreSubject
    /// The period the figures cover.
    public var period: ScorePeriod
    /// The measures; docs/SCORING.md defines each.
    public var figures: ScoreFigures
    /// The scorecard's verdict on the figures; nil when no scorecard applies.
    public var scorecard: ScorecardResult?
    /// For a team in a campaign window: its sales against the target and the
    /// ranked sellers, with who earns a reward.
    public var campaign: CampaignStanding?
    /// The latest event time among the inputs the figures include.
    public var asOf: Timestamp

    public init(subject: ScoreSubject, period: ScorePeriod, figures: ScoreFigures,
                scorecard: ScorecardResult? = nil, campaign: CampaignStanding? = nil, asOf: Timestamp) {
        self.schemaVersion = Self.schemaVersion
        self.subject = subject
        self.period = period
        self.figures = figures
        self.scorecard = scorecard
        self.campaign = campaign
        self.asOf = asOf
        let content = [figures.fingerprint, scorecard?.fingerprint ?? "-", campaign?.fingerprint ?? "-"]
        self.eventId = "score/\(Self.recordKey(subject: subject, period: period))/\(StableHash.hex(content))"
    }

    /// `<kind>/<id>/<period key>`, the compaction key, such as
    /// `agent/A-hz-a01/day/2026-11-11` or `team/T-hz-a/campaign/2026-double11`.
    public static func recordKey(subject: ScoreSubject, period: ScorePeriod) -> String {
        "\(subject.key)/\(period.key)"
    }

    public var recordKey: String? { Self.recordKey(subject: subject, period: period) }
    public var eventTime: Timestamp { asOf }
}
