import VigilContracts
import VigilScoring

/// The report's column names and number formats of the scorecard measures.
///
/// The report keeps its own names because its column headers carry the unit,
/// such as "（秒）". Values stay in the scorecard's units (seconds, shares from
/// 0 to 1), and only ``format(_:)`` converts them for people, so a threshold
/// and a value of one measure always read in the same unit.
extension ScoreMeasure {
    /// The number format of a measure's values.
    enum ReportUnit: Sendable {
        case count
        case seconds
        /// Stored in seconds, shown in minutes with one decimal, as the escalation report shows acknowledgement.
        case minutes
        /// 0…1, written as a percentage.
        case share
        /// A ratio such as alerts per 100 conversations, written with one decimal.
        case rate
        case money
    }

    var reportUnit: ReportUnit {
        switch self {
        case .firstResponseMedianSeconds, .firstResponseP90Seconds, .firstResponseSecondsMean, .responseMedianSeconds,
             .responseP90Seconds:
            .seconds
        case .acknowledgeMedianSeconds:
            .minutes
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

    /// The measure's name for business readers, with its unit where it has one.
    var reportLabel: LocalizedText {
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
        case .replyTimeouts: LocalizedText(chinese: "回复超时预警", english: "reply-timeout alerts")
        case .cases: LocalizedText(chinese: "案件", english: "cases")
        case .acknowledgeMedianSeconds: LocalizedText(chinese: "确认用时中位数（分钟）", english: "acknowledge median (min)")
        case .escalations: LocalizedText(chinese: "升级", english: "escalations")
        case .complaints: LocalizedText(chinese: "投诉", english: "complaints")
        case .regulatorComplaints: LocalizedText(chinese: "监管投诉", english: "regulator complaints")
        case .regulatorHumanCauseCases:
            LocalizedText(chinese: "人为原因监管案件", english: "regulator cases with a human cause")
        case .primaryResponsibilities: LocalizedText(chinese: "主要责任", english: "primary responsibility")
        case .jointResponsibilities: LocalizedText(chinese: "连带责任", english: "joint responsibility")
        case .rectificationOnTimeShare: LocalizedText(chinese: "按时整改率", english: "rectifications on time (share)")
        case .orders: LocalizedText(chinese: "订单", english: "orders")
        case .sales: LocalizedText(chinese: "销售额（元）", english: "sales (CNY)")
        case .conversionRate: LocalizedText(chinese: "转化率", english: "conversion rate")
        }
    }

    /// The CSV header: the label, except that CSV keeps the acknowledge median
    /// in seconds, as it keeps every time, so the header names seconds.
    var csvLabel: LocalizedText {
        switch self {
        case .acknowledgeMedianSeconds: LocalizedText(chinese: "确认用时中位数（秒）", english: "acknowledge median (s)")
        default: reportLabel
        }
    }

    /// Formats a value of this measure for people: "45", "92.3%", "12,345.60", "15.5" (minutes); "-" for nil.
    func format(_ value: Double?) -> String {
        switch reportUnit {
        case .count: ScoreNumbers.count(value)
        case .seconds: ScoreNumbers.seconds(value)
        case .minutes: ReportText.decimal(value.map { $0 / 60 })
        case .share: ReportText.percent(value)
        case .rate: ReportText.decimal(value)
        case .money: ScoreNumbers.money(value)
        }
    }

    /// Formats this measure's value in `figures` for people, as ``format(_:)``
    /// does. The exception is an acknowledge median without a value in a period
    /// with cases. None of them was acknowledged, so the text is "none acknowledged" in place of "-".
    func format(in figures: ScoreFigures, _ text: ReportText) -> String {
        if self == .acknowledgeMedianSeconds, figures.acknowledgeMedianSeconds == nil, figures.cases > 0 {
            return text.pick("未确认", "none acknowledged")
        }
        return format(value(in: figures))
    }
}
