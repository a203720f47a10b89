import Foundation
import Testing
import VigilContracts

/// Two encoded samples of one event type: one with every optional field set
/// and one with every optional field nil.
struct SchemaSample: Sendable, CustomTestStringConvertible {
    var schemaName: String
    var full: [UInt8]
    var minimal: [UInt8]

    var testDescription: String { schemaName }

    init<Event: SchemaPublishing>(full: Event, minimal: Event) {
        schemaName = Event.schemaName
        // JSONEncoder fails only on non-finite floating-point values, which no sample holds.
        self.full = (try? EventCoding.encode(full)) ?? []
        self.minimal = (try? EventCoding.encode(minimal)) ?? []
    }

    /// One sample pair per published schema.
    static let all: [SchemaSample] = [
        SchemaSample(full: SampleEvents.chatMessage(), minimal: SampleEvents.chatMessage()),
        SchemaSample(full: SampleEvents.rosterPerson(),
                     minimal: RosterPerson(id: "B-001", name: "周敏", role: .brandManager, reportsTo: nil,
                                           vendor: nil, site: nil, team: nil)),
        SchemaSample(full: SampleEvents.complaint(),
                     minimal: Complaint(complaintId: "DC-0003", channel: .platform, shop: "s", buyer: "b",
                                        conversationId: nil, filedAt: SampleEvents.timestamp("2026-11-13T09:00:00Z"),
                                        summary: "x", synthetic: nil)),
        SchemaSample(full: fullOrder(),
                     minimal: Order(orderId: "O-1", shop: "s", buyer: "b", conversationId: nil, agent: nil,
                                    amount: 399, currency: "CNY", campaign: nil,
                                    paidAt: SampleEvents.timestamp("2026-11-11T10:48:00+08:00"), synthetic: nil)),
        SchemaSample(full: SampleEvents.ruleSetRelease(),
                     minimal: RuleSetRelease(version: "1", rules: "{}", ruleCount: 0,
                                             publishedAt: SampleEvents.timestamp("2026-11-01T10:00:00Z"))),
        SchemaSample(full: SampleEvents.alert(), minimal: minimalAlert()),
        SchemaSample(full: fullCaseEvent(), minimal: minimalCaseEvent()),
        SchemaSample(full: fullCaseCommand(), minimal: minimalCaseCommand()),
        SchemaSample(full: fullScoringFact(), minimal: minimalScoringFact()),
        SchemaSample(full: fullScore(), minimal: SampleEvents.score()),
        SchemaSample(full: fullDeadLetter(), minimal: minimalDeadLetter()),
        SchemaSample(full: SampleEvents.watermark(), minimal: SampleEvents.watermark()),
    ]

    private static func fullOrder() -> Order {
        var order = SampleEvents.order()
        order.synthetic = true
        return order
    }

    private static func minimalAlert() -> Alert {
        var alert = SampleEvents.alert()
        alert.team = nil
        alert.recipient = nil
        return alert
    }

    private static func fullCaseEvent() -> CaseEvent {
        var event = SampleEvents.caseEvent()
        event.complaintId = "complaint/DC-0001"
        event.complaintChannel = .marketRegulator
        event.team = "T-sh-a"
        event.site = "sh"
        event.vendor = "V-1"
        event.state = .escalatedRegulator
        event.severity = .critical
        event.actor = "M-sh"
        event.commandId = "cmd-9"
        event.action = .classify
        event.recipient = AlertRecipient(personId: "M-sh", name: "上海项目经理", role: .manager)
        event.notify = true
        event.assignee = "S-sh-a"
        event.deadline = .rectification
        event.dueAt = SampleEvents.timestamp("2026-11-18T10:20:00+08:00")
        event.chainStep = 1
        event.acknowledgedAt = SampleEvents.timestamp("2026-11-11T09:15:00+08:00")
        event.escalateTo = .regulator
        event.cause = .slowResponse
        event.responsibilities = [CaseResponsibility(personId: "A-sh-a01", name: "上海A组客服01", role: .agent,
                                                     level: .primary)]
        event.review = CaseReview(summary: "回复慢", steps: ["顾客催促三次"], trainingActions: ["时效培训"])
        event.rectification = .required
        event.plan = "培训"
        return event
    }

    private static func minimalCaseEvent() -> CaseEvent {
        var event = SampleEvents.caseEvent()
        event.conversationId = nil
        event.agent = nil
        event.alertId = nil
        return event
    }

    private static func fullCaseCommand() -> CaseCommand {
        var command = SampleEvents.caseCommand()
        command.note = "转给小吴"
        command.escalateTo = .platform
        command.classification = .processNotFollowed
        command.plan = "培训"
        command.dueAt = SampleEvents.timestamp("2026-11-20T18:00:00+08:00")
        command.steps = ["顾客 09:10 提到 12315"]
        command.trainingActions = ["投诉处理流程培训"]
        return command
    }

    private static func minimalCaseCommand() -> CaseCommand {
        var command = SampleEvents.caseCommand()
        command.action = .ack
        command.assignee = nil
        return command
    }

    /// Returns a fact with every payload at once, which the facts stage never
    /// writes, so that one sample covers every declared property.
    private static func fullScoringFact() -> ScoringFact {
        var fact = SampleEvents.scoringFact()
        fact.alert = AlertFact(kind: .keyword, category: .regulator)
        fact.caseFact = CaseFact(severity: .critical, acknowledgeSeconds: 300, escalated: true, reachedRegulator: true,
                                 cause: .slowResponse,
                                 responsibilities: [CaseResponsibility(personId: "A-sh-a01", name: "上海A组客服01",
                                                                       role: .agent, level: .primary)],
                                 rectification: .accepted, rectificationOnTime: true)
        fact.complaint = ComplaintFact(channel: .hotline12315)
        fact.order = OrderFact(orderId: "DO-1002", amount: Decimal(string: "1299.5") ?? 0, currency: "CNY",
                               campaign: "2026-double11")
        return fact
    }

    /// Returns a retraction: no payload, and an attribution with the shop only.
    private static func minimalScoringFact() -> ScoringFact {
        ScoringFact(subject: ScoreSubject(kind: .shop, id: "shop-demo-tmall"), factId: "complaint/complaint/DC-0003",
                    revision: 2, kind: .complaint, retracted: true,
                    time: SampleEvents.timestamp("2026-11-13T09:00:00Z"),
                    attribution: FactAttribution(shop: "shop-demo-tmall", site: nil, vendor: nil, team: nil, agent: nil))
    }

    private static func fullScore() -> Score {
        var figures = SampleEvents.score().figures
        figures.firstResponseMedianSeconds = 25
        figures.firstResponseP90Seconds = 60
        figures.responseMedianSeconds = 30.5
        figures.responseP90Seconds = 120
        figures.acknowledgeMedianSeconds = 600
        figures.alertsByCategory = ["regulator": 1]
        let scorecard = ScorecardResult(
            version: "test-1", total: 0, zeroedBy: ["regulator-human-cause"],
            items: [ScoreItemResult(id: "first-response", measure: "firstResponseMedianSeconds", value: 25, weight: 20,
                                    points: 20, contribution: 100)],
            critical: [CriticalItemResult(id: "regulator-human-cause", measure: "regulatorHumanCauseCases", value: 1,
                                          maximum: 0, failed: true)])
        let standing = CampaignStanding(
            campaign: "2026-double11", teamSales: 598, target: 300, targetMet: true, rewardTopN: 1,
            leaderboard: [
                LeaderboardEntry(rank: 1, agent: "A-sh-a01", orders: 1, sales: 399, rewarded: false,
                                 failedCritical: ["regulator-human-cause"]),
                LeaderboardEntry(rank: 2, agent: "A-sh-a02", orders: 1, sales: 199, rewarded: true),
            ])
        return Score(subject: ScoreSubject(kind: .team, id: "T-sh-a"),
                     period: ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: "2026-double11"),
                     figures: figures, scorecard: scorecard, campaign: standing,
                     asOf: SampleEvents.timestamp("2026-11-11T23:59:00+08:00"))
    }

    private static func fullDeadLetter() -> DeadLetter {
        var letter = SampleEvents.deadLetterFromTopic()
        letter.source.file = "-"
        letter.source.line = 3
        letter.source.eventId = "alert/message/sh/demo-c02-3"
        return letter
    }

    private static func minimalDeadLetter() -> DeadLetter {
        var letter = SampleEvents.deadLetterFromFile()
        letter.source.file = nil
        letter.source.line = nil
        return letter
    }
}
