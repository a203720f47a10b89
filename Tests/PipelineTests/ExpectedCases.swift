import Foundation
import VigilContracts

/// The cases the escalation service should open on the real data, computed
/// from the files alone. Each thread that raised a keyword alert or filed a
/// complaint gets one case, because no case is resolved during the run. Its
/// state follows from the thread's complaints.
struct ExpectedCases {
    /// Thread key (`shop/buyer`) to the state its case should end in.
    var states: [String: CaseState] = [:]
    /// The regulator complaints with the people a human cause makes responsible.
    var regulatorThreads: [String: Responsible] = [:]
    /// Thread key to how its case opened.
    var openings: [String: Opening] = [:]

    /// The agent of a regulator complaint's conversation, that agent's
    /// supervisor and the manager of the agent's site, by name.
    struct Responsible: Equatable {
        var agent: String
        var supervisor: String
        var manager: String
        var site: String
    }

    /// A case's opening: the earlier of the thread's first keyword alert and
    /// first complaint, with the agent and site of that input's conversation.
    struct Opening {
        var caseId: String
        var thread: ThreadKey
        var openedAt: Timestamp
        var agent: String?
        var site: String?
        /// The channels of the thread's complaints, in file order.
        var complaintChannels: [ComplaintChannel] = []
    }

    static func read(alerts: ExpectedAlerts) throws -> ExpectedCases {
        let roster = try lines("roster.ndjson").map { try JSONDecoder().decode(RosterPerson.self, from: Data($0.utf8)) }
        let people = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var conversationAgents: [String: (agent: String, site: String)] = [:]
        for name in SharedData.chatFiles {
            for line in try lines(name) {
                let message = try JSONDecoder().decode(ChatMessage.self, from: Data(line.utf8))
                conversationAgents["\(message.shop)/\(message.conversationId)"] = (message.agent, message.site)
            }
        }

        var expected = ExpectedCases()
        for thread in alerts.alertedThreads {
            expected.states[thread] = .open
        }
        for raising in alerts.raisings {
            let current = expected.openings[raising.thread]
            if current.map({ raising.raisedAt < $0.openedAt }) ?? true {
                let parts = raising.thread.split(separator: "/", maxSplits: 1).map(String.init)
                let thread = ThreadKey(shop: parts[0], buyer: parts.count > 1 ? parts[1] : "")
                expected.openings[raising.thread] = Opening(
                    caseId: CaseEvent.caseId(for: thread), thread: thread, openedAt: raising.raisedAt,
                    agent: raising.agent, site: raising.site)
            }
        }

        for line in try lines("complaints-waimai.ndjson") {
            let complaint = try JSONDecoder().decode(Complaint.self, from: Data(line.utf8))
            let thread = complaint.thread.recordKey
            let handler = complaint.conversationId.flatMap { conversationAgents["\(complaint.shop)/\($0)"] }
            var opening = expected.openings[thread] ?? Opening(
                caseId: CaseEvent.caseId(for: complaint.thread), thread: complaint.thread,
                openedAt: complaint.filedAt, agent: handler?.agent, site: handler?.site)
            if complaint.filedAt < opening.openedAt {
                opening.openedAt = complaint.filedAt
                opening.agent = handler?.agent
                opening.site = handler?.site
            }
            opening.complaintChannels.append(complaint.channel)
            expected.openings[thread] = opening

            if complaint.channel.isRegulator {
                expected.states[thread] = .escalatedRegulator
                if let agent = handler.flatMap({ people[$0.agent] }), let site = agent.site,
                   let supervisor = agent.reportsTo.flatMap({ people[$0] }),
                   let manager = roster.filter({ $0.role == .manager && $0.site == site }).min(by: { $0.id < $1.id }) {
                    expected.regulatorThreads[thread] = Responsible(agent: agent.name, supervisor: supervisor.name,
                                                                    manager: manager.name, site: site)
                }
            } else if expected.states[thread] != .escalatedRegulator {
                expected.states[thread] = .escalatedPlatform
            }
        }
        return expected
    }

    private static func lines(_ name: String) throws -> [Substring] {
        try String(contentsOf: SharedData.file(name), encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
    }
}
