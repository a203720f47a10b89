import Testing
import VigilContracts
@testable import Scoring

@Suite("ConversationRounds")
struct ConversationRoundsTests {
    /// One case: messages as (role, milliseconds after the start), and the rounds they make.
    struct Case: CustomStringConvertible {
        var name: String
        var messages: [(ChatRole, Int64)]
        var responseSeconds: [Int]
        var unanswered: Int

        var description: String { name }
    }

    static let start: Int64 = 1_794_528_000_000

    static let cases: [Case] = [
        Case(name: "no messages", messages: [], responseSeconds: [], unanswered: 0),
        Case(name: "one answered round", messages: [(.customer, 0), (.agent, 30_000)],
             responseSeconds: [30], unanswered: 0),
        Case(name: "seconds rounded down", messages: [(.customer, 0), (.agent, 30_999)],
             responseSeconds: [30], unanswered: 0),
        Case(name: "reply within the same second", messages: [(.customer, 500), (.agent, 900)],
             responseSeconds: [0], unanswered: 0),
        Case(name: "system messages skipped",
             messages: [(.system, 0), (.customer, 1_000), (.system, 2_000), (.agent, 61_000)],
             responseSeconds: [60], unanswered: 0),
        Case(name: "system reply does not answer", messages: [(.customer, 0), (.system, 1_000)],
             responseSeconds: [], unanswered: 1),
        Case(name: "customer run keeps first start",
             messages: [(.customer, 0), (.customer, 20_000), (.customer, 40_000), (.agent, 90_000)],
             responseSeconds: [90], unanswered: 0),
        Case(name: "agent first does nothing",
             messages: [(.agent, 0), (.agent, 5_000), (.customer, 10_000), (.agent, 25_000)],
             responseSeconds: [15], unanswered: 0),
        Case(name: "extra agent messages ignored",
             messages: [(.customer, 0), (.agent, 10_000), (.agent, 20_000), (.customer, 30_000), (.agent, 100_000)],
             responseSeconds: [10, 70], unanswered: 0),
        Case(name: "unanswered end",
             messages: [(.customer, 0), (.agent, 12_000), (.customer, 60_000), (.customer, 70_000)],
             responseSeconds: [12], unanswered: 1),
        Case(name: "only customer", messages: [(.customer, 0)], responseSeconds: [], unanswered: 1),
        Case(name: "only agent and system", messages: [(.agent, 0), (.system, 1_000)],
             responseSeconds: [], unanswered: 0),
    ]

    @Test("rounds table", arguments: cases)
    func roundsTable(_ example: Case) {
        let messages = example.messages.map { role, offset in
            ConversationRounds.Message(role: role,
                                       sentAt: Timestamp(epochMilliseconds: Self.start + offset, utcOffsetSeconds: 8 * 3600))
        }

        let rounds = ConversationRounds(messages: messages)

        #expect(rounds.responseSeconds == example.responseSeconds)
        #expect(rounds.unansweredRounds == example.unanswered)
    }
}
