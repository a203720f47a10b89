import VigilContracts

/// One hand label of labels-waimai.ndjson: the risk a customer message carries.
struct EvaluationLabel: Decodable, Sendable, Equatable {
    /// The labels' risk values, most severe first.
    enum Risk: String, Codable, Sendable, CaseIterable {
        case regulator
        case legal
        case media
        case complaint
        case escalationDemand = "escalation_demand"
        case none

        /// The rule category that detects the risk, or nil for `none`.
        var category: RuleCategory? {
            switch self {
            case .regulator: .regulator
            case .legal: .legal
            case .media: .media
            case .complaint: .complaint
            case .escalationDemand: .escalation
            case .none: nil
            }
        }
    }

    var messageId: String
    var risk: Risk
    /// True when the message uses a risk word in a negation ("我不是要投诉你"), which must not alert.
    var negated: Bool
    /// True when the message disguises a risk word (spaces, full-width digits, pinyin).
    var evasive: Bool

    init(messageId: String, risk: Risk, negated: Bool = false, evasive: Bool = false) {
        self.messageId = messageId
        self.risk = risk
        self.negated = negated
        self.evasive = evasive
    }
}
