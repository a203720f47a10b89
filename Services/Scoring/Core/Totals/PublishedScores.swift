import VigilContracts
import VigilStore

/// The event id and `asOf` of the score last queued per score key, so an
/// unchanged score is not published again.
///
/// A score's event id hashes its figures, scorecard result and standing but
/// not `asOf`, so both are compared: what the stage publishes last for a key
/// then depends only on the facts, not on how they were split into batches.
struct PublishedScores {
    /// Returns true, and records the score, when its event id or `asOf` differs from the last one queued for its key.
    func markNew(_ score: Score, in database: Database) throws -> Bool {
        let key = Score.recordKey(subject: score.subject, period: score.period)
        let asOf = score.asOf.epochMilliseconds
        let previous = try database.query("SELECT event_id, as_of_ms FROM published_scores WHERE score_key = ?",
                                          [key]).first
        if let previous, previous[0].string == score.eventId, previous[1].int64 == asOf {
            return false
        }

        try database.run("""
            INSERT INTO published_scores (score_key, event_id, as_of_ms) VALUES (?, ?, ?)
            ON CONFLICT (score_key) DO UPDATE SET event_id = excluded.event_id, as_of_ms = excluded.as_of_ms
            """, [key, score.eventId, asOf])
        return true
    }
}
