import Testing
import VigilContracts

/// The organisation, alerts, complaints, messages and commands the escalation tests feed.
///
/// Agent A-hf-b03 works in team T-hf-b at site hf of vendor V-1, under
/// supervisor S-hf-b, whose site manager is M-hf; B-1 is the brand manager.
enum EscalationFixtures {
    static let brandManager = RosterPerson(id: "B-1", name: "品牌经理周洁", role: .brandManager, reportsTo: nil,
                                           vendor: nil, site: nil, team: nil)
    static let manager = RosterPerson(id: "M-hf", name: "合肥经理", role: .manager, reportsTo: "B-1",
                                      vendor: "V-1", site: "hf", team: nil)
    static let supervisor = RosterPerson(id: "S-hf-b", name: "合肥B组主管", role: .supervisor, reportsTo: "M-hf",
                                         vendor: "V-1", site: "hf", team: "T-hf-b")
    static let agent = RosterPerson(id: "A-hf-b03", name: "小王", role: .agent, reportsTo: "S-hf-b",
                                    vendor: "V-1", site: "hf", team: "T-hf-b")
    static let roster = [brandManager, manager, supervisor, agent]

    static func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    static func alert(_ messageId: String, buyer: String = "buyer-1", shop: String = "shop-waimai",
                      terms: [String] = ["投诉"], severity: Severity = .high, action: AlertAction = .raised,
                      at raisedAt: String = "2026-11-11T08:01:51+08:00") throws -> Alert {
        Alert(eventId: "alert/message/hf/\(messageId)", kind: .keyword, category: .complaint, severity: severity,
              matchedTerms: terms, ruleVersion: "builtin-1", shop: shop, buyer: buyer, site: "hf",
              conversationId: "conv-\(buyer)", messageId: messageId, agent: "A-hf-b03", team: "T-hf-b",
              recipient: AlertRecipient(personId: "S-hf-b", name: "合肥B组主管", role: .supervisor),
              raisedAt: try time(raisedAt), snippet: "我要投诉", text: LocalizedText(chinese: "预警", english: "alert"),
              action: action)
    }

    static func complaint(_ complaintId: String, buyer: String = "buyer-1", shop: String = "shop-waimai",
                          channel: ComplaintChannel = .hotline12315, conversationId: String? = nil,
                          at filedAt: String = "2026-11-13T11:13:19+08:00") throws -> Complaint {
        Complaint(complaintId: complaintId, channel: channel, shop: shop, buyer: buyer,
                  conversationId: conversationId ?? "conv-\(buyer)", filedAt: try time(filedAt),
                  summary: "顾客就该会话涉及的问题提起投诉", synthetic: true)
    }

    static func message(_ messageId: String, buyer: String = "buyer-1", agent: String = "A-hf-b03",
                        at sentAt: String) throws -> ChatMessage {
        ChatMessage(messageId: messageId, site: "hf", shop: "shop-waimai", conversationId: "conv-\(buyer)",
                    buyer: buyer, agent: agent, role: .customer, text: "你好", sentAt: try time(sentAt))
    }

    static func command(_ action: CaseAction, caseId: String, actor: String = "S-hf-b", id: String,
                        at issuedAt: String, note: String? = nil, classification: CaseCause? = nil,
                        escalateTo: EscalationTarget? = nil) throws -> CaseCommand {
        CaseCommand(commandId: id, caseId: caseId, shop: "shop-waimai", buyer: "buyer-1", action: action,
                    actor: actor, issuedAt: try time(issuedAt), note: note, escalateTo: escalateTo,
                    classification: classification)
    }
}
