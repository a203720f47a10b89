import VigilContracts
import VigilStore

/// The event id of the score last queued per score key.
///
/// A score's event id hashes its figures, scorecard result and standing, so
/// an equal id means a consumer would learn nothing new, and the stage skips
/// it. `asOf` is not part of the id: a change that moves only `asOf` is not published.
struct PublishedScores {
    /// Returns true, and records the score, when its event id differs from the one last queued for its key.
    func markNew(_ score: Score, in database: Database) throws -> Bool {
        let key = Score.recordKey(subject: score.subject, period: score.period)
        let previous = try database.scalar("SELECT event_id FROM published_scores WHERE score_key = ?", [key]).string
        guard previous != score.eventId else { return false }

        try database.run("""
            INSERT INTO published_scores (score_key, event_id) VALUES (?, ?)
            ON CONFLICT (score_key) DO UPDATE SET event_id = excluded.event_id
            """, [key, score.eventId])
        return true
    }
}
