import VigilStore

/// The ids of input events already applied, so a republished duplicate changes nothing.
///
/// Offsets alone cannot catch these: an upstream service that crashed after
/// publishing but before clearing its outbox publishes the same events again
/// at new offsets, with the same ids.
public final class AppliedEvents {
    private let database: Database

    init(database: Database) {
        self.database = database
    }

    /// Records the id and returns true the first time; returns false for an id seen before.
    public func markApplied(_ eventId: String) throws -> Bool {
        try database.run("INSERT OR IGNORE INTO vigil_applied_events (event_id) VALUES (?)", [eventId])
        return database.changes == 1
    }
}
