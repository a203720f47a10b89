import Foundation
import VigilContracts
@testable import Operator

/// Builders for the replay diff, backtest and report suites.
enum ReplayFixture {
    static let from = reportTime("2026-11-11T00:00:00+08:00")
    static let to = reportTime("2026-11-12T00:00:00+08:00")

    /// Makes a record whose value is `json` as written, spacing included.
    static func record(_ topic: String = "case.events", id: String, key: String? = "shop-1/buyer-1",
                       json: String, at time: String = "2026-11-11T09:00:00+08:00") -> ReplayRecord {
        ReplayRecord(topic: topic, key: key, eventId: id, value: Array(json.utf8), timestamp: reportTime(time))
    }

    /// Makes an alert event as alerting writes it, then lets `change` adjust its fields.
    static func alert(_ eventId: String, alertId: String? = nil, category: RiskCategory = .complaint,
                      severity: Severity = .high, terms: [String] = ["投诉"], ruleIds: [String] = ["complaint-1"],
                      ruleVersion: String = "v12", at time: String = "2026-11-11T09:00:00+08:00",
                      change: (inout Alert) -> Void = { _ in }) -> Alert {
        var alert = Alert(
            eventId: eventId, kind: .keyword, category: category, severity: severity, matchedTerms: terms,
            ruleVersion: ruleVersion, shop: "shop-1", buyer: "buyer-1", site: "hz", conversationId: "c-1",
            messageId: "m-1", agent: "A-1", team: "T-1",
            recipient: AlertRecipient(personId: "S-1", name: "王五", role: .supervisor), raisedAt: reportTime(time),
            snippet: "我要投诉", text: LocalizedText(chinese: "客户要投诉（\(ruleVersion)）", english: "complaint (\(ruleVersion))"),
            alertId: alertId ?? eventId, action: alertId == nil ? .raised : .repeated, notify: true, occurrences: 1,
            ruleIds: ruleIds, openedAt: reportTime(time))
        change(&alert)
        return alert
    }

    /// Encodes `alert` into an alerts record the way alerting does.
    static func record(_ alert: Alert) throws -> ReplayRecord {
        ReplayRecord(topic: "alerts", key: alert.recordKey, eventId: alert.eventId,
                     value: try EventCoding.encode(alert), timestamp: alert.raisedAt)
    }

    static func header(live: String? = nil, candidate: String? = nil) -> ReplayHeader {
        ReplayHeader(service: "alerting", from: from, to: to, liveRulesVersion: live, candidateRulesVersion: candidate,
                     liveWatermarks: 24, replayWatermarks: 24, inputRecords: ["chat.messages": 1200, "roster": 30],
                     inputWatermarks: ["chat.messages": 48])
    }
}
