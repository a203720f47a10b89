import Foundation
import VigilContracts

/// The files of the shared data decoded once, for the score expectations.
struct ScoringInputs {
    /// Every chat message in import order: the files in ``SharedData/chatFiles`` order, each in file order.
    var messages: [ChatMessage] = []
    var people: [RosterPerson] = []
    /// Roster people by id.
    var roster: [String: RosterPerson] = [:]
    var complaints: [Complaint] = []
    var orders: [Order] = []

    static func read() throws -> ScoringInputs {
        var inputs = ScoringInputs()
        for name in SharedData.chatFiles {
            inputs.messages += try decode(ChatMessage.self, name)
        }
        inputs.people = try decode(RosterPerson.self, "roster.ndjson")
        inputs.roster = Dictionary(inputs.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        inputs.complaints = try decode(Complaint.self, "complaints-waimai.ndjson")
        inputs.orders = try decode(Order.self, "orders-jd.ndjson")
        return inputs
    }

    /// The latest event time of the import, which its last round of watermarks carries.
    var endOfImport: Int64 {
        let times = messages.map(\.sentAt.epochMilliseconds) + complaints.map(\.filedAt.epochMilliseconds)
            + orders.map(\.paidAt.epochMilliseconds)
        return times.max() ?? 0
    }

    /// Who and where a fact of `agent` counts for: team and vendor from the
    /// roster, site from the roster and else from the input. An unknown agent
    /// keeps only the input's site and the shop.
    func attribution(shop: String, site: String?, agent: String?) -> ExpectedAttribution {
        let person = agent.flatMap { roster[$0] }
        return ExpectedAttribution(shop: shop, site: person?.site ?? site, vendor: person?.vendor,
                                   team: person?.team, agent: agent)
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ name: String) throws -> [Value] {
        let text = try String(contentsOf: SharedData.file(name), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map {
            try JSONDecoder().decode(Value.self, from: Data($0.utf8))
        }
    }
}
