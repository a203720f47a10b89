import VigilContracts
import VigilRuntime

/// `vigil cases list`: the cases as their timelines on the case topic tell them.
enum CasesListCommand: Subcommand {
    static let name = "cases list"
    static let summary = LocalizedText(chinese: "列出案件（按立案时间），含预警数和投诉",
                                       english: "list cases by opening time, with their alerts and complaints")
    static let options: [OptionSpec] = []

    /// One case folded from its timeline.
    struct CaseView {
        var caseId: String
        var thread: ThreadKey
        var openedAt: Timestamp
        var agent: String?
        var alerts = 0
        var complaints: [ComplaintChannel] = []
    }

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let events = try context.scanner.events(CaseEvent.self, of: context.catalogue.caseEvents).events
        let cases = fold(events)

        var table = TextTable(
            headers: context.language == .chinese
                ? ["案件号", "店铺/顾客", "客服", "立案时间", "预警数", "投诉渠道", "状态"]
                : ["case", "shop/buyer", "agent", "opened", "alerts", "complaint channels", "state"],
            rightAligned: [4])
        for view in cases {
            let complaints = view.complaints.map { channelName($0, context) }.joined(separator: ",")
            table.append([view.caseId, view.thread.recordKey, view.agent ?? "-", context.localTime(view.openedAt),
                          String(view.alerts), complaints.isEmpty ? "-" : complaints, context.text("处理中", "open")])
        }
        print(table.render())
        print(context.text("共 \(cases.count) 个案件", cases.count == 1 ? "1 case" : "\(cases.count) cases"))
        return 0
    }

    /// Folds timeline events into one view per case, ordered by opening time then id.
    static func fold(_ events: [CaseEvent]) -> [CaseView] {
        var views: [String: CaseView] = [:]
        for event in events {
            var view = views[event.caseId]
                ?? CaseView(caseId: event.caseId, thread: event.thread, openedAt: event.occurredAt, agent: event.agent)
            if event.type == .opened {
                view.openedAt = event.occurredAt
            }
            view.agent = view.agent ?? event.agent
            if event.alertId != nil {
                view.alerts += 1
            }
            if let channel = event.complaintChannel {
                view.complaints.append(channel)
            }
            views[event.caseId] = view
        }
        return views.values.sorted { ($0.openedAt.epochMilliseconds, $0.caseId) < ($1.openedAt.epochMilliseconds, $1.caseId) }
    }

    private static func channelName(_ channel: ComplaintChannel, _ context: OperatorContext) -> String {
        switch channel {
        case .platform: context.text("平台", "platform")
        case .hotline12315: "12315"
        case .marketRegulator: context.text("市场监管", "regulator")
        case .consumerAssociation: context.text("消协", "consumer assoc.")
        }
    }
}
