import Foundation
import VigilContracts

/// Events for the console's tests: two vendors, V-A at site hz and V-B at site sh, and the brand manager.
enum ConsoleFixtures {
    // MARK: - Time

    /// Parses an ISO 8601 time with an offset; the fixtures are valid by construction.
    static func time(_ text: String) -> Timestamp {
        guard let time = TimestampFormat.parse(text) else {
            preconditionFailure("invalid fixture time \(text)")
        }
        return time
    }

    /// Minutes after 2026-11-11T09:00:00+08:00.
    static func minute(_ minutes: Int) -> Timestamp {
        let start = time("2026-11-11T09:00:00+08:00")
        return Timestamp(epochMilliseconds: start.epochMilliseconds + Int64(minutes) * 60_000,
                         utcOffsetSeconds: start.utcOffsetSeconds)
    }

    // MARK: - Roster

    static let roster: [RosterPerson] = [
        RosterPerson(id: "M-brand", name: "品牌经理", role: .brandManager, reportsTo: nil,
                     vendor: nil, site: nil, team: nil),
        RosterPerson(id: "S-a", name: "主管甲", role: .supervisor, reportsTo: "M-brand",
                     vendor: "V-A", site: "hz", team: "T-a"),
        RosterPerson(id: "A-a1", name: "客服甲一", role: .agent, reportsTo: "S-a",
                     vendor: "V-A", site: "hz", team: "T-a"),
        RosterPerson(id: "S-b", name: "主管乙", role: .supervisor, reportsTo: "M-brand",
                     vendor: "V-B", site: "sh", team: "T-b"),
        RosterPerson(id: "A-b1", name: "客服乙一", role: .agent, reportsTo: "S-b",
                     vendor: "V-B", site: "sh", team: "T-b"),
    ]

    // MARK: - Alerts

    static func alert(_ id: String, agent: String, site: String, buyer: String = "buyer-1",
                      at time: Timestamp = minute(0), snippet: String = "我要打12315投诉") -> Alert {
        Alert(eventId: id, kind: .keyword, category: .regulator, severity: .critical, matchedTerms: ["12315"],
              ruleVersion: "test-1", shop: "shop-tmall", buyer: buyer, site: site, conversationId: "conv-\(buyer)",
              messageId: "m-\(id)", agent: agent, team: nil, recipient: nil, raisedAt: time, snippet: snippet,
              text: LocalizedText(chinese: "监管投诉风险：\(snippet)", english: "Regulator risk: \(snippet)"),
              alertId: id, action: .raised, notify: true)
    }

    // MARK: - Case events

    /// Returns an entry of case `caseId` (thread shop-tmall/`caseId`) with the case's vendor and state after it.
    static func caseEvent(_ caseId: String, _ type: CaseEventType, number: Int = 1, vendor: String?,
                          state: CaseState, at time: Timestamp, text: String = "立案") -> CaseEvent {
        var event = CaseEvent(eventId: "case/\(caseId)/\(type.rawValue)/\(number)", caseId: caseId, type: type,
                              shop: "shop-tmall", buyer: caseId, conversationId: "conv-\(caseId)", agent: nil,
                              alertId: nil, complaintId: nil, complaintChannel: nil, occurredAt: time,
                              text: LocalizedText(chinese: text, english: text))
        event.vendor = vendor
        event.state = state
        event.severity = .high
        return event
    }

    /// Returns an opening entry whose acknowledge deadline falls at `dueAt`, or without a deadline.
    static func opened(_ caseId: String, vendor: String?, at time: Timestamp, dueAt: Timestamp?) -> CaseEvent {
        var event = caseEvent(caseId, .opened, vendor: vendor, state: .open, at: time)
        if let dueAt {
            event.deadline = .acknowledge
            event.dueAt = dueAt
        }
        return event
    }

    // MARK: - Scores

    static func score(_ kind: ScoreSubjectKind, _ id: String, day: String, total: Double?) -> Score {
        score(kind, id, period: ScorePeriod(kind: .day, start: day), total: total)
    }

    static func score(_ kind: ScoreSubjectKind, _ id: String, period: ScorePeriod, total: Double?) -> Score {
        let result = total.map {
            ScorecardResult(version: "card-1", total: $0, zeroedBy: [], items: [], critical: [])
        }
        return Score(subject: ScoreSubject(kind: kind, id: id), period: period,
                     figures: ScoreFigures(conversations: 1), scorecard: result,
                     asOf: time("\(period.start)T20:00:00+08:00"))
    }
}
