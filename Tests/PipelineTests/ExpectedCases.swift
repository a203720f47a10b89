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

    /// The agent of a regulator complaint's conversation, that agent's
    /// supervisor and the manager of the agent's site, by name.
    struct Responsible: Equatable {
        var agent: String
        var supervisor: String
        var manager: String
        var site: String
    }

    static func read(alertedThreads: Set<String>) throws -> ExpectedCases {
        let roster = try lines("roster.ndjson").map { try JSONDecoder().decode(RosterPerson.self, from: Data($0.utf8)) }
        let people = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var conversationAgents: [String: String] = [:]
        for name in SharedData.chatFiles {
            for line in try lines(name) {
                let message = try JSONDecoder().decode(ChatMessage.self, from: Data(line.utf8))
                conversationAgents["\(message.shop)/\(message.conversationId)"] = message.agent
            }
        }

        var expected = ExpectedCases()
        for thread in alertedThreads {
            expected.states[thread] = .open
        }
        for line in try lines("complaints-waimai.ndjson") {
            let complaint = try JSONDecoder().decode(Complaint.self, from: Data(line.utf8))
            let thread = complaint.thread.recordKey
            if complaint.channel.isRegulator {
                expected.states[thread] = .escalatedRegulator
                let agentId = complaint.conversationId.flatMap { conversationAgents["\(complaint.shop)/\($0)"] }
                if let agent = agentId.flatMap({ people[$0] }), let site = agent.site,
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
