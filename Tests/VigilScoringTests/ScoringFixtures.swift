import Foundation
import Testing
import VigilContracts
@testable import VigilScoring

/// Facts, times and scorecards shared by the VigilScoring suites.
enum ScoringFixtures {
    static let agent = ScoreSubject(kind: .agent, id: "A-1")
    static let team = ScoreSubject(kind: .team, id: "T-a")
    static let factTime = Timestamp(epochMilliseconds: 1_794_384_000_000, utcOffsetSeconds: 8 * 3600)

    /// Parses an ISO 8601 time, failing the test when it is invalid.
    static func time(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Timestamp {
        try #require(TimestampFormat.parse(text), "invalid test time \(text)", sourceLocation: sourceLocation)
    }

    static func attribution(agent: String? = "A-1", team: String? = "T-a") -> FactAttribution {
        FactAttribution(shop: "shop-1", site: "hz", vendor: "V-1", team: team, agent: agent)
    }

    static func conversation(_ id: String, waits: [Int], unanswered: Int = 0, converting: String? = nil,
                             subject: ScoreSubject = agent, revision: Int = 1,
                             retracted: Bool = false) -> ScoringFact {
        ScoringFact(subject: subject, factId: "conversation/shop-1/\(id)", revision: revision, kind: .conversation,
                    retracted: retracted, time: factTime, attribution: attribution(),
                    conversation: retracted ? nil : ConversationFact(
                        lastMessageAt: factTime, responseSeconds: waits, unansweredRounds: unanswered,
                        convertingOrder: converting))
    }

    static func alert(_ id: String, kind: AlertKind, category: RiskCategory,
                      subject: ScoreSubject = agent) -> ScoringFact {
        ScoringFact(subject: subject, factId: "alert/\(id)", revision: 1, kind: .alert, time: factTime,
                    attribution: attribution(), alert: AlertFact(kind: kind, category: category))
    }

    static func caseFact(_ id: String, acknowledgeSeconds: Int?, escalated: Bool = false,
                         reachedRegulator: Bool = false, cause: CaseCause? = nil,
                         responsibilities: [(String, ResponsibilityLevel)] = [],
                         rectification: RectificationStatus? = nil, onTime: Bool = false,
                         subject: ScoreSubject = agent, agent: String? = "A-1",
                         time: Timestamp = factTime) -> ScoringFact {
        let named = responsibilities.map { person, level in
            CaseResponsibility(personId: person, name: person, role: level == .primary ? .agent : .supervisor,
                               level: level)
        }
        return ScoringFact(
            subject: subject, factId: "case/\(id)", revision: 1, kind: .case, time: time,
            attribution: attribution(agent: agent),
            caseFact: CaseFact(severity: .high, acknowledgeSeconds: acknowledgeSeconds, escalated: escalated,
                               reachedRegulator: reachedRegulator, cause: cause, responsibilities: named,
                               rectification: rectification, rectificationOnTime: onTime))
    }

    static func complaint(_ id: String, channel: ComplaintChannel, subject: ScoreSubject = agent) -> ScoringFact {
        ScoringFact(subject: subject, factId: "complaint/\(id)", revision: 1, kind: .complaint, time: factTime,
                    attribution: attribution(), complaint: ComplaintFact(channel: channel))
    }

    static func order(_ id: String, amount: Decimal, agent: String? = "A-1", time: Timestamp = factTime,
                      subject: ScoreSubject = team, revision: Int = 1, retracted: Bool = false) -> ScoringFact {
        ScoringFact(subject: subject, factId: "order/shop-1/\(id)", revision: revision, kind: .order,
                    retracted: retracted, time: time, attribution: attribution(agent: agent),
                    order: retracted ? nil : OrderFact(orderId: id, amount: amount, currency: "CNY",
                                                       campaign: nil))
    }

    /// Builds a scorecard with the given items and critical items and the default limits.
    static func scorecard(items: [ScorecardItem], critical: [CriticalItem] = [],
                          responseCapSeconds: Int = 600) -> Scorecard {
        Scorecard(version: "test-1", zoneOffsetSeconds: 8 * 3600, responseCapSeconds: responseCapSeconds,
                  replyLimitSeconds: 180, conversionHours: 24, items: items, criticalItems: critical, campaigns: [])
    }

    static func name(_ id: String) -> LocalizedText {
        LocalizedText(chinese: "项目\(id)", english: "Item \(id)")
    }
}
