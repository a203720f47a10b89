import Foundation
import VigilContracts

/// The sessions of signed-in people, kept in memory, so a restart signs
/// everyone out.
///
/// Safe to use from many HTTP threads at once.
final class ConsoleSessions: @unchecked Sendable {
    // @unchecked: `sessions` is guarded by `lock`; the rest is immutable.

    /// The number of commands a session remembers for the case pages.
    static let rememberedCommands = 20

    private let idleLimit: Duration
    private let maximumSessions: Int
    private let maximumPerPerson: Int
    private let lock = NSLock()
    private var sessions: [String: (session: ConsoleSession, lastUse: ContinuousClock.Instant)] = [:]

    init(idleSeconds: Int, maximumSessions: Int, maximumPerPerson: Int = .max) {
        idleLimit = .seconds(idleSeconds)
        self.maximumSessions = max(1, maximumSessions)
        self.maximumPerPerson = max(1, maximumPerPerson)
    }

    /// Starts a session for `personId` with a fresh id and form token. When
    /// the person already has as many sessions as allowed, their own session
    /// used least recently ends, so one token signing in again and again
    /// cannot push everyone else out. When the store is full, the session
    /// used least recently ends.
    func create(personId: String) -> ConsoleSession {
        let session = ConsoleSession(id: RandomToken.make(), personId: personId, csrfToken: RandomToken.make())
        let now = ContinuousClock.now
        lock.withLock {
            removeExpired(at: now)
            let own = sessions.filter { $0.value.session.personId == personId }
            if own.count >= maximumPerPerson {
                removeLeastRecentlyUsed(of: own)
            } else if sessions.count >= maximumSessions {
                removeLeastRecentlyUsed(of: sessions)
            }
            sessions[session.id] = (session, now)
        }
        return session
    }

    /// Returns the session with this id and marks it used, or nil when there
    /// is none or it has been idle too long.
    func session(id: String) -> ConsoleSession? {
        let now = ContinuousClock.now
        return lock.withLock {
            guard let entry = sessions[id] else { return nil }
            guard now - entry.lastUse <= idleLimit else {
                sessions[id] = nil
                return nil
            }
            sessions[id]?.lastUse = now
            return entry.session
        }
    }

    /// Remembers a command sent from the session's pages, forgetting the oldest beyond ``rememberedCommands``.
    func recordSent(_ command: CaseCommand, sessionId: String) {
        lock.withLock {
            sessions[sessionId]?.session.sentCommands.append(.init(command: command, sentAt: .now))
            if let count = sessions[sessionId]?.session.sentCommands.count, count > Self.rememberedCommands {
                sessions[sessionId]?.session.sentCommands.removeFirst(count - Self.rememberedCommands)
            }
        }
    }

    /// Ends a session; nothing happens when it does not exist.
    func remove(id: String) {
        lock.withLock { sessions[id] = nil }
    }

    /// The number of sessions, expired ones included until the next sign-in removes them.
    var count: Int {
        lock.withLock { sessions.count }
    }

    private func removeLeastRecentlyUsed(of candidates: [String: (session: ConsoleSession, lastUse: ContinuousClock.Instant)]) {
        if let oldest = candidates.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            sessions[oldest] = nil
        }
    }

    private func removeExpired(at now: ContinuousClock.Instant) {
        sessions = sessions.filter { now - $0.value.lastUse <= idleLimit }
    }
}
