import VigilContracts
import VigilStore

/// Every subject's current facts: the table `subject_facts` and a cache of the
/// decoded facts that count.
///
/// Each batch recomputes whole periods (a month of a shop may contain
/// thousands of facts), so reading and decoding them from the table for every
/// batch would dominate the stage's time. The cache is filled per subject on
/// first use and then changed only together with the table, after the last
/// statement that can fail, so it never runs ahead of what the store commits.
/// NOTE: a batch whose transaction fails leaves the cache ahead of the store.
/// The stream service then stops, and the next start builds the cache afresh.
final class SubjectFacts {
    /// The stored state of a fact and subject before an update.
    struct Stored {
        var time: Timestamp
        var retracted: Bool
    }

    /// The outcome of ``apply(_:in:)``.
    enum Outcome {
        /// The revision is not newer than the stored one: a redelivery or a stale record.
        case ignored
        /// The fact replaced `previous`, which is nil for a new fact.
        case applied(previous: Stored?)
    }

    /// Counting facts by fact id, for the subjects loaded so far.
    private var cache: [String: [String: ScoringFact]] = [:]

    // MARK: - Updating

    /// Stores `fact` when its revision is newer than the stored one.
    func apply(_ fact: ScoringFact, in database: Database) throws -> Outcome {
        let key = fact.subject.key
        let row = try database.query("""
            SELECT revision, time_ms, retracted FROM subject_facts WHERE subject_key = ? AND fact_id = ?
            """, [key, fact.factId]).first
        var previous: Stored?
        if let row {
            guard let revision = row[0].int, let time = row[1].int64 else {
                throw TotalsStoreError(message: "stored fact \(fact.factId) of \(key) has no revision or time")
            }
            guard fact.revision > revision else { return .ignored }
            previous = Stored(time: Timestamp(epochMilliseconds: time), retracted: row[2].int != 0)
        }

        let body = String(decoding: try EventCoding.encode(fact), as: UTF8.self)
        try database.run("""
            INSERT INTO subject_facts (subject_key, fact_id, revision, kind, time_ms, retracted, body)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (subject_key, fact_id) DO UPDATE SET
                revision = excluded.revision, kind = excluded.kind, time_ms = excluded.time_ms,
                retracted = excluded.retracted, body = excluded.body
            """, [key, fact.factId, fact.revision, fact.kind.rawValue, fact.time.epochMilliseconds,
                  fact.retracted, body])

        if cache[key] != nil {
            cache[key]?[fact.factId] = fact.retracted ? nil : fact
        }
        return .applied(previous: previous)
    }

    // MARK: - Reading

    /// Returns the subject's facts that count and whose time is in `bounds`
    /// (epoch milliseconds, end excluded), ordered by time, then fact id.
    func current(of subject: ScoreSubject, in bounds: Range<Int64>, database: Database) throws -> [ScoringFact] {
        let facts = try loaded(subject, database: database).values
            .filter { bounds.contains($0.time.epochMilliseconds) }
        return facts.sorted { lhs, rhs in
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.factId < rhs.factId
        }
    }

    private func loaded(_ subject: ScoreSubject, database: Database) throws -> [String: ScoringFact] {
        if let facts = cache[subject.key] {
            return facts
        }
        var facts: [String: ScoringFact] = [:]
        let rows = try database.query("""
            SELECT fact_id, body FROM subject_facts WHERE subject_key = ? AND retracted = 0
            """, [subject.key])
        for row in rows {
            guard let factId = row[0].string, let body = row[1].string else {
                throw TotalsStoreError(message: "a stored fact of \(subject.key) has no id or body")
            }
            do {
                facts[factId] = try EventCoding.decode(ScoringFact.self, from: Array(body.utf8))
            } catch {
                throw TotalsStoreError(message: "stored fact \(factId) of \(subject.key) cannot be decoded: \(error)")
            }
        }
        cache[subject.key] = facts
        return facts
    }
}
