/// The risk an alert is about, most severe first.
///
/// Alerts are grouped per customer thread and category, and an open
/// regulator alert holds back the notifications of the thread's complaint
/// and escalation alerts.
public enum RiskCategory: String, Codable, Sendable, CaseIterable, Comparable {
    /// A regulator: 工商, 12315, 消协 and the like.
    case regulator
    /// Legal action: 律师, 起诉, 法院, 报警.
    case legal
    /// Public exposure: 曝光, 媒体, 微博.
    case media
    /// A complaint or report: 投诉, 举报, 差评.
    case complaint
    /// A demand to escalate: 找你们领导, 经理.
    case escalation
    /// A customer left waiting for a reply (回复不及时).
    case replyTimeout = "reply-timeout"

    public static func < (lhs: RiskCategory, rhs: RiskCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
