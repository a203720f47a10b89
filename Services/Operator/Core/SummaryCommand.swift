import VigilContracts
import VigilRuntime

/// `vigil summary`: how many messages, alerts, cases and agents the topics hold.
enum SummaryCommand: Subcommand {
    static let name = "summary"
    static let summary = LocalizedText(chinese: "统计各主题中的消息、预警、回复不及时、案件、客服、投诉、订单和死信数",
                                       english: "count the messages, alerts, reply timeouts, cases, agents, complaints, orders and dead letters on the topics")
    static let options: [OptionSpec] = []

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        print(try text(context: context))
        return 0
    }

    /// Counts what the topics hold and returns the summary line. Agents are
    /// the distinct agents with a score of any period on the scores topic.
    static func text(context: OperatorContext) throws -> String {
        let scanner = context.scanner
        let catalogue = context.catalogue
        let messages = try scanner.distinctEventCount(of: catalogue.chatMessages)
        let alertEvents = try scanner.events(Alert.self, of: catalogue.alerts).events
        let alerts = Set(alertEvents.filter { $0.kind == .keyword }.map(\.id)).count
        let replyTimeouts = Set(alertEvents.filter { $0.kind == .replyTimeout }.map(\.id)).count
        let cases = Set(try scanner.events(CaseEvent.self, of: catalogue.caseEvents).events.map(\.caseId)).count
        let scores = try ScoreTopicSnapshot.read(context: context).scores
        let agents = Set(scores.filter { $0.subject.kind == .agent }.map(\.subject.id)).count
        let complaints = try scanner.distinctEventCount(of: catalogue.complaints)
        let orders = try scanner.distinctEventCount(of: catalogue.orders)
        let deadLetters = try scanner.distinctEventCount(of: catalogue.deadLetters)

        return context.text(
            "消息 \(messages) 条，预警 \(alerts) 个，回复不及时 \(replyTimeouts) 次，案件 \(cases) 个，客服 \(agents) 名，投诉 \(complaints) 件，订单 \(orders) 笔，死信 \(deadLetters) 条",
            "\(messages) messages, \(alerts) alerts, \(replyTimeouts) reply timeouts, \(cases) cases, \(agents) agents, \(complaints) complaints, \(orders) orders, \(deadLetters) dead letters")
    }
}
