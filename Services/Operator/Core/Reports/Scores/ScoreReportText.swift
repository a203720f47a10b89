import VigilContracts
import VigilScoring

/// The names of subject kinds and periods in the score report.
extension ReportText {
    /// Names a subject kind: "客服" / "agent" and so on.
    func kindName(_ kind: ScoreSubjectKind) -> String {
        switch kind {
        case .agent: pick("客服", "agent")
        case .team: pick("班组", "team")
        case .vendor: pick("外包商", "vendor")
        case .site: pick("站点", "site")
        case .shop: pick("店铺", "shop")
        }
    }

    /// Names the period for the report's title. A calendar period reads as
    /// ``periodName(_:)`` gives it, a campaign by the scorecard's name and
    /// window, or by its id and first day when the scorecard lacks it.
    func periodName(_ scope: ScoreReportScope) -> String {
        if let calendar = scope.calendar {
            return periodName(calendar)
        }
        let zone = "UTC" + Self.offsetText(scope.utcOffsetSeconds)
        guard let window = scope.campaign else {
            let campaign = scope.period.campaign ?? "-"
            return pick("大促 \(campaign)（\(scope.period.start) 起，\(zone)）",
                        "campaign \(campaign) (from \(scope.period.start), \(zone))")
        }
        let name = window.name.text(in: language)
        return pick("\(name)（\(time(window.from)) 至 \(time(window.to))，\(zone)）",
                    "\(name) (\(time(window.from)) to \(time(window.to)), \(zone))")
    }

    /// Names a period the report suggests: "2026-11-11", "the week from 2026-11-09", "campaign 2026-double11".
    func periodHint(_ period: ScorePeriod) -> String {
        switch period.kind {
        case .day: period.start
        case .week: pick("\(period.start) 起的一周", "the week from \(period.start)")
        case .month: String(period.start.prefix(7))
        case .campaign: pick("大促 \(period.campaign ?? period.start)", "campaign \(period.campaign ?? period.start)")
        }
    }

    /// Returns "是" / "yes" or "否" / "no".
    func yesNo(_ value: Bool) -> String {
        value ? pick("是", "yes") : pick("否", "no")
    }
}
