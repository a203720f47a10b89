/// The console's main pages, in the order the navigation lists them.
enum ConsoleSection: CaseIterable {
    case alerts
    case cases
    case rectifications
    case league
    case trends

    var path: String {
        switch self {
        case .alerts: "/"
        case .cases: "/cases"
        case .rectifications: "/rectifications"
        case .league: "/league"
        case .trends: "/trends"
        }
    }

    func title(_ text: ConsoleText) -> String {
        switch self {
        case .alerts: text.pick("实时预警", "Live alerts")
        case .cases: text.pick("未结案件", "Open cases")
        case .rectifications: text.pick("整改方案", "Rectification plans")
        case .league: text.pick("排行榜", "League tables")
        case .trends: text.pick("评分趋势", "Score trends")
        }
    }
}
