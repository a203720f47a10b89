/// The figures of one subject for one period, as they are after the inputs seen so far.
///
/// The scores topic is compacted by subject and period, so its latest record
/// per key contains the current figures.
public struct Score: VigilEvent {
    public static let schemaName = "score"
    public static let schemaVersion = 1

    /// `score/<record key>/<hash of the figures>`.
    public var eventId: String
    public var schemaVersion: Int
    public var subject: ScoreSubject
    public var period: ScorePeriod
    public var figures: ScoreFigures
    /// The latest event time among the inputs the figures include.
    public var asOf: Timestamp

    public init(subject: ScoreSubject, period: ScorePeriod, figures: ScoreFigures, asOf: Timestamp) {
        self.schemaVersion = Self.schemaVersion
        self.subject = subject
        self.period = period
        self.figures = figures
        self.asOf = asOf
        self.eventId = "score/\(Self.recordKey(subject: subject, period: period))/\(figures.fingerprint)"
    }

    /// `<kind>/<id>/<period kind>/<period start>`, the compaction key.
    public static func recordKey(subject: ScoreSubject, period: ScorePeriod) -> String {
        "\(subject.kind.rawValue)/\(subject.id)/\(period.kind.rawValue)/\(period.start)"
    }

    public var recordKey: String? { Self.recordKey(subject: subject, period: period) }
    public var eventTime: Timestamp { asOf }
}

/// The agent (or, later, team, vendor or site) a score is about.
public struct ScoreSubject: Codable, Sendable, Hashable {
    public var kind: ScoreSubjectKind
    public var id: String

    public init(kind: ScoreSubjectKind, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// The levels scores are kept at.
public enum ScoreSubjectKind: String, Codable, Sendable, CaseIterable {
    case agent
}

/// A calendar period in the scoring time zone.
public struct ScorePeriod: Codable, Sendable, Hashable {
    public var kind: ScorePeriodKind
    /// The first day of the period, "2026-11-11".
    public var start: String

    public init(kind: ScorePeriodKind, start: String) {
        self.kind = kind
        self.start = start
    }
}

/// The lengths of scoring periods.
public enum ScorePeriodKind: String, Codable, Sendable, CaseIterable {
    case day
}

/// The measured figures of a score.
public struct ScoreFigures: Codable, Sendable, Hashable {
    /// Conversations whose first message falls in the period.
    public var conversations: Int
    /// Conversations in which the agent replied to a customer message.
    public var firstResponses: Int
    /// The sum of first response times, in seconds, over `firstResponses`.
    public var firstResponseSecondsTotal: Int64
    /// Alerts raised in the period on the agent's conversations.
    public var alerts: Int
    /// Cases opened in the period on the agent's conversations.
    public var cases: Int
    /// Complaints filed in the period about the agent's conversations.
    public var complaints: Int

    public init(conversations: Int = 0, firstResponses: Int = 0, firstResponseSecondsTotal: Int64 = 0,
                alerts: Int = 0, cases: Int = 0, complaints: Int = 0) {
        self.conversations = conversations
        self.firstResponses = firstResponses
        self.firstResponseSecondsTotal = firstResponseSecondsTotal
        self.alerts = alerts
        self.cases = cases
        self.complaints = complaints
    }

    /// The mean first response time in seconds, or nil without any response.
    public var firstResponseSecondsMean: Double? {
        firstResponses == 0 ? nil : Double(firstResponseSecondsTotal) / Double(firstResponses)
    }

    /// Adds another period's figures, for totals over several periods.
    public static func + (lhs: ScoreFigures, rhs: ScoreFigures) -> ScoreFigures {
        ScoreFigures(
            conversations: lhs.conversations + rhs.conversations,
            firstResponses: lhs.firstResponses + rhs.firstResponses,
            firstResponseSecondsTotal: lhs.firstResponseSecondsTotal + rhs.firstResponseSecondsTotal,
            alerts: lhs.alerts + rhs.alerts,
            cases: lhs.cases + rhs.cases,
            complaints: lhs.complaints + rhs.complaints)
    }

    var fingerprint: String {
        StableHash.hex([conversations, firstResponses, Int(firstResponseSecondsTotal), alerts, cases, complaints]
            .map(String.init))
    }
}
