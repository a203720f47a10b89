import Foundation
import VigilContracts
import WebConsole

/// Test data for the console's pages: contract values (alerts, case events
/// folded into ``CaseFile``s, scores, roster people) returned by the read
/// model's queries with the filters the read model applies.
///
/// The alerts, case events and people sit in a locked store, so a test can
/// add an alert after a stream opened or remove a person from the roster.
struct ConsolePageData: ConsoleReadModelReading {
    /// The parts a test changes while the console runs.
    final class Store: @unchecked Sendable {
        // @unchecked: every property is guarded by `lock`.
        private let lock = NSLock()
        private var storedAlerts: [ConsoleAlert]
        private var storedEvents: [CaseEvent]
        private var storedPeople: [RosterPerson]
        private var storedUnreadable = false

        init(alerts: [ConsoleAlert], events: [CaseEvent], people: [RosterPerson]) {
            storedAlerts = alerts
            storedEvents = events
            storedPeople = people
        }

        var alerts: [ConsoleAlert] { lock.withLock { storedAlerts } }
        var events: [CaseEvent] { lock.withLock { storedEvents } }
        var people: [RosterPerson] { lock.withLock { storedPeople } }
        /// True to make every query throw, as a damaged store does.
        var unreadable: Bool {
            get { lock.withLock { storedUnreadable } }
            set { lock.withLock { storedUnreadable = newValue } }
        }

        func append(_ alert: ConsoleAlert) {
            lock.withLock { storedAlerts.append(alert) }
        }

        func append(_ event: CaseEvent) {
            lock.withLock { storedEvents.append(event) }
        }

        func removePerson(_ id: String) {
            lock.withLock { storedPeople.removeAll { $0.id == id } }
        }

        func replacePerson(_ person: RosterPerson) {
            lock.withLock {
                storedPeople.removeAll { $0.id == person.id }
                storedPeople.append(person)
            }
        }
    }

    let store: Store
    let scores: [ConsoleScoreRow]

    init(alerts: [ConsoleAlert], events: [CaseEvent], people: [RosterPerson], scores: [ConsoleScoreRow]) {
        store = Store(alerts: alerts, events: events, people: people)
        self.scores = scores
    }

    private func matches(_ vendor: String?, filter: String?) -> Bool {
        filter == nil || vendor == filter
    }

    // MARK: - ConsoleReadModelReading

    func recentAlerts(vendor: String?, limit: Int) throws -> [ConsoleAlert] {
        Array(store.alerts.filter { matches($0.vendor, filter: vendor) }.sorted { $0.sequence > $1.sequence }.prefix(limit))
    }

    func alerts(after sequence: Int64, vendor: String?, limit: Int) throws -> [ConsoleAlert] {
        Array(store.alerts.filter { $0.sequence > sequence && matches($0.vendor, filter: vendor) }
            .sorted { $0.sequence < $1.sequence }.prefix(limit))
    }

    func openCases(vendor: String?) throws -> [CaseFile] {
        CaseFile.fold(store.events).filter { $0.state != .resolved && matches($0.vendor, filter: vendor) }.sorted {
            let left = $0.nextDeadline?.dueAt.epochMilliseconds ?? .max
            let right = $1.nextDeadline?.dueAt.epochMilliseconds ?? .max
            return (left, $0.caseId) < (right, $1.caseId)
        }
    }

    func caseFile(id: String) throws -> CaseFile? {
        CaseFile.fold(store.events).first { $0.caseId == id }
    }

    func rectifications(vendor: String?) throws -> [CaseFile] {
        CaseFile.fold(store.events).filter { ($0.rectification != nil || $0.plan != nil) && matches($0.vendor, filter: vendor) }
            .reversed()
    }

    func league(kind: ScoreSubjectKind, periodKind: ScorePeriodKind, vendor: String?) throws
        -> (period: ScorePeriod?, rows: [ConsoleScoreRow]) {
        let candidates = scores.filter { $0.score.subject.kind == kind && $0.score.period.kind == periodKind }
        guard let period = candidates.map(\.score.period).max(by: { $0.start < $1.start }) else { return (nil, []) }
        let rows = candidates.filter { $0.score.period == period && matches($0.vendor, filter: vendor) }.sorted {
            ($0.score.scorecard?.total ?? -1) > ($1.score.scorecard?.total ?? -1)
        }
        return (period, rows)
    }

    func dailyTrend(kind: ScoreSubjectKind, vendor: String?, days: Int) throws -> [ConsoleScoreRow] {
        scores.filter { $0.score.subject.kind == kind && $0.score.period.kind == .day && matches($0.vendor, filter: vendor) }
            .sorted { $0.score.period.start < $1.score.period.start }
    }

    func person(id: String) throws -> RosterPerson? {
        store.people.first { $0.id == id }
    }

    func eventClock() throws -> Timestamp? {
        if store.unreadable {
            throw StoreUnreadable()
        }
        return (store.alerts.map(\.alert.raisedAt) + store.events.map(\.occurredAt)).max()
    }
}

/// The error of a store that ``ConsolePageData/Store/unreadable`` makes fail.
struct StoreUnreadable: Error {}
