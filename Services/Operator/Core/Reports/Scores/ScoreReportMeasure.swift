import VigilContracts
import VigilScoring

/// A measure a scorecard item can read, with the report's column name and
/// number format for it.
///
/// The raw values are the measure names of the scorecard file (VigilScoring's
/// `ScoreMeasure`), which `ScoreItemResult.measure` repeats. The report keeps
/// its own names because its column headers carry the unit, such as "（秒）".
enum ScoreReportMeasure: String, Sendable, CaseIterable {
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

    /// The number format of a measure's values.
    enum Unit: Sendable {
        case count
        case seconds
        /// 0…1, written as a percentage.
        case share
        /// A ratio such as alerts per 100 conversations, written with one decimal.
        case rate
        case money
    }

    var unit: Unit {
        switch self {
        case .firstResponseMedianSeconds, .firstResponseP90Seconds, .firstResponseSecondsMean, .responseMedianSeconds,
             .responseP90Seconds, .acknowledgeMedianSeconds:
            .seconds
        case .repliesWithinLimitShare, .rectificationOnTimeShare, .conversionRate:
            .share
        case .alertsPer100Conversations:
            .rate
        case .sales:
            .money
        default:
            .count
        }
    }

    /// Returns the measure's value in `figures` as the scorecard computes it;
    /// nil when the period has nothing to measure.
    func value(in figures: ScoreFigures) -> Double? {
        ScoreMeasure(rawValue: rawValue)?.value(in: figures)
    }

    /// The measure's name for business readers, with its unit where it has one.
    var label: LocalizedText {
        switch self {
        case .conversations: LocalizedText(chinese: "会话数", english: "conversations")
        case .firstResponseMedianSeconds:
            LocalizedText(chinese: "首次响应中位数（秒）", english: "first response median (s)")
        case .firstResponseP90Seconds: LocalizedText(chinese: "首次响应 P90（秒）", english: "first response p90 (s)")
        case .firstResponseSecondsMean: LocalizedText(chinese: "首次响应均值（秒）", english: "first response mean (s)")
        case .responseMedianSeconds: LocalizedText(chinese: "响应中位数（秒）", english: "response median (s)")
        case .responseP90Seconds: LocalizedText(chinese: "响应 P90（秒）", english: "response p90 (s)")
        case .repliesWithinLimitShare: LocalizedText(chinese: "限时内回复占比", english: "share of replies within limit")
        case .slowReplies: LocalizedText(chinese: "慢回复", english: "slow replies")
        case .unansweredRounds: LocalizedText(chinese: "未回复轮次", english: "unanswered rounds")
        case .alerts: LocalizedText(chinese: "预警", english: "alerts")
        case .alertsPer100Conversations: LocalizedText(chinese: "每百会话预警", english: "alerts per 100 conversations")
        case .replyTimeouts: LocalizedText(chinese: "回复超时", english: "reply timeouts")
        case .cases: LocalizedText(chinese: "案件", english: "cases")
        case .acknowledgeMedianSeconds: LocalizedText(chinese: "确认用时中位数（秒）", english: "acknowledge median (s)")
        case .escalations: LocalizedText(chinese: "升级", english: "escalations")
        case .complaints: LocalizedText(chinese: "投诉", english: "complaints")
        case .regulatorComplaints: LocalizedText(chinese: "监管投诉", english: "regulator complaints")
        case .regulatorHumanCauseCases:
            LocalizedText(chinese: "人为原因监管案件", english: "regulator cases with a human cause")
        case .primaryResponsibilities: LocalizedText(chinese: "主要责任", english: "primary responsibility")
        case .jointResponsibilities: LocalizedText(chinese: "连带责任", english: "joint responsibility")
        case .rectificationOnTimeShare: LocalizedText(chinese: "按时整改率", english: "rectification on time")
        case .orders: LocalizedText(chinese: "订单", english: "orders")
        case .sales: LocalizedText(chinese: "销售额（元）", english: "sales (CNY)")
        case .conversionRate: LocalizedText(chinese: "转化率", english: "conversion rate")
        }
    }

    /// Formats a value of this measure for people: "45", "92.3%", "12,345.60"; "-" for nil.
    func format(_ value: Double?) -> String {
        switch unit {
        case .count: ScoreNumbers.count(value)
        case .seconds: ScoreNumbers.seconds(value)
        case .share: ReportText.percent(value)
        case .rate: ReportText.decimal(value)
        case .money: ScoreNumbers.money(value)
        }
    }
}
