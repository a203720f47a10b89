import Foundation
import Testing
import VigilContracts

/// Inputs for the facts-stage tests: a small roster and builders for every input topic.
enum ScoringFixtures {
    static let shop = "shop-jd-3c"

    /// Two teams of two vendors at two sites, with their supervisors.
    static let roster = [
        RosterPerson(id: "A-hz-a01", name: "王芳", role: .agent, reportsTo: "S-hz-a", vendor: "V-BAIXING",
                     site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hz-a02", name: "李静", role: .agent, reportsTo: "S-hz-a", vendor: "V-BAIXING",
                     site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hf-b03", name: "张伟", role: .agent, reportsTo: "S-hf-b", vendor: "V-HUAFENG",
                     site: "hf", team: "T-hf-b"),
        RosterPerson(id: "S-hz-a", name: "赵敏", role: .supervisor, reportsTo: "M-hz", vendor: "V-BAIXING",
                     site: "hz", team: "T-hz-a"),
        RosterPerson(id: "S-hf-b", name: "周杰", role: .supervisor, reportsTo: "M-hf", vendor: "V-HUAFENG",
                     site: "hf", team: "T-hf-b"),
    ]

    /// Returns the subject keys of a fact about `agent` of the roster above, at ``shop``.
    static func subjects(of agent: String) -> [String] {
        guard let person = roster.first(where: { $0.id == agent }),
              let team = person.team, let vendor = person.vendor, let site = person.site
        else { return ["agent/\(agent)", "shop/\(shop)"] }
        return ["agent/\(agent)", "shop/\(shop)", "site/\(site)", "team/\(team)", "vendor/\(vendor)"].sorted()
    }

    static func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    // MARK: - Inputs

    static func message(_ messageId: String, _ role: ChatRole, at sentAt: String, conversation: String = "c-1",
                        agent: String = "A-hz-a01", buyer: String = "buyer-1", site: String = "hz") throws -> ChatMessage {
        ChatMessage(messageId: messageId, site: site, shop: shop, conversationId: conversation, buyer: buyer,
                    agent: agent, role: role, text: "您好", sentAt: try time(sentAt))
    }

    static func alert(_ eventId: String, _ kind: AlertKind = .keyword, category: RiskCategory = .complaint,
                      action: AlertAction? = nil, at raisedAt: String, agent: String = "A-hz-a01",
                      buyer: String = "buyer-1") throws -> Alert {
        Alert(eventId: eventId, kind: kind, category: category, severity: .high, matchedTerms: ["投诉"],
              ruleVersion: "builtin-1", shop: shop, buyer: buyer, site: "hz", conversationId: "c-1",
              messageId: "m-1", agent: agent, team: nil, recipient: nil, raisedAt: try time(raisedAt),
              snippet: "我要投诉", text: LocalizedText(chinese: "预警", english: "alert"), action: action)
    }

    static func caseEntry(_ type: CaseEventType, caseId: String = "case-1", id: String? = nil, at occurredAt: String,
                          agent: String? = "A-hz-a01", buyer: String = "buyer-1",
                          change: (inout CaseEvent) -> Void = { _ in }) throws -> CaseEvent {
        var entry = CaseEvent(
            eventId: id ?? "case/\(caseId)/\(type.rawValue)", caseId: caseId, type: type, shop: shop, buyer: buyer,
            conversationId: "c-1", agent: agent, alertId: nil, complaintId: nil, complaintChannel: nil,
            occurredAt: try time(occurredAt), text: LocalizedText(chinese: "记录", english: "entry"))
        entry.team = agent == nil ? nil : "T-hz-a"
        entry.site = "hz"
        entry.vendor = agent == nil ? nil : "V-BAIXING"
        change(&entry)
        return entry
    }

    static func complaint(_ complaintId: String, _ channel: ComplaintChannel = .platform, at filedAt: String,
                          conversation: String? = "c-1", buyer: String = "buyer-1") throws -> Complaint {
        Complaint(complaintId: complaintId, channel: channel, shop: shop, buyer: buyer, conversationId: conversation,
                  filedAt: try time(filedAt), summary: "顾客就该会话提起投诉", synthetic: true)
    }

    static func order(_ orderId: String, at paidAt: String, amount: Decimal = 199, agent: String? = nil,
                      conversation: String? = nil, buyer: String = "buyer-1") throws -> Order {
        Order(orderId: orderId, shop: shop, buyer: buyer, conversationId: conversation, agent: agent, amount: amount,
              currency: "CNY", campaign: nil, paidAt: try time(paidAt), synthetic: true)
    }
}
