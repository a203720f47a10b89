import Foundation
import VigilContracts

/// The measures a scorecard item can name; the raw value is the name in the file.
///
/// docs/SCORING.md defines each one.
public enum ScoreMeasure: String, Sendable, CaseIterable {
    case conversations
    case firstResponseMedianSeconds
    case firstResponseP90Seconds
    case firstResponseSecondsMean
    case responseMedianSeconds
    case responseP90Seconds
    case repliesWithinLimitShare
    case slowReplies
    case unansweredRounds
    case alerts
    case alertsPer100Conversations
    case replyTimeouts
    case cases
    case acknowledgeMedianSeconds
    case escalations
    case complaints
    case regulatorComplaints
    case regulatorHumanCauseCases
    case primaryResponsibilities
    case jointResponsibilities
    case rectificationOnTimeShare
    case orders
    case sales
    case conversionRate

    /// Returns the measure's value in `figures`; nil when the period has
    /// nothing to measure (no replied round for a median, no conversation
    /// for a rate). Counts are never nil.
    public func value(in figures: ScoreFigures) -> Double? {
        switch self {
        case .conversations: Double(figures.conversations)
        case .firstResponseMedianSeconds: figures.firstResponseMedianSeconds
        case .firstResponseP90Seconds: figures.firstResponseP90Seconds
        case .firstResponseSecondsMean: figures.firstResponseSecondsMean
        case .responseMedianSeconds: figures.responseMedianSeconds
        case .responseP90Seconds: figures.responseP90Seconds
        case .repliesWithinLimitShare: figures.repliesWithinLimitShare
        case .slowReplies: Double(figures.slowReplies)
        case .unansweredRounds: Double(figures.unansweredRounds)
        case .alerts: Double(figures.alerts)
        case .alertsPer100Conversations: figures.alertsPer100Conversations
        case .replyTimeouts: Double(figures.replyTimeouts)
        case .cases: Double(figures.cases)
        case .acknowledgeMedianSeconds: figures.acknowledgeMedianSeconds
        case .escalations: Double(figures.escalations)
        case .complaints: Double(figures.complaints)
        case .regulatorComplaints: Double(figures.regulatorComplaints)
        case .regulatorHumanCauseCases: Double(figures.regulatorHumanCauseCases)
        case .primaryResponsibilities: Double(figures.primaryResponsibilities)
        case .jointResponsibilities: Double(figures.jointResponsibilities)
        case .rectificationOnTimeShare: figures.rectificationOnTimeShare
        case .orders: Double(figures.orders)
        case .sales: NSDecimalNumber(decimal: figures.sales).doubleValue
        case .conversionRate: figures.conversionRate
        }
    }

    /// The measure's name for reports.
    public var label: LocalizedText {
        switch self {
        case .conversations: LocalizedText(chinese: "会话数", english: "Conversations")
        case .firstResponseMedianSeconds: LocalizedText(chinese: "首次响应中位数", english: "First response median")
        case .firstResponseP90Seconds: LocalizedText(chinese: "首次响应P90", english: "First response p90")
        case .firstResponseSecondsMean: LocalizedText(chinese: "首次响应均值", english: "First response mean")
        case .responseMedianSeconds: LocalizedText(chinese: "响应时长中位数", english: "Response median")
        case .responseP90Seconds: LocalizedText(chinese: "响应时长P90", english: "Response p90")
        case .repliesWithinLimitShare: LocalizedText(chinese: "及时回复率", english: "Replies within limit")
        case .slowReplies: LocalizedText(chinese: "超时回复数", english: "Slow replies")
        case .unansweredRounds: LocalizedText(chinese: "未回复轮次", english: "Unanswered rounds")
        case .alerts: LocalizedText(chinese: "关键词预警数", english: "Keyword alerts")
        case .alertsPer100Conversations: LocalizedText(chinese: "每百会话预警数", english: "Alerts per 100 conversations")
        case .replyTimeouts: LocalizedText(chinese: "回复超时预警数", english: "Reply timeouts")
        case .cases: LocalizedText(chinese: "工单数", english: "Cases")
        case .acknowledgeMedianSeconds: LocalizedText(chinese: "工单确认时长中位数", english: "Acknowledgement median")
        case .escalations: LocalizedText(chinese: "升级数", english: "Escalations")
        case .complaints: LocalizedText(chinese: "投诉数", english: "Complaints")
        case .regulatorComplaints: LocalizedText(chinese: "监管投诉数", english: "Regulator complaints")
        case .regulatorHumanCauseCases: LocalizedText(chinese: "人为原因监管工单", english: "Regulator cases with a human cause")
        case .primaryResponsibilities: LocalizedText(chinese: "主要责任数", english: "Primary responsibilities")
        case .jointResponsibilities: LocalizedText(chinese: "连带责任数", english: "Joint responsibilities")
        case .rectificationOnTimeShare: LocalizedText(chinese: "整改按时率", english: "Rectification on time")
        case .orders: LocalizedText(chinese: "订单数", english: "Orders")
        case .sales: LocalizedText(chinese: "销售额", english: "Sales")
        case .conversionRate: LocalizedText(chinese: "转化率", english: "Conversion rate")
        }
    }

    /// The kind of quantity the value is, for formatting.
    public var unit: ScoreMeasureUnit {
        switch self {
        case .firstResponseMedianSeconds, .firstResponseP90Seconds, .firstResponseSecondsMean,
             .responseMedianSeconds, .responseP90Seconds, .acknowledgeMedianSeconds:
            .seconds
        case .repliesWithinLimitShare, .rectificationOnTimeShare, .conversionRate:
            .share
        case .alertsPer100Conversations:
            .rate
        case .sales:
            .money
        case .conversations, .slowReplies, .unansweredRounds, .alerts, .replyTimeouts, .cases, .escalations,
             .complaints, .regulatorComplaints, .regulatorHumanCauseCases, .primaryResponsibilities,
             .jointResponsibilities, .orders:
            .count
        }
    }
}
