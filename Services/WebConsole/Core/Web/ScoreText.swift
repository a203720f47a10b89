import Foundation
import VigilContracts
import VigilScoring

/// Score numbers and names as the league tables and trend charts write them.
enum ScoreText {
    /// The subject kinds the pages offer, in the order of their tabs.
    static let kinds: [ScoreSubjectKind] = [.vendor, .site, .team, .agent]
    /// The period kinds the league tables offer, in the order of their tabs.
    static let periods: [ScorePeriodKind] = [.day, .week, .month, .campaign]

    static func kindName(_ kind: ScoreSubjectKind, _ text: ConsoleText) -> String {
        switch kind {
        case .vendor: text.pick("外包商", "Vendors")
        case .site: text.pick("站点", "Sites")
        case .team: text.pick("班组", "Teams")
        case .agent: text.pick("客服", "Agents")
        case .shop: text.pick("店铺", "Shops")
        }
    }

    static func periodName(_ kind: ScorePeriodKind, _ text: ConsoleText) -> String {
        switch kind {
        case .day: text.pick("日", "Day")
        case .week: text.pick("周", "Week")
        case .month: text.pick("月", "Month")
        case .campaign: text.pick("大促", "Campaign")
        }
    }

    /// "2026-11-11 的日评分" or "campaign 2026-double11 (from 2026-11-01)".
    static func periodTitle(_ period: ScorePeriod, _ text: ConsoleText) -> String {
        switch period.kind {
        case .day: text.pick("\(period.start) 日评分", "Day \(period.start)")
        case .week: text.pick("\(period.start) 起的一周", "Week from \(period.start)")
        case .month: text.pick("\(period.start.prefix(7)) 月", "Month \(period.start.prefix(7))")
        case .campaign: text.pick("大促 \(period.campaign ?? "-")（\(period.start) 起）",
                                  "Campaign \(period.campaign ?? "-") (from \(period.start))")
        }
    }

    /// Formats an axis tick or a chart point: "100", "86.5", "72.25".
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") {
            text.removeLast()
        }
        if text.hasSuffix(".") {
            text.removeLast()
        }
        return text
    }

    /// Points with two decimals, "-" for none.
    static func points(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.2f", value)
    }

    /// Formats a measure's value in its unit: "45", "92.3%", "38 秒", "12345.60".
    static func measure(_ value: Double?, unit: ScoreMeasureUnit?, _ text: ConsoleText) -> String {
        guard let value, value.isFinite else { return "-" }
        switch unit {
        case .share?: return String(format: "%.1f%%", value * 100)
        case .seconds?: return text.pick(String(format: "%.0f 秒", value), String(format: "%.0f s", value))
        case .money?: return String(format: "%.2f", value)
        case .rate?: return String(format: "%.1f", value)
        case .count?, nil: return value.rounded() == value ? String(format: "%.0f", value) : String(format: "%.2f", value)
        }
    }
}
