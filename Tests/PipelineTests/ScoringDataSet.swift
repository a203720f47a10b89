import Foundation
import Testing
import VigilContracts

/// A small hand-written data set for the scoring processes, and the figures
/// worked out by hand from it with the measure definitions of docs/SCORING.md.
///
/// Three conversations at one shop: c-1 and c-3 on chat partition 2, c-2 on
/// partition 9, so that two processes in one group each own one of them.
/// Times are +08:00. The double-11 window is [2026-10-31 20:00, 2026-11-12 00:00).
enum ScoringDataSet {
    static let shop = "shop-jd-3c"
    /// The built-in scorecard with team T-hz-a's campaign target lowered to 400,
    /// so that a test can check that the process read the file.
    static let teamTarget: Decimal = 400

    static func partition(ofBuyer buyer: String) -> Int32 {
        buyer == "buyer-2" ? 9 : 2
    }

    static let roster = [
        RosterPerson(id: "A-hz-a01", name: "王芳", role: .agent, reportsTo: "S-hz-a", vendor: "V-BAIXING",
                     site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hz-a02", name: "李静", role: .agent, reportsTo: "S-hz-a", vendor: "V-BAIXING",
                     site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hf-b03", name: "张伟", role: .agent, reportsTo: "S-hf-b", vendor: "V-HUAFENG",
                     site: "hf", team: "T-hf-b"),
    ]

    static func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    /// c-1 (A-hz-a01): rounds of 30 s and 240 s; the second customer message does not restart the round.
    /// c-2 (A-hz-a02): a system message, a 100 s round, and a last customer message left unanswered.
    /// c-3 (A-hf-b03): starts one minute before midnight of 11-10 and gets a reply after 120 s.
    static func messages() throws -> [ChatMessage] {
        let lines: [(id: String, conversation: String, buyer: String, agent: String, role: ChatRole, at: String)] = [
            ("m-1", "c-1", "buyer-1", "A-hz-a01", .customer, "2026-11-11T09:00:00+08:00"),
            ("m-2", "c-1", "buyer-1", "A-hz-a01", .agent, "2026-11-11T09:00:30+08:00"),
            ("m-3", "c-1", "buyer-1", "A-hz-a01", .customer, "2026-11-11T09:05:00+08:00"),
            ("m-4", "c-1", "buyer-1", "A-hz-a01", .customer, "2026-11-11T09:05:10+08:00"),
            ("m-5", "c-1", "buyer-1", "A-hz-a01", .agent, "2026-11-11T09:09:00+08:00"),
            ("m-6", "c-2", "buyer-2", "A-hz-a02", .customer, "2026-11-11T14:00:00+08:00"),
            ("m-7", "c-2", "buyer-2", "A-hz-a02", .system, "2026-11-11T14:00:05+08:00"),
            ("m-8", "c-2", "buyer-2", "A-hz-a02", .agent, "2026-11-11T14:01:40+08:00"),
            ("m-9", "c-2", "buyer-2", "A-hz-a02", .customer, "2026-11-11T14:03:00+08:00"),
            ("m-10", "c-3", "buyer-3", "A-hf-b03", .customer, "2026-11-10T23:59:00+08:00"),
            ("m-11", "c-3", "buyer-3", "A-hf-b03", .agent, "2026-11-11T00:01:00+08:00"),
        ]
        return try lines.map { line in
            ChatMessage(messageId: line.id, site: "hz", shop: shop, conversationId: line.conversation,
                        buyer: line.buyer, agent: line.agent, role: line.role, text: "您好", sentAt: try time(line.at))
        }
    }

    /// o-1 and o-2 name no agent, so they count for their conversation's agent.
    /// o-2 is paid after the campaign window but within 24 hours of c-2.
    static func orders() throws -> [Order] {
        [
            Order(orderId: "o-1", shop: shop, buyer: "buyer-1", conversationId: "c-1", agent: nil, amount: 400,
                  currency: "CNY", campaign: nil, paidAt: try time("2026-11-11T09:30:00+08:00"), synthetic: true),
            Order(orderId: "o-2", shop: shop, buyer: "buyer-2", conversationId: "c-2", agent: nil, amount: 300,
                  currency: "CNY", campaign: nil, paidAt: try time("2026-11-12T10:00:00+08:00"), synthetic: true),
            Order(orderId: "o-3", shop: shop, buyer: "buyer-3", conversationId: "c-3", agent: "A-hf-b03", amount: 200,
                  currency: "CNY", campaign: nil, paidAt: try time("2026-11-11T08:00:00+08:00"), synthetic: true),
        ]
    }

    /// Returns one keyword alert on c-2, raised with its last message.
    static func alerts() throws -> [Alert] {
        [
            Alert(eventId: "alert-1", kind: .keyword, category: .complaint, severity: .high, matchedTerms: ["投诉"],
                  ruleVersion: "builtin-1", shop: shop, buyer: "buyer-2", site: "hz", conversationId: "c-2",
                  messageId: "m-9", agent: "A-hz-a02", team: "T-hz-a", recipient: nil,
                  raisedAt: try time("2026-11-11T14:03:00+08:00"), snippet: "我要投诉",
                  text: LocalizedText(chinese: "预警", english: "alert")),
        ]
    }

    // MARK: - Expected figures

    /// Returns the bucket counts of `waits`: one count per bound of ``ScoreFigures/responseBucketBounds``, then one for longer waits.
    static func buckets(_ waits: [Int]) -> [Int] {
        var counts = Array(repeating: 0, count: ScoreFigures.responseBucketBounds.count + 1)
        for wait in waits {
            counts[ScoreFigures.responseBucketBounds.firstIndex { wait <= $0 } ?? ScoreFigures.responseBucketBounds.count] += 1
        }
        return counts
    }

    /// The figures worked out by hand for the score keys a test checks.
    static let expected: [String: ScoreFigures] = [
        // c-1 and o-1, which converts c-1.
        "agent/A-hz-a01/day/2026-11-11": ScoreFigures(
            conversations: 1, firstResponses: 1, firstResponseSecondsTotal: 30, firstResponseMedianSeconds: 30,
            firstResponseP90Seconds: 30, rounds: 2, responseMedianSeconds: 135, responseP90Seconds: 240,
            repliesWithinLimit: 1, slowReplies: 1, responseTimeBuckets: buckets([30, 240]), orders: 1, sales: 400,
            convertedConversations: 1),
        // c-2 with its alert. o-2 converts c-2 but is paid on 11-12.
        "agent/A-hz-a02/day/2026-11-11": ScoreFigures(
            conversations: 1, firstResponses: 1, firstResponseSecondsTotal: 100, firstResponseMedianSeconds: 100,
            firstResponseP90Seconds: 100, rounds: 1, responseMedianSeconds: 100, responseP90Seconds: 100,
            repliesWithinLimit: 1, unansweredRounds: 1, responseTimeBuckets: buckets([100]), alerts: 1,
            alertsByCategory: ["complaint": 1], convertedConversations: 1),
        "agent/A-hz-a02/day/2026-11-12": ScoreFigures(orders: 1, sales: 300),
        // c-3 counts on the day of its first message.
        "agent/A-hf-b03/day/2026-11-10": ScoreFigures(
            conversations: 1, firstResponses: 1, firstResponseSecondsTotal: 120, firstResponseMedianSeconds: 120,
            firstResponseP90Seconds: 120, rounds: 1, responseMedianSeconds: 120, responseP90Seconds: 120,
            repliesWithinLimit: 1, responseTimeBuckets: buckets([120]), convertedConversations: 1),
        "agent/A-hf-b03/day/2026-11-11": ScoreFigures(orders: 1, sales: 200),
        // c-1, c-2, o-1 and the alert, but not o-2, which is paid after the window.
        "team/T-hz-a/campaign/2026-double11": ScoreFigures(
            conversations: 2, firstResponses: 2, firstResponseSecondsTotal: 130, firstResponseMedianSeconds: 65,
            firstResponseP90Seconds: 100, rounds: 3, responseMedianSeconds: 100, responseP90Seconds: 240,
            repliesWithinLimit: 2, slowReplies: 1, unansweredRounds: 1, responseTimeBuckets: buckets([30, 240, 100]),
            alerts: 1, alertsByCategory: ["complaint": 1], orders: 1, sales: 400, convertedConversations: 2),
        // Everything, with waits of 30, 240, 100 and 120 s. The week of 11-09 contains all of it too.
        "shop/shop-jd-3c/month/2026-11-01": ScoreFigures(
            conversations: 3, firstResponses: 3, firstResponseSecondsTotal: 250, firstResponseMedianSeconds: 100,
            firstResponseP90Seconds: 120, rounds: 4, responseMedianSeconds: 110, responseP90Seconds: 240,
            repliesWithinLimit: 3, slowReplies: 1, unansweredRounds: 1, responseTimeBuckets: buckets([30, 240, 100, 120]),
            alerts: 1, alertsByCategory: ["complaint": 1], orders: 3, sales: 900, convertedConversations: 3),
        "site/hf/week/2026-11-09": ScoreFigures(
            conversations: 1, firstResponses: 1, firstResponseSecondsTotal: 120, firstResponseMedianSeconds: 120,
            firstResponseP90Seconds: 120, rounds: 1, responseMedianSeconds: 120, responseP90Seconds: 120,
            repliesWithinLimit: 1, responseTimeBuckets: buckets([120]), orders: 1, sales: 200,
            convertedConversations: 1),
    ]

    /// True when every expected key is present with its expected figures.
    static func matchesExpected(_ scores: [String: Score]) -> Bool {
        expected.allSatisfy { key, figures in scores[key]?.figures == figures }
    }
}
