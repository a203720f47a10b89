import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore
@testable import Scoring

/// A facts-stage processor on its own SQLite file in a fresh temporary folder,
/// fed records directly and read through its outbox.
final class FactsHarness {
    let catalogue = TopicCatalogue()
    let processor: ScoringFactsProcessor
    let store: ServiceStore
    let context: ProcessingContext
    /// Every fact emitted so far, in emission order.
    private(set) var emitted: [ScoringFact] = []
    /// The latest revision emitted per fact and subject, as the totals stage would hold it.
    private(set) var latest: [FactSlot: ScoringFact] = [:]
    /// Every subject key each fact was ever emitted for.
    private var subjectsByFact: [String: Set<String>] = [:]
    private let directory: URL
    private var nextOffset: Int64 = 0
    private var lastSequence: Int64 = 0

    init(conversionHours: Int = 24, roster: [RosterPerson] = ScoringFixtures.roster) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-scoring-facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        processor = ScoringFactsProcessor(catalogue: catalogue, conversionHours: conversionHours)
        store = try ServiceStore(path: directory.appendingPathComponent("scoring.sqlite").path,
                                 registerMigrations: processor.registerMigrations)
        context = ProcessingContext(store: store, catalogue: catalogue)
        for person in roster {
            processor.applyRoster(person)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Input

    /// Processes one input event on the topic its type is read from.
    func process(_ event: any VigilEvent) throws {
        let topic: TopicSpec
        switch event {
        case is ChatMessage: topic = catalogue.chatMessages
        case is Alert: topic = catalogue.alerts
        case is CaseEvent: topic = catalogue.caseEvents
        case is Complaint: topic = catalogue.complaints
        case is Order: topic = catalogue.orders
        default: throw HarnessError(message: "no input topic for \(type(of: event))")
        }
        try process(value: try EventCoding.encode(event), on: topic.name)
    }

    func process(value: [UInt8], on topicName: String) throws {
        let record = KafkaRecord(topic: topicName, partition: 0, offset: nextOffset, key: nil, value: value,
                                 timestampMilliseconds: nil)
        nextOffset += 1
        try store.database.transaction {
            try processor.process(record, context: context)
        }
    }

    /// Processes `events` as one batch and returns the facts the batch emitted.
    @discardableResult
    func batch(_ events: [any VigilEvent]) throws -> [ScoringFact] {
        for event in events {
            try process(event)
        }
        return try finishBatch()
    }

    // MARK: - Output

    /// Ends the batch and returns the facts it emitted, in emission order.
    @discardableResult
    func finishBatch() throws -> [ScoringFact] {
        try store.database.transaction {
            try processor.finishBatch(context: context)
        }
        let added = try store.outbox.pending(limit: 100_000).filter { $0.sequence > lastSequence }
        lastSequence = added.last?.sequence ?? lastSequence
        for entry in added {
            #expect(entry.record.topic == catalogue.scoringFacts.name)
        }
        let facts = try added.map { try EventCoding.decode(ScoringFact.self, from: $0.record.value) }
        for (entry, fact) in zip(added, facts) {
            #expect(entry.record.key == Array(fact.subject.key.utf8), "record key is the subject key")
        }
        emitted += facts
        for fact in facts {
            let slot = FactSlot(factId: fact.factId, subject: fact.subject.key)
            if let held = latest[slot], held.revision >= fact.revision {
                continue
            }
            latest[slot] = fact
            subjectsByFact[fact.factId, default: []].insert(slot.subject)
        }
        return facts
    }

    /// The facts that currently count, without revision and event id, ordered by fact id and subject.
    var current: [ScoringFact] {
        latest.values.filter { !$0.retracted }
            .map { ScoringFact(subject: $0.subject, factId: $0.factId, revision: 0, kind: $0.kind, time: $0.time,
                               attribution: $0.attribution, conversation: $0.conversation, alert: $0.alert,
                               caseFact: $0.caseFact, complaint: $0.complaint, order: $0.order) }
            .sorted { ($0.factId, $0.subject.key) < ($1.factId, $1.subject.key) }
    }

    /// Returns the current fact of `factId` for `subject`, if it counts.
    func current(_ factId: String, for subject: String) -> ScoringFact? {
        latest[FactSlot(factId: factId, subject: subject)].flatMap { $0.retracted ? nil : $0 }
    }

    /// Returns the subject keys `factId` currently counts for, sorted.
    func subjects(of factId: String) -> [String] {
        (subjectsByFact[factId] ?? []).filter { current(factId, for: $0) != nil }.sorted()
    }
}

/// One fact for one subject: what a revision replaces.
struct FactSlot: Hashable {
    var factId: String
    var subject: String
}

struct HarnessError: Error {
    var message: String
}
