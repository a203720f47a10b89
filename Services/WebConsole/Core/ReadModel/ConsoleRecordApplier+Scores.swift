import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

// MARK: - Scores

extension ConsoleRecordApplier {
    /// Keeps the latest score per subject and period, as the compacted topic
    /// does, with the subject's vendor and name. A tombstone deletes its key.
    func applyScore(_ record: KafkaRecord) throws {
        if record.value.isEmpty {
            guard let key = record.keyString else {
                throw RecordRejection(.invalidField, "score tombstone without a key")
            }
            try database.run("DELETE FROM console_scores WHERE record_key = ?", [key])
            return
        }

        let score = try RecordDecoding.decode(Score.self, from: record.value)
        let subject = score.subject
        try database.run("""
            INSERT INTO console_scores (record_key, subject_kind, subject_id, period_kind, period_start, period_key,
                vendor, name, total, score)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (record_key) DO UPDATE SET subject_kind = excluded.subject_kind,
                subject_id = excluded.subject_id, period_kind = excluded.period_kind,
                period_start = excluded.period_start, period_key = excluded.period_key, vendor = excluded.vendor,
                name = excluded.name, total = excluded.total, score = excluded.score
            """, [Score.recordKey(subject: subject, period: score.period), subject.kind.rawValue, subject.id,
                  score.period.kind.rawValue, score.period.start, score.period.key,
                  try resolver.vendor(of: subject), try resolver.name(of: subject), score.scorecard?.total,
                  try EventCoding.encode(score)])
    }

    /// Resolves the vendor and name of the stored scores of `subjects` again,
    /// after a roster change: a score is current state, so it follows the roster.
    func refreshScores(of subjects: Set<ScoreSubject>) throws {
        for subject in subjects.sorted() {
            try database.run("""
                UPDATE console_scores SET vendor = ?, name = ? WHERE subject_kind = ? AND subject_id = ?
                """, [try resolver.vendor(of: subject), try resolver.name(of: subject), subject.kind.rawValue,
                      subject.id])
        }
    }
}
