import Foundation
import VigilContracts

/// The scorecard total the test expects for a set of figures, from its own
/// reading of the measures and of the points rule.
enum ExpectedScorecardTotal {
    /// Returns the unrounded total (nil when no item has a value) and the
    /// critical items that failed, in file order. Any failure makes the total 0.
    static func evaluate(_ figures: ScoreFigures, scorecard: TestScorecard) -> (Double?, [String]) {
        let failed = scorecard.critical.filter { (value(of: $0.measure, in: figures) ?? 0) > $0.maximum }.map(\.id)

        var points = 0.0
        var weights = 0.0
        for item in scorecard.items {
            guard let value = value(of: item.measure, in: figures) else { continue }
            let fraction = min(max((value - item.zero) / (item.full - item.zero), 0), 1)
            points += item.weight * fraction
            weights += item.weight
        }
        guard weights > 0 else { return (failed.isEmpty ? nil : 0, failed) }
        return (failed.isEmpty ? 100 * points / weights : 0, failed)
    }

    /// The value of a measure the scorecard names; nil for a ratio without a denominator.
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
