import Foundation
import VigilContracts

/// The words and number formats of a report in one language.
struct ReportText: Sendable {
    var language: Language
    var utcOffsetSeconds: Int32

    /// Picks the Chinese or English value.
    func pick<Value>(_ chinese: Value, _ english: Value) -> Value {
        language == .chinese ? chinese : english
    }

    /// "2026-W46 周（2026-11-09 至 2026-11-15，UTC+08:00）" or the English equivalent.
    func periodName(_ period: ReportPeriod) -> String {
        let (first, last) = period.days
        let zone = "UTC" + Self.offsetText(period.utcOffsetSeconds)
        let range = first == last ? "\(first), \(zone)" : pick("\(first) 至 \(last)，\(zone)", "\(first) to \(last), \(zone)")
        switch period.kind {
        case .day: return pick("\(period.label)（\(zone)）", "day \(period.label) (\(zone))")
        case .week: return pick("\(period.label) 周（\(range)）", "week \(period.label) (\(range))")
        case .month: return pick("\(period.label) 月（\(range)）", "month \(period.label) (\(range))")
        }
    }

    /// "2026-11-18 10:00" at the report's offset.
    func time(_ instant: Timestamp) -> String {
        let local = Timestamp(epochMilliseconds: instant.epochMilliseconds, utcOffsetSeconds: utcOffsetSeconds)
        let text = local.iso8601
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    func cause(_ cause: CaseCause?) -> String {
        guard let cause else { return pick("待复盘", "not yet classified") }
        return pick(cause.label.chinese, cause.label.english)
    }

    /// Names the status. Without one, it returns "not required" for a classified case and "-" before classification.
    func rectification(_ status: RectificationStatus?, cause: CaseCause?) -> String {
        switch status {
        case .required?: pick("待提交", "required")
        case .submitted?: pick("已提交待审", "submitted")
        case .accepted?: pick("已通过", "accepted")
        case .rejected?: pick("被驳回", "rejected")
        case .overdue?: pick("已逾期", "overdue")
        case nil: cause == nil ? "-" : pick("无需整改", "not required")
        }
    }

    /// Lists people as "王五（A-1）、李四（S-01）", or "-" for an empty list.
    func people(_ people: [CaseResponsibility]) -> String {
        guard !people.isEmpty else { return "-" }
        return people.map { pick("\($0.name)（\($0.personId)）", "\($0.name) (\($0.personId))") }
            .joined(separator: pick("、", "; "))
    }

    // MARK: - Numbers

    /// "+2", "-1" or "0".
    static func change(_ difference: Int) -> String {
        difference > 0 ? "+\(difference)" : String(difference)
    }

    /// "75.0%", or "-" when there is no share.
    static func percent(_ share: Double?) -> String {
        share.map { decimal($0 * 100) + "%" } ?? "-"
    }

    /// Formats one decimal, rounded half away from zero, or "-" for nil.
    static func decimal(_ value: Double?) -> String {
        guard let value else { return "-" }
        guard let tenths = scaledInteger(value, scale: 10) else { return fixed(value, decimals: 1) }
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// Returns `value × scale` rounded half away from zero, or nil when the
    /// result is not finite or does not fit in an Int. Report values come from
    /// records anyone may write to a topic, so a plain `Int(_:)` could trap.
    static func scaledInteger(_ value: Double, scale: Double) -> Int? {
        Int(exactly: (value * scale).rounded())
    }

    /// Formats `value` with `decimals` decimals through C's printf: the
    /// fallback where ``scaledInteger(_:scale:)`` returns nil. It writes
    /// "inf", "-inf" and "nan", and every digit of a large value.
    static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// "+08:00", "-05:30" or "+00:00".
    static func offsetText(_ seconds: Int32) -> String {
        let minutes = abs(Int(seconds)) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return (seconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
