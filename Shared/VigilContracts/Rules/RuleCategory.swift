/// What a rule's words point to, which decides how its alerts are handled.
public enum RuleCategory: String, Codable, Sendable, CaseIterable {
    /// A regulator: 工商, 12315, 消协, 市场监管.
    case regulator
    /// Legal action: 律师, 起诉, 法院.
    case legal
    /// Public exposure: 媒体, 曝光, 微博.
    case media
    /// A complaint or report: 投诉, 举报.
    case complaint
    /// A demand to escalate inside the shop or platform: 找你们领导, 平台介入.
    case escalation

    /// The alert category a hit of this rule raises.
    public var riskCategory: RiskCategory {
        switch self {
        case .regulator: .regulator
        case .legal: .legal
        case .media: .media
        case .complaint: .complaint
        case .escalation: .escalation
        }
    }
}
