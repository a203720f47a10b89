import Foundation

/// The measures of one subject for one period.
///
/// docs/SCORING.md defines each measure. Times are whole seconds; each wait
/// is capped at the scorecard's `responseCapSeconds` before it enters a
/// median, a 90th percentile or a total. Medians of an even count are the
/// mean of the two middle values; the 90th percentile is the nearest-rank
/// value (rank ⌈0.9·n⌉).
public struct ScoreFigures: Codable, Sendable, Hashable {
    // MARK: - Conversations and replies

    /// Conversations whose first message falls in the period.
    public var conversations: Int
    /// Conversations in which an agent replied to the customer's first round.
    public var firstResponses: Int
    /// The sum of capped first response times over `firstResponses`, in seconds.
    public var firstResponseSecondsTotal: Int64
    /// The median capped first response time; nil without first responses.
    public var firstResponseMedianSeconds: Double?
    /// The 90th percentile capped first response time.
    public var firstResponseP90Seconds: Double?
    /// Replied rounds: a customer's message (or run of messages) followed by an agent's reply.
    public var rounds: Int
    /// The median capped wait over all replied rounds.
    public var responseMedianSeconds: Double?
    /// The 90th percentile capped wait over all answered rounds.
    public var responseP90Seconds: Double?
    /// Answered rounds whose reply came within the reply limit.
    public var repliesWithinLimit: Int
    /// Answered rounds whose reply came after the reply limit.
    public var slowReplies: Int
    /// Rounds still without a reply at the end of the conversation so far.
    public var unansweredRounds: Int
    /// Answered rounds by capped wait: one count per bound of
    /// ``responseBucketBounds`` (waits up to and including it, above the
    /// previous bound), then one for longer waits.
    public var responseTimeBuckets: [Int]

    /// The upper bounds, in seconds, of the response time buckets.
    public static let responseBucketBounds = [10, 30, 60, 120, 180, 300, 600]

    // MARK: - Alerts

    /// Keyword alerts raised in the period.
    public var alerts: Int
    /// Keyword alerts by risk category (`regulator`, `legal` …).
    public var alertsByCategory: [String: Int]
    /// Reply-timeout alerts raised in the period.
    public var replyTimeouts: Int

    // MARK: - Cases and complaints

    /// Cases opened in the period.
    public var cases: Int
    /// Of those cases, the acknowledged ones.
    public var acknowledgedCases: Int
    /// The median time from opening to the first acknowledgement.
    public var acknowledgeMedianSeconds: Double?
    /// Cases that reached the platform or a regulator, by a complaint or by a command.
    public var escalations: Int
    /// Complaints filed in the period.
    public var complaints: Int
    /// Complaints to 12315, the market regulator or a consumer association.
    public var regulatorComplaints: Int
    /// Cases that reached a regulator and were put down to a human cause;
    /// the default scorecard's critical item.
    public var regulatorHumanCauseCases: Int
    /// Cases naming the subject (for people) or someone in it (for groups) primarily responsible.
    public var primaryResponsibilities: Int
    /// Cases naming the subject (for people) or someone in it (for groups) jointly responsible.
    public var jointResponsibilities: Int
    /// Cases that required a rectification plan.
    public var rectificationsDue: Int
    /// Of those, the cases whose plan was accepted and never went overdue.
    public var rectificationsOnTime: Int

    // MARK: - Sales

    /// Orders paid in the period.
    public var orders: Int
    /// The amount of those orders, in `currency`.
    public var sales: Decimal
    /// ISO 4217 code of `sales`; "CNY".
    public var currency: String
    /// Conversations followed by an order of the same buyer in the same shop.
    public var convertedConversations: Int

    public init(conversations: Int = 0, firstResponses: Int = 0, firstResponseSecondsTotal: Int64 = 0,
                firstResponseMedianSeconds: Double? = nil, firstResponseP90Seconds: Double? = nil,
                rounds: Int = 0, responseMedianSeconds: Double? = nil, responseP90Seconds: Double? = nil,
                repliesWithinLimit: Int = 0, slowReplies: Int = 0, unansweredRounds: Int = 0,
                responseTimeBuckets: [Int] = Array(repeating: 0, count: ScoreFigures.responseBucketBounds.count + 1),
                alerts: Int = 0, alertsByCategory: [String: Int] = [:], replyTimeouts: Int = 0,
                cases: Int = 0, acknowledgedCases: Int = 0, acknowledgeMedianSeconds: Double? = nil,
                escalations: Int = 0, complaints: Int = 0, regulatorComplaints: Int = 0,
                regulatorHumanCauseCases: Int = 0, primaryResponsibilities: Int = 0, jointResponsibilities: Int = 0,
                rectificationsDue: Int = 0, rectificationsOnTime: Int = 0,
                orders: Int = 0, sales: Decimal = 0, currency: String = "CNY", convertedConversations: Int = 0) {
        self.conversations = conversations
        self.firstResponses = firstResponses
        self.firstResponseSecondsTotal = firstResponseSecondsTotal
        self.firstResponseMedianSeconds = firstResponseMedianSeconds
        self.firstResponseP90Seconds = firstResponseP90Seconds
        self.rounds = rounds
        self.responseMedianSeconds = responseMedianSeconds
        self.responseP90Seconds = responseP90Seconds
        self.repliesWithinLimit = repliesWithinLimit
        self.slowReplies = slowReplies
        self.unansweredRounds = unansweredRounds
        self.responseTimeBuckets = responseTimeBuckets
        self.alerts = alerts
        self.alertsByCategory = alertsByCategory
        self.replyTimeouts = replyTimeouts
        self.cases = cases
        self.acknowledgedCases = acknowledgedCases
        self.acknowledgeMedianSeconds = acknowledgeMedianSeconds
        self.escalations = escalations
        self.complaints = complaints
        self.regulatorComplaints = regulatorComplaints
        self.regulatorHumanCauseCases = regulatorHumanCauseCases
        self.primaryResponsibilities = primaryResponsibilities
        self.jointResponsibilities = jointResponsibilities
        self.rectificationsDue = rectificationsDue
        self.rectificationsOnTime = rectificationsOnTime
        self.orders = orders
        self.sales = sales
        self.currency = currency
        self.convertedConversations = convertedConversations
    }

    // MARK: - Derived

    /// The mean capped first response time in seconds, or nil without any response.
    public var firstResponseSecondsMean: Double? {
        firstResponses == 0 ? nil : Double(firstResponseSecondsTotal) / Double(firstResponses)
    }

    /// Keyword alerts per 100 conversations, or nil without conversations.
    public var alertsPer100Conversations: Double? {
        conversations == 0 ? nil : Double(alerts) * 100 / Double(conversations)
    }

    /// The share of answered rounds replied to within the limit, 0…1.
    public var repliesWithinLimitShare: Double? {
        rounds == 0 ? nil : Double(repliesWithinLimit) / Double(rounds)
    }

    /// Converted conversations over conversations, 0…1.
    public var conversionRate: Double? {
        conversations == 0 ? nil : Double(convertedConversations) / Double(conversations)
    }

    /// Plans accepted on time over plans due, 0…1.
    public var rectificationOnTimeShare: Double? {
        rectificationsDue == 0 ? nil : Double(rectificationsOnTime) / Double(rectificationsDue)
    }

    /// A hash of every field, for the score's event id.
    var fingerprint: String {
        let categories = alertsByCategory.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let optionals = [firstResponseMedianSeconds, firstResponseP90Seconds, responseMedianSeconds,
                         responseP90Seconds, acknowledgeMedianSeconds].map { $0.map { "\($0)" } ?? "-" }
        let counts = [conversations, firstResponses, Int(firstResponseSecondsTotal), rounds, repliesWithinLimit,
                      slowReplies, unansweredRounds, alerts, replyTimeouts, cases, acknowledgedCases, escalations,
                      complaints, regulatorComplaints, regulatorHumanCauseCases, primaryResponsibilities,
                      jointResponsibilities, rectificationsDue, rectificationsOnTime, orders,
                      convertedConversations].map(String.init)
        let buckets = responseTimeBuckets.map(String.init).joined(separator: ",")
        return StableHash.hex(counts + optionals + categories + [buckets, "\(sales)", currency])
    }
}
