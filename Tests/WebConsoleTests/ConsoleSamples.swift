import VigilContracts
import VigilRuntime
import WebConsole

/// The organisation, alerts, cases and scores the console tests show: two
/// vendors, 百星 (V-BAIXING, site hz) and 华宇 (V-HUAYU, site cd).
enum ConsoleSamples {
    // MARK: - People

    static let brandManager = RosterPerson(id: "B-001", name: "品牌客服经理", role: .brandManager, reportsTo: nil,
                                           vendor: nil, site: nil, team: nil)
    static let baixingManager = RosterPerson(id: "M-hz", name: "杭州项目经理", role: .manager, reportsTo: "B-001",
                                             vendor: "V-BAIXING", site: "hz", team: nil)
    static let huayuManager = RosterPerson(id: "M-cd", name: "成都项目经理", role: .manager, reportsTo: "B-001",
                                           vendor: "V-HUAYU", site: "cd", team: nil)
    static let baixingAgent = RosterPerson(id: "A-hz-a01", name: "杭州A组客服01", role: .agent, reportsTo: "S-hz-a",
                                           vendor: "V-BAIXING", site: "hz", team: "T-hz-a")
    static let huayuAgent = RosterPerson(id: "A-cd-a01", name: "成都A组客服01", role: .agent, reportsTo: "S-cd-a",
                                         vendor: "V-HUAYU", site: "cd", team: "T-cd-a")
    static let people = [brandManager, baixingManager, huayuManager, baixingAgent, huayuAgent]

    // MARK: - Tokens

    static let brandToken = "brand-token-0123456789abcdef"
    static let baixingToken = "baixing-token-0123456789abcdef"
    static let huayuToken = "huayu-token-0123456789abcdef"
    /// The token of a person the roster does not list.
    static let departedToken = "departed-token-0123456789abcdef"

    static func tokens() throws -> ConsoleTokens {
        try ConsoleTokens(entries: [
            .init(person: brandManager.id, sha256: SHA256.hex(brandToken)),
            .init(person: baixingManager.id, sha256: SHA256.hex(baixingToken)),
            .init(person: huayuManager.id, sha256: SHA256.hex(huayuToken)),
            .init(person: "M-gone", sha256: SHA256.hex(departedToken)),
        ])
    }

    // MARK: - Times

    /// Returns 2026-11-11 at "HH:MM" (+08:00), or another day with `day`.
    static func time(_ clock: String, day: String = "2026-11-11") -> Timestamp {
        TimestampFormat.parse("\(day)T\(clock):00+08:00")!
    }

    // MARK: - Alerts

    static let baixingThread = ThreadKey(shop: "shop-tm-1", buyer: "buyer-1001")
    static let huayuThread = ThreadKey(shop: "shop-jd-3c", buyer: "buyer-2002")

    static func alert(sequence: Int64, agent: RosterPerson, thread: ThreadKey, snippet: String,
                      at clock: String, severity: Severity = .high) -> ConsoleAlert {
        let alert = Alert(eventId: "alert/complaint/\(sequence)", kind: .keyword, category: .complaint, severity: severity,
                          matchedTerms: ["投诉"], ruleVersion: "2026.11", shop: thread.shop, buyer: thread.buyer,
                          site: agent.site ?? "-", conversationId: "conv-\(sequence)", messageId: "m-\(sequence)",
                          agent: agent.id, team: agent.team,
                          recipient: AlertRecipient(personId: "S-1", name: "值班主管", role: .supervisor),
                          raisedAt: time(clock), snippet: snippet,
                          text: LocalizedText(chinese: "高危预警", english: "High-risk alert"), alertId: "alert/complaint/\(sequence)",
                          action: .raised, notify: true)
        return ConsoleAlert(sequence: sequence, alert: alert, vendor: agent.vendor)
    }

    static let alerts = [
        alert(sequence: 1, agent: baixingAgent, thread: baixingThread, snippet: "我要投诉你们 <script>alert(1)</script>",
              at: "09:00"),
        alert(sequence: 2, agent: huayuAgent, thread: huayuThread, snippet: "再不处理就打12315", at: "09:05",
              severity: .critical),
    ]

    // MARK: - Cases

    static let baixingCaseId = CaseEvent.caseId(for: baixingThread)
    static let huayuCaseId = CaseEvent.caseId(for: huayuThread)
    static let regulatorThread = ThreadKey(shop: "shop-tm-1", buyer: "buyer-3003")
    static let regulatorCaseId = CaseEvent.caseId(for: regulatorThread)

    /// Returns a case entry with the scope every entry carries.
    static func entry(_ type: CaseEventType, thread: ThreadKey, agent: RosterPerson, at clock: String, state: CaseState,
                      text chinese: String, _ english: String,
                      _ configure: (inout CaseEvent) -> Void = { _ in }) -> CaseEvent {
        var event = CaseEvent(eventId: "case/\(CaseEvent.caseId(for: thread))/\(type.rawValue)/\(clock)",
                              caseId: CaseEvent.caseId(for: thread), type: type, shop: thread.shop, buyer: thread.buyer,
                              conversationId: "conv-\(thread.buyer)", agent: agent.id, alertId: nil, complaintId: nil,
                              complaintChannel: nil, occurredAt: time(clock),
                              text: LocalizedText(chinese: chinese, english: english))
        event.team = agent.team
        event.site = agent.site
        event.vendor = agent.vendor
        event.state = state
        event.severity = .high
        configure(&event)
        return event
    }

    static let events: [CaseEvent] = [
        entry(.opened, thread: baixingThread, agent: baixingAgent, at: "09:00", state: .open,
              text: "预警立案：顾客要投诉", "Opened by an alert: the customer threatens a complaint") {
            $0.alertId = "alert/complaint/1"
            $0.deadline = .acknowledge
            $0.dueAt = time("09:30")
        },
        // An older escalation wrote notes unmasked; the page must mask the number.
        entry(.noted, thread: baixingThread, agent: baixingAgent, at: "09:10", state: .open,
              text: "备注：顾客留了电话 13812345678，已回电", "Note: the customer left 13812345678, called back") {
            $0.actor = "S-hz-a"
        },
        entry(.opened, thread: huayuThread, agent: huayuAgent, at: "09:05", state: .open,
              text: "预警立案：顾客要打 12315", "Opened by an alert: the customer threatens 12315") {
            $0.alertId = "alert/complaint/2"
            $0.severity = .critical
            $0.deadline = .acknowledge
            $0.dueAt = time("09:20")
        },
        entry(.opened, thread: regulatorThread, agent: baixingAgent, at: "08:00", state: .open,
              text: "投诉立案", "Opened by a complaint"),
        entry(.classified, thread: regulatorThread, agent: baixingAgent, at: "08:40", state: .escalatedRegulator,
              text: "判定原因：回复太慢", "Classified: slow response") {
            $0.cause = .slowResponse
            $0.responsibilities = [CaseResponsibility(personId: "A-hz-a01", name: "杭州A组客服01", role: .agent, level: .primary)]
            $0.rectification = .required
            $0.deadline = .rectification
            $0.dueAt = time("18:00", day: "2026-11-18")
        },
        entry(.planSubmitted, thread: regulatorThread, agent: baixingAgent, at: "08:50", state: .escalatedRegulator,
              text: "提交整改方案", "Plan submitted") {
            $0.rectification = .submitted
            $0.plan = "全组回复时效培训，主管每日抽检"
        },
    ]

    // MARK: - Scores

    static func score(_ kind: ScoreSubjectKind, _ id: String, vendor: String?, name: String, day: String,
                      total: Double, conversations: Int) -> ConsoleScoreRow {
        let items = [
            ScoreItemResult(id: "first-response", measure: "firstResponseMedianSeconds", value: 25, weight: 60,
                            points: total * 0.6, contribution: total * 0.6),
            ScoreItemResult(id: "replies-in-time", measure: "repliesWithinLimitShare", value: 0.9, weight: 40,
                            points: total * 0.4, contribution: total * 0.4),
        ]
        let critical = [CriticalItemResult(id: "no-regulator", measure: "regulatorComplaints", value: 0, maximum: 0,
                                           failed: false)]
        let score = Score(subject: ScoreSubject(kind: kind, id: id), period: ScorePeriod(kind: .day, start: day),
                          figures: ScoreFigures(conversations: conversations),
                          scorecard: ScorecardResult(version: "2026.1", total: total, zeroedBy: [], items: items,
                                                     critical: critical),
                          asOf: time("23:00", day: day))
        return ConsoleScoreRow(score: score, vendor: vendor, name: name)
    }

    static let scores: [ConsoleScoreRow] = ["2026-11-10", "2026-11-11"].flatMap { day in
        [
            score(.vendor, "V-BAIXING", vendor: "V-BAIXING", name: "V-BAIXING", day: day, total: 86.5, conversations: 120),
            score(.vendor, "V-HUAYU", vendor: "V-HUAYU", name: "V-HUAYU", day: day, total: 72.25, conversations: 80),
            score(.agent, "A-hz-a01", vendor: "V-BAIXING", name: "杭州A组客服01", day: day, total: 91, conversations: 30),
            score(.agent, "A-cd-a01", vendor: "V-HUAYU", name: "成都A组客服01", day: day, total: 64, conversations: 20),
        ]
    }

    static func pageData() -> ConsolePageData {
        ConsolePageData(alerts: alerts, events: events, people: people, scores: scores)
    }
}
