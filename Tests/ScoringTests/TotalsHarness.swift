import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilScoring
import VigilStore
@testable import Scoring

/// A totals-stage processor on its own SQLite file in a fresh temporary
/// folder, fed fact records directly and read through its outbox.
final class TotalsHarness {
    let catalogue = TopicCatalogue()
    let processor: ScoreTotalsProcessor
    let store: ServiceStore
    let context: ProcessingContext
    private let directory: URL
    private var nextOffset: Int64 = 0
    private var lastSequence: Int64 = 0

    init(scorecard: Scorecard = .builtIn) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-scoring-totals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        processor = ScoreTotalsProcessor(catalogue: catalogue, scorecard: scorecard)
        store = try ServiceStore(path: directory.appendingPathComponent("scoring-totals.sqlite").path,
                                 registerMigrations: processor.registerMigrations)
        context = ProcessingContext(store: store, catalogue: catalogue)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Input

    /// Processes one fact keyed by its subject, or by `key` when given.
    func process(_ fact: ScoringFact, key: String? = nil) throws {
        try process(value: try EventCoding.encode(fact), key: key ?? fact.subject.key)
    }

    func process(value: [UInt8], key: String?) throws {
        let record = KafkaRecord(topic: catalogue.scoringFacts.name, partition: 0, offset: nextOffset,
                                 key: key.map { Array($0.utf8) }, value: value, timestampMilliseconds: nil)
        nextOffset += 1
        try store.database.transaction {
            try processor.process(record, context: context)
        }
    }

    /// Processes `facts` as one batch and returns the scores it published, in order.
    @discardableResult
    func batch(_ facts: [ScoringFact]) throws -> [Score] {
        for fact in facts {
            try process(fact)
        }
        return try finishBatch()
    }

    // MARK: - Output

    /// Ends the batch and returns the scores it published, in publishing order.
    func finishBatch() throws -> [Score] {
        try store.database.transaction {
            try processor.finishBatch(context: context)
        }
        let added = try store.outbox.pending(limit: 100_000).filter { $0.sequence > lastSequence }
        lastSequence = added.last?.sequence ?? lastSequence
        for entry in added {
            #expect(entry.record.topic == catalogue.scores.name)
        }
        let scores = try added.map { try EventCoding.decode(Score.self, from: $0.record.value) }
        for (entry, score) in zip(added, scores) {
            #expect(entry.record.key == score.recordKey.map { Array($0.utf8) }, "record key is the score key")
        }
        return scores
    }
}

/// Builders of scoring facts for the totals-stage tests.
enum TotalsFixtures {
    static let shop = "shop-jd-3c"
    static let agent = ScoreSubject(kind: .agent, id: "A-hz-a01")
    static let team = ScoreSubject(kind: .team, id: "T-hz-a")

    static func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    static func attribution(agent: String? = "A-hz-a01", team: String? = "T-hz-a") -> FactAttribution {
        FactAttribution(shop: shop, site: "hz", vendor: "V-BAIXING", team: team, agent: agent)
    }

    /// Returns a conversation fact whose replied rounds waited `waits` seconds each.
    static func conversation(_ id: String, for subject: ScoreSubject = agent, revision: Int = 1, at time: String,
                             waits: [Int] = [20], unanswered: Int = 0, retracted: Bool = false) throws -> ScoringFact {
        let start = try self.time(time)
        let payload = ConversationFact(
            lastMessageAt: Timestamp(epochMilliseconds: start.epochMilliseconds + 600_000),
            responseSeconds: waits, unansweredRounds: unanswered, convertingOrder: nil)
        return ScoringFact(subject: subject, factId: "conversation/\(shop)/\(id)", revision: revision,
                           kind: .conversation, retracted: retracted, time: start, attribution: attribution(),
                           conversation: retracted ? nil : payload)
    }

    /// Returns an order fact paid at `time` and sold by `agent`, or by no agent for nil.
    static func order(_ id: String, for subject: ScoreSubject = team, revision: Int = 1, at time: String,
                      amount: Decimal, agent: String?) throws -> ScoringFact {
        ScoringFact(subject: subject, factId: "order/\(shop)/\(id)", revision: revision, kind: .order,
                    time: try self.time(time), attribution: attribution(agent: agent),
                    order: OrderFact(orderId: id, amount: amount, currency: "CNY", campaign: nil))
    }

    /// Returns a keyword alert fact raised at `time`.
    static func alert(_ id: String, for subject: ScoreSubject = agent, at time: String) throws -> ScoringFact {
        ScoringFact(subject: subject, factId: "alert/\(id)", revision: 1, kind: .alert, time: try self.time(time),
                    attribution: attribution(), alert: AlertFact(kind: .keyword, category: .complaint))
    }
}

extension Array where Element == Score {
    /// The scores by record key; the last one wins, as compaction keeps it.
    var byKey: [String: Score] {
        var scores: [String: Score] = [:]
        for score in self {
            scores[score.recordKey ?? ""] = score
        }
        return scores
    }
}

/// Kafka records of facts for tests that drive a processor without the harness.
enum KafkaRecordFixture {
    static func record(_ fact: ScoringFact, topic: String) throws -> KafkaRecord {
        KafkaRecord(topic: topic, partition: 0, offset: 0, key: Array(fact.subject.key.utf8),
                    value: try EventCoding.encode(fact), timestampMilliseconds: nil)
    }
}
