import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore

/// The one door into Vigil: validates a record, drops repeats, and writes it
/// to the outbox, or turns it into a dead letter with a reason.
///
/// Files, HTTP requests and raw topics all pass through here, so every input
/// path applies the same checks and the same deduplication. Not Sendable: it
/// uses the store's connection, so one thread (or one serial queue) owns it,
/// and the caller wraps each batch of calls in a transaction.
public final class RecordIntake {
    /// The roster that references are checked against.
    public private(set) var roster: RosterDirectory
    /// The records' counts by outcome, shared with the metrics endpoint.
    public let counters: IntakeCounters
    /// The event time reached, for the clocks written after each batch.
    public let clock: EventClock

    private let store: ServiceStore
    private let catalogue: TopicCatalogue
    private let serviceName: String
    private let logger: Logger
    /// Rejections per reason since the process started, for the rate-limited log.
    private var rejectionsLogged: [DeadLetterReason: Int] = [:]

    public init(store: ServiceStore, catalogue: TopicCatalogue, serviceName: String, roster: RosterDirectory,
                clock: EventClock, counters: IntakeCounters = IntakeCounters(), logger: Logger) {
        self.store = store
        self.catalogue = catalogue
        self.serviceName = serviceName
        self.roster = roster
        self.clock = clock
        self.counters = counters
        self.logger = logger
    }

    /// Registers ingestion's tables; pass it to ``ServiceStore`` when opening the store.
    public static func registerMigrations(in migrator: inout Migrator) {
        IngestionSchema.register(in: &migrator)
    }

    /// Applies a roster record read from the roster topic, without publishing anything.
    public func learn(_ person: RosterPerson) {
        roster.apply(person)
    }

    /// Forgets a person, for a tombstone read from the roster topic.
    public func forget(_ id: String) {
        roster.remove(id)
    }

    /// Applies a record of the roster topic: a person, or a tombstone without a value.
    public func learn(_ record: KafkaRecord) throws {
        try roster.apply(record)
    }

    // MARK: - Records

    /// Offers one record's bytes. `scope` limits which sites' records the
    /// submitter may send. `original` is what a dead letter keeps when the
    /// bytes were converted from another form (a CSV row). Call inside a
    /// transaction; the outcome is final once it commits.
    public func offer(_ bytes: ArraySlice<UInt8>, original: ArraySlice<UInt8>? = nil, parser: InterchangeParser,
                      source: IntakeSource, scope: SiteScope = .any) throws -> IntakeOutcome {
        let outcome: IntakeOutcome
        do {
            outcome = try admit(bytes, parser: parser, scope: scope)
        } catch let rejection as RecordRejection {
            try deadLetter(original ?? bytes, rejection, source: source)
            counters.count(.rejected(reason: rejection.reason, message: rejection.message), submitter: scope.label)
            return .rejected(reason: rejection.reason, message: rejection.message)
        }
        counters.count(outcome, submitter: scope.label)
        return outcome
    }

    /// Rejects bytes that could not even be cut into a record (a line over
    /// the limit, a CSV row that does not parse) with the reason given.
    public func reject(_ bytes: some Collection<UInt8>, _ rejection: RecordRejection, source: IntakeSource,
                       scope: SiteScope = .any) throws {
        try deadLetter(bytes, rejection, source: source)
        counters.count(.rejected(reason: rejection.reason, message: rejection.message), submitter: scope.label)
    }

    private func admit(_ bytes: ArraySlice<UInt8>, parser: InterchangeParser, scope: SiteScope) throws -> IntakeOutcome {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw RecordRejection(.invalidUTF8, "the record is not valid UTF-8 text")
        }
        let record = try parser.parse(bytes)
        try checkNotInFuture(record)
        try checkReferences(record, scope: scope)

        let hash = StableHash.hex(bytes: try encode(record))
        if case .person(let person) = record {
            guard try isRosterChange(person, hash: hash) else {
                return .duplicate(eventId: record.eventId)
            }
            try publish(record)
            return .accepted(eventId: record.eventId, kind: record.kind)
        }

        try store.database.run("""
            INSERT INTO ingest_records (event_id, content_hash) VALUES (?, ?) ON CONFLICT DO NOTHING
            """, [record.eventId, hash])
        if store.database.changes == 0 {
            let stored = try store.database.scalar(
                "SELECT content_hash FROM ingest_records WHERE event_id = ?", [record.eventId]).string
            guard stored == hash else {
                throw RecordRejection(.conflictingDuplicate, """
                    \(record.eventId) was accepted before with different content; \
                    send a correction under a new id
                    """)
            }
            return .duplicate(eventId: record.eventId)
        }

        try publish(record)
        return .accepted(eventId: record.eventId, kind: record.kind)
    }

    /// Returns true when the person's record differs from the last one
    /// accepted for the same id, and stores it as the latest. A roster entry
    /// is a person's current state, not a one-off event: a change is an
    /// update, and changing back (A, B, then A again) must be published too,
    /// or the compacted roster topic would keep B.
    private func isRosterChange(_ person: RosterPerson, hash: String) throws -> Bool {
        let key = "roster/\(person.id)"
        let stored = try store.database.scalar(
            "SELECT content_hash FROM ingest_records WHERE event_id = ?", [key]).string
        guard stored != hash else { return false }
        try store.database.run("""
            INSERT INTO ingest_records (event_id, content_hash) VALUES (?, ?)
            ON CONFLICT (event_id) DO UPDATE SET content_hash = excluded.content_hash
            """, [key, hash])
        return true
    }

    private func encode(_ record: InterchangeRecord) throws -> [UInt8] {
        switch record {
        case .message(let message): try EventCoding.encode(message)
        case .person(let person): try EventCoding.encode(person)
        case .complaint(let complaint): try EventCoding.encode(complaint)
        case .order(let order): try EventCoding.encode(order)
        }
    }

    private func publish(_ record: InterchangeRecord) throws {
        let outbox = store.outbox
        switch record {
        case .message(let message):
            try outbox.append(message, to: catalogue.chatMessages)
            clock.observe(message.sentAt)
        case .person(let person):
            try outbox.append(person, to: catalogue.roster)
            roster.apply(person)
        case .complaint(let complaint):
            try outbox.append(complaint, to: catalogue.complaints)
            clock.observe(complaint.filedAt)
        case .order(let order):
            try outbox.append(order, to: catalogue.orders)
            clock.observe(order.paidAt)
        }
    }

    // MARK: - References

    /// How far past the wall clock an event time may be: clocks at sites
    /// drift, but a record from days ahead would move event time for every
    /// site and stay in the store.
    public static let maxFutureMilliseconds: Int64 = 24 * 3_600_000

    /// NOTE: this check reads the host's clock, so a record rejected as more
    /// than a day ahead is accepted by an import run once the clock caught
    /// up. Imports of past data give the same outcome on any day.
    private func checkNotInFuture(_ record: InterchangeRecord) throws {
        let (field, time): (String, Timestamp)
        switch record {
        case .message(let message): (field, time) = ("sentAt", message.sentAt)
        case .complaint(let complaint): (field, time) = ("filedAt", complaint.filedAt)
        case .order(let order): (field, time) = ("paidAt", order.paidAt)
        case .person: return
        }
        guard time.epochMilliseconds <= WallClock.now().epochMilliseconds + Self.maxFutureMilliseconds else {
            throw RecordRejection(.invalidTime, "invalid field \"\(field)\": \(time.iso8601) is more than a day in the future")
        }
    }

    private func checkReferences(_ record: InterchangeRecord, scope: SiteScope) throws {
        switch record {
        case .message(let message):
            try checkScope(scope, site: message.site, what: "message")
            guard roster.knowsSite(message.site) else {
                throw RecordRejection(.unknownSite, "site \"\(message.site)\" is not in the roster")
            }
            try checkAgent(message.agent, site: message.site)
        case .person(let person):
            try checkRosterScope(person, scope: scope)
        case .complaint:
            try checkScope(scope, site: nil, what: "complaint")
        case .order(let order):
            guard let agentId = order.agent else {
                try checkScope(scope, site: nil, what: "order without an agent")
                return
            }
            guard let agent = roster.person(agentId) else {
                throw RecordRejection(.unknownAgent, "agent \"\(agentId)\" is not in the roster")
            }
            try checkScope(scope, site: agent.site, what: "order")
        }
    }

    /// Rejects a roster entry that a site's token may not send. A site may add
    /// or change only its own agents and supervisors. Managers, the brand
    /// manager, people without a site, and anyone now at another site need the
    /// brand's token, because otherwise one site could take over another's
    /// people or the brand manager's alerts.
    private func checkRosterScope(_ person: RosterPerson, scope: SiteScope) throws {
        guard case .site(let allowed) = scope else { return }
        guard person.role == .agent || person.role == .supervisor else {
            throw RecordRejection(.wrongSite, "a \(person.role.rawValue) entry can only be submitted with the brand's token")
        }
        try checkScope(scope, site: person.site, what: "roster entry")
        if let current = roster.person(person.id), current.site != allowed {
            throw RecordRejection(.wrongSite, """
                person "\(person.id)" works at \(current.site.map { "site \"\($0)\"" } ?? "no site"); \
                only that site's token or the brand's may change the entry
                """)
        }
    }

    private func checkAgent(_ agentId: String, site: String) throws {
        guard let agent = roster.person(agentId) else {
            throw RecordRejection(.unknownAgent, "agent \"\(agentId)\" is not in the roster")
        }
        guard agent.site == site else {
            throw RecordRejection(.unknownAgent,
                                  "agent \"\(agentId)\" works at site \"\(agent.site ?? "-")\", not \"\(site)\"")
        }
    }

    /// `site` nil means the record belongs to no vendor site, which only the brand's integration may send.
    private func checkScope(_ scope: SiteScope, site: String?, what: String) throws {
        guard case .site(let allowed) = scope, site != allowed else { return }
        guard let site else {
            throw RecordRejection(.wrongSite, "a \(what) belongs to no site, so only the brand's token may submit it")
        }
        throw RecordRejection(.wrongSite,
                              "a \(what) of site \"\(site)\" cannot be submitted with the token of site \"\(allowed)\"")
    }

    // MARK: - Dead letters

    private func deadLetter(_ bytes: some Collection<UInt8>, _ rejection: RecordRejection,
                            source: IntakeSource) throws {
        let letter = DeadLetter(
            service: serviceName, source: source.deadLetterSource, key: nil, reasonCode: rejection.reason,
            reason: rejection.message, payload: bytes, recordedAt: deadLetterTime(for: source))
        if try store.appliedEvents.markApplied(letter.eventId) {
            try store.outbox.append(letter, to: catalogue.deadLetters)
        }
        // Every rejection is a dead letter. The log shows only the 1st, 10th,
        // 100th … rejection of each reason, so bad records cannot flood it.
        let count = (rejectionsLogged[rejection.reason] ?? 0) + 1
        rejectionsLogged[rejection.reason] = count
        if Self.isPowerOfTen(count) {
            logger.warning("record rejected", metadata: [
                "vigil.source": source.logDescription, "vigil.reason": rejection.description,
                "vigil.rejections": String(count),
            ])
        }
    }

    /// Returns the time a dead letter carries, taken from the input where it
    /// can be, so importing the same input into a fresh store gives
    /// byte-identical dead letters. A raw topic's record gives its own
    /// timestamp, and a file line the event time this instance had reached.
    /// HTTP input is live, so its dead letters carry the time of the request.
    /// NOTE: a file line rejected before any accepted event (a bad line of the
    /// first roster file) has no event time to use and carries the wall clock.
    private func deadLetterTime(for source: IntakeSource) -> Timestamp {
        switch source {
        case .topic(_, _, _, let timestampMilliseconds?):
            Timestamp(epochMilliseconds: timestampMilliseconds)
        case .file, .topic:
            clock.time ?? WallClock.now()
        case .http:
            WallClock.now()
        }
    }

    private static func isPowerOfTen(_ value: Int) -> Bool {
        var remaining = value
        while remaining >= 10, remaining % 10 == 0 {
            remaining /= 10
        }
        return remaining == 1
    }
}
