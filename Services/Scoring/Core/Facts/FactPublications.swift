import VigilContracts
import VigilStore

/// The last publication of each fact for each subject, so a fact is published
/// again only when its content for that subject changed or it derives from
/// more inputs than before.
///
/// A revision is the number of input records the content derives from. An
/// input that leaves the content as it was (a note on a case) still raises the
/// revision, so the latest revision counts every input, however the inputs
/// were split into batches. A process that takes over a partition, or a
/// replay, rebuilds it from the start in other batches and ends on the same
/// revision with the same content. Only when the content changed without a
/// new input (a roster change) does it take the next number instead.
/// A subject the fact no longer counts for gets a retraction, numbered the
/// same way, which repeats the time and attribution it was last published
/// with, so the totals stage can find what to remove. A subject that comes
/// back later continues above its retraction.
struct FactPublications {
    /// One stored publication.
    private struct Published {
        var revision: Int
        var fingerprint: String
        var retracted: Bool
        var fact: ScoringFact
    }

    /// Returns the records that bring the published state of `factId` up to
    /// `content` (nil when the fact no longer exists), and stores them as published.
    /// Updates come in subject order, then retractions in subject order.
    func publish(factId: String, content: FactContent?, in database: Database) throws -> [ScoringFact] {
        let published = try load(factId: factId, in: database)
        var records: [ScoringFact] = []

        let subjects = content?.attribution.subjects ?? []
        if let content {
            for subject in subjects {
                let fingerprint = try content.fingerprint(id: factId, for: subject)
                let previous = published[subject.key]
                if let previous, !previous.retracted, previous.fingerprint == fingerprint,
                   content.inputCount <= previous.revision {
                    continue
                }
                let revision = max(content.inputCount, (previous?.revision ?? 0) + 1)
                let fact = content.fact(id: factId, for: subject, revision: revision)
                try save(fact, fingerprint: fingerprint, in: database)
                records.append(fact)
            }
        }

        let kept = Set(subjects.map(\.key))
        let dropped = published.values.filter { !$0.retracted && !kept.contains($0.fact.subject.key) }
        for previous in dropped.sorted(by: { $0.fact.subject < $1.fact.subject }) {
            let retraction = ScoringFact(
                subject: previous.fact.subject, factId: factId,
                revision: max(content?.inputCount ?? 0, previous.revision + 1),
                kind: previous.fact.kind, retracted: true, time: previous.fact.time,
                attribution: previous.fact.attribution)
            try save(retraction, fingerprint: "", in: database)
            records.append(retraction)
        }
        return records
    }

    // MARK: - Storage

    private func load(factId: String, in database: Database) throws -> [String: Published] {
        let rows = try database.query("""
            SELECT subject_key, revision, fingerprint, retracted, fact FROM published_facts WHERE fact_id = ?
            """, [factId])
        var published: [String: Published] = [:]
        for row in rows {
            guard let key = row[0].string, let revision = row[1].int, let fingerprint = row[2].string,
                  let retracted = row[3].int, let bytes = row[4].bytes
            else {
                throw FactsStoreError(message: "published fact \(factId) has a damaged row")
            }
            let fact = try EventCoding.decode(ScoringFact.self, from: bytes)
            published[key] = Published(revision: revision, fingerprint: fingerprint, retracted: retracted != 0,
                                       fact: fact)
        }
        return published
    }

    private func save(_ fact: ScoringFact, fingerprint: String, in database: Database) throws {
        try database.run("""
            INSERT INTO published_facts (fact_id, subject_key, revision, fingerprint, retracted, fact)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (fact_id, subject_key) DO UPDATE SET
                revision = excluded.revision, fingerprint = excluded.fingerprint,
                retracted = excluded.retracted, fact = excluded.fact
            """, [fact.factId, fact.subject.key, fact.revision, fingerprint, fact.retracted,
                  try EventCoding.encode(fact)])
    }
}
