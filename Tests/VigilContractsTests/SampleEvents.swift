import Foundation
import VigilContracts

/// One event of every type, all on the thread shop-demo-tmall/buyer-d002.
enum SampleEvents {
    static let shop = "shop-demo-tmall"
    static let buyer = "buyer-d002"

    static func timestamp(_ text: String) -> Timestamp {
        guard let timestamp = TimestampFormat.parse(text) else {
            preconditionFailure("invalid sample timestamp \(text)")
        }
        return timestamp
    }

    static func chatMessage() -> ChatMessage {
        ChatMessage(messageId: "demo-c02-3", site: "sh", shop: shop, conversationId: "demo-c02", buyer: buyer,
                    agent: "A-sh-a01", role: .customer, text: "再不处理我就去 12315 投诉",
                    sentAt: timestamp("2026-11-11T09:10:05.250+08:00"))
    }

    static func rosterPerson() -> RosterPerson {
        RosterPerson(id: "S-sh-a", name: "上海A组主管 王芳", role: .supervisor, reportsTo: "M-sh",
                     vendor: "V-DEMO", site: "sh", team: "T-sh-a")
    }

    static func complaint() -> Complaint {
        Complaint(complaintId: "DC-0001", channel: .hotline12315, shop: shop, buyer: buyer,
                  conversationId: "demo-c07", filedAt: timestamp("2026-11-12T10:20:00+08:00"),
                  summary: "奶粉罐体变形", synthetic: true)
    }

    static func order(amount: Decimal = Decimal(string: "1245.15")!) -> Order {
        Order(orderId: "DO-1002", shop: shop, buyer: buyer, conversationId: "demo-c02", agent: "A-sh-a01",
              amount: amount, currency: "CNY", campaign: "2026-double11",
              paidAt: timestamp("2026-11-11T10:48:00+08:00"), synthetic: nil)
    }

    static func alert() -> Alert {
        Alert(eventId: "alert/message/sh/demo-c02-3", kind: .keyword, category: .regulator, severity: .critical,
              matchedTerms: ["12315", "投诉"], ruleVersion: "2026.11.1", shop: shop, buyer: buyer, site: "sh",
              conversationId: "demo-c02", messageId: "demo-c02-3", agent: "A-sh-a01", team: "T-sh-a",
              recipient: AlertRecipient(personId: "S-sh-a", name: "上海A组主管 王芳", role: .supervisor),
              raisedAt: timestamp("2026-11-11T09:10:05.250+08:00"), snippet: "我就去 12315 投诉",
              text: LocalizedText(chinese: "顾客提到 12315", english: "The customer mentioned 12315"),
              alertId: "alert/regulator/message/sh/demo-c02-1", action: .escalated, notify: true, occurrences: 2,
              ruleIds: ["regulator-hotline", "complaint-report"],
              evidence: [AlertEvidence(ruleId: "regulator-hotline", term: "12315", original: "１２３１５",
                                       normalized: "12315", start: 4, end: 9)],
              context: [AlertContextMessage(messageId: "demo-c02-3", role: .customer,
                                            sentAt: timestamp("2026-11-11T09:10:05.250+08:00"),
                                            text: "我就去 １２３１５ 投诉")],
              inhibitedBy: "alert/regulator/message/sh/demo-c02-0", openedAt: timestamp("2026-11-11T09:08:00+08:00"),
              replyLimitSeconds: 180, waitedSeconds: 200)
    }

    static func caseEvent() -> CaseEvent {
        let thread = ThreadKey(shop: shop, buyer: buyer)
        return CaseEvent(eventId: "case-event/opened/alert/message/sh/demo-c02-3", caseId: CaseEvent.caseId(for: thread),
                         type: .opened, shop: shop, buyer: buyer, conversationId: "demo-c02", agent: "A-sh-a01",
                         alertId: "alert/message/sh/demo-c02-3", complaintId: nil, complaintChannel: nil,
                         occurredAt: timestamp("2026-11-11T09:10:05.250+08:00"),
                         text: LocalizedText(chinese: "案件已创建", english: "Case opened"))
    }

    static func score() -> Score {
        Score(subject: ScoreSubject(kind: .agent, id: "A-sh-a01"), period: ScorePeriod(kind: .day, start: "2026-11-11"),
              figures: ScoreFigures(conversations: 12, firstResponses: 10, firstResponseSecondsTotal: 305,
                                    alerts: 1, cases: 1, complaints: 0),
              asOf: timestamp("2026-11-11T23:59:00-05:30"))
    }

    static func scoringFact() -> ScoringFact {
        ScoringFact(subject: ScoreSubject(kind: .agent, id: "A-sh-a01"), factId: "conversation/shop-demo-tmall/demo-c02",
                    revision: 1, kind: .conversation, time: timestamp("2026-11-11T09:02:00+08:00"),
                    attribution: FactAttribution(shop: "shop-demo-tmall", site: "sh", vendor: "V-DEMO", team: "T-sh-a",
                                                 agent: "A-sh-a01"),
                    conversation: ConversationFact(lastMessageAt: timestamp("2026-11-11T09:20:00+08:00"),
                                                   responseSeconds: [12, 200], unansweredRounds: 1,
                                                   convertingOrder: "DO-1001"))
    }

    static func deadLetterFromTopic() -> DeadLetter {
        DeadLetter(service: "vigil-alerting",
                   source: DeadLetterSource(topic: "vigil.chat.messages", partition: 3, offset: 42),
                   key: "\(shop)/\(buyer)", reasonCode: .unsupportedSchema,
                   reason: "chat-message schema version 2 is newer than the supported version 1",
                   payload: Array(#"{"schemaVersion":2}"#.utf8), recordedAt: timestamp("2026-11-11T09:10:06Z"))
    }

    static func deadLetterFromFile() -> DeadLetter {
        DeadLetter(service: "vigil-ingest", source: DeadLetterSource(file: "samples/chats-malformed.ndjson", line: 2),
                   key: nil, reasonCode: .invalidField, reason: "missing field \"sentAt\"",
                   payload: Array("{\"messageId\":\"demo-bad-2\"}\u{FFFD}".utf8), recordedAt: timestamp("2026-11-11T12:00:00+08:00"))
    }

    static func ruleSetRelease() -> RuleSetRelease {
        RuleSetRelease(version: "2026.12.2", rules: #"{"version": "2026.12.2", "rules": []}"#, ruleCount: 0,
                       publishedAt: timestamp("2026-12-05T10:00:00+08:00"), publishedBy: "B-001")
    }

    static func caseCommand() -> CaseCommand {
        CaseCommand(commandId: "cmd-7", caseId: CaseEvent.caseId(for: ThreadKey(shop: shop, buyer: buyer)), shop: shop,
                    buyer: buyer, action: .assign, actor: "S-sh-a", issuedAt: timestamp("2026-11-11T09:12:00+08:00"),
                    assignee: "A-sh-a02")
    }

    static func watermark() -> Watermark {
        Watermark(source: "vigil-ingest/hz", topic: "vigil.chat.messages", partition: 7,
              time: timestamp("2026-11-11T09:15:00.500+08:00"))
    }
}
