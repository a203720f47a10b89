import Foundation
import VigilContracts

/// The scorecard result the test expects for a set of figures, from its own
/// reading of the measures and of the points rule.
struct ExpectedScorecardResult {
    /// The unrounded total; nil when no item has a value, 0 when a critical item failed.
    var total: Double?
    /// The critical items that failed, in file order.
    var zeroedBy: [String]
    /// Each weighted item's id and measure value, in file order.
    var itemValues: [(id: String, value: Double?)]
    /// Each critical item's id and measure value (0 without one), in file order.
    var criticalValues: [(id: String, value: Double)]

    static func evaluate(_ figures: ScoreFigures, scorecard: TestScorecard) -> ExpectedScorecardResult {
        let criticalValues = scorecard.critical.map { ($0.id, value(of: $0.measure, in: figures) ?? 0) }
        let failed = zip(scorecard.critical, criticalValues).filter { $1.1 > $0.maximum }.map(\.0.id)
        let itemValues = scorecard.items.map { ($0.id, value(of: $0.measure, in: figures)) }

        var points = 0.0
        var weights = 0.0
        for (item, (_, value)) in zip(scorecard.items, itemValues) {
            guard let value else { continue }
            let fraction = min(max((value - item.zero) / (item.full - item.zero), 0), 1)
            points += item.weight * fraction
            weights += item.weight
        }
        var total: Double? = weights > 0 ? 100 * points / weights : nil
        if !failed.isEmpty {
            total = 0
        }
        return ExpectedScorecardResult(total: total, zeroedBy: failed, itemValues: itemValues,
                                      criticalValues: criticalValues)
    }

    /// Returns the value of a measure the scorecard names, or nil for a ratio without a denominator.
    static func value(of measure: String, in figures: ScoreFigures) -> Double? {
        func ratio(_ numerator: Int, _ denominator: Int, scale: Double = 1) -> Double? {
            denominator == 0 ? nil : Double(numerator) * scale / Double(denominator)
        }

        switch measure {
        case "conversations": return Double(figures.conversations)
        case "firstResponseMedianSeconds": return figures.firstResponseMedianSeconds
        case "firstResponseP90Seconds": return figures.firstResponseP90Seconds
        case "firstResponseSecondsMean":
            return ratio(Int(figures.firstResponseSecondsTotal), figures.firstResponses)
        case "responseMedianSeconds": return figures.responseMedianSeconds
        case "responseP90Seconds": return figures.responseP90Seconds
        case "repliesWithinLimitShare": return ratio(figures.repliesWithinLimit, figures.rounds)
        case "slowReplies": return Double(figures.slowReplies)
        case "unansweredRounds": return Double(figures.unansweredRounds)
        case "alerts": return Double(figures.alerts)
        case "alertsPer100Conversations": return ratio(figures.alerts, figures.conversations, scale: 100)
        case "replyTimeouts": return Double(figures.replyTimeouts)
        case "cases": return Double(figures.cases)
        case "acknowledgeMedianSeconds": return figures.acknowledgeMedianSeconds
        case "escalations": return Double(figures.escalations)
        case "complaints": return Double(figures.complaints)
        case "regulatorComplaints": return Double(figures.regulatorComplaints)
        case "regulatorHumanCauseCases": return Double(figures.regulatorHumanCauseCases)
        case "primaryResponsibilities": return Double(figures.primaryResponsibilities)
        case "jointResponsibilities": return Double(figures.jointResponsibilities)
        case "rectificationOnTimeShare": return ratio(figures.rectificationsOnTime, figures.rectificationsDue)
        case "orders": return Double(figures.orders)
        case "sales": return NSDecimalNumber(decimal: figures.sales).doubleValue
        case "conversionRate": return ratio(figures.convertedConversations, figures.conversations)
        default: return nil
        }
    }
}
