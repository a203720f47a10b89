import Foundation
import Testing
import VigilContracts
@testable import WebConsole

@Suite("Console sessions")
struct ConsoleSessionsTests {
    @Test("sessions have fresh random ids")
    func freshIds() {
        let sessions = ConsoleSessions(idleSeconds: 60, maximumSessions: 10)
        let first = sessions.create(personId: "M-hz")
        let second = sessions.create(personId: "M-hz")
        #expect(first.id != second.id)
        #expect(first.csrfToken != second.csrfToken)
        #expect(first.id.count == 64)
        #expect(first.id.allSatisfy { $0.isHexDigit })
        #expect(sessions.session(id: first.id)?.personId == "M-hz")
    }

    @Test("idle session expires")
    func idleExpiry() throws {
        let sessions = ConsoleSessions(idleSeconds: 1, maximumSessions: 10)
        let session = sessions.create(personId: "M-hz")
        Thread.sleep(forTimeInterval: 0.7)
        #expect(sessions.session(id: session.id) != nil, "use keeps a session open")
        Thread.sleep(forTimeInterval: 0.7)
        #expect(sessions.session(id: session.id) != nil)
        Thread.sleep(forTimeInterval: 1.2)
        #expect(sessions.session(id: session.id) == nil)
    }

    @Test("full store ends least recently used")
    func capacity() {
        let sessions = ConsoleSessions(idleSeconds: 60, maximumSessions: 2)
        let first = sessions.create(personId: "A")
        let second = sessions.create(personId: "B")
        _ = sessions.session(id: first.id)
        let third = sessions.create(personId: "C")
        #expect(sessions.count == 2)
        #expect(sessions.session(id: first.id) != nil)
        #expect(sessions.session(id: second.id) == nil)
        #expect(sessions.session(id: third.id) != nil)
    }

    @Test("one person's sign-ins end only their own sessions")
    func personCapacity() {
        let sessions = ConsoleSessions(idleSeconds: 60, maximumSessions: 4, maximumPerPerson: 2)
        let other = sessions.create(personId: "B-001")
        let first = sessions.create(personId: "M-cd")
        var latest = first
        for _ in 0..<10 {
            latest = sessions.create(personId: "M-cd")
        }
        #expect(sessions.session(id: other.id) != nil, "another person's session survives")
        #expect(sessions.session(id: first.id) == nil, "the person's least recently used session ends")
        #expect(sessions.session(id: latest.id) != nil)
        #expect(sessions.count == 3)
    }

    @Test("sent commands remembered up to limit")
    func sentCommands() {
        let sessions = ConsoleSessions(idleSeconds: 60, maximumSessions: 2)
        let session = sessions.create(personId: "M-hz")
        for index in 0..<(ConsoleSessions.rememberedCommands + 5) {
            let command = CaseCommand(commandId: "c\(index)", caseId: "case-1", shop: "s", buyer: "b", action: .ack,
                                      actor: "M-hz", issuedAt: Timestamp(epochMilliseconds: 0))
            sessions.recordSent(command, sessionId: session.id)
        }
        let sent = sessions.session(id: session.id)?.sentCommands.map(\.command.commandId) ?? []
        #expect(sent.count == ConsoleSessions.rememberedCommands)
        #expect(sent.first == "c5")
        #expect(sent.last == "c24")
    }
}
