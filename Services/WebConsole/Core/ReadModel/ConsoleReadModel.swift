import VigilContracts
import VigilRuntime
import VigilStore

/// Read side, safe to call from many HTTP threads at once. It lends each
/// call one connection of a small locked pool, and the store is in WAL mode.
/// All methods throw on store errors.
///
/// Every method that takes `vendor` returns only rows of that vendor, or of
/// every vendor when it is nil. The empty string, the filter of a viewer
/// without a vendor, matches no row, and rows whose vendor is unknown match
/// only nil.
public final class ConsoleReadModel: Sendable {
    let pool: ConnectionPool

    /// Opens the store at `path`, creating it and its tables when the feed has not yet done so.
    /// - Throws: ``StoreFault`` when SQLite cannot use the file.
    public init(path: String) throws {
        do {
            let database = try ConsoleSchema.open(path: path, check: false)
            pool = ConnectionPool(path: path)
            pool.add(database)
        } catch let error as DatabaseError {
            throw StoreFault(error)
        }
    }

    /// Runs one query on a pooled connection, turning SQLite errors into a ``StoreFault``.
    func read<Result>(_ body: (Database) throws -> Result) throws -> Result {
        do {
            return try pool.withConnection(body)
        } catch let error as DatabaseError {
            throw StoreFault(error)
        }
    }

    // MARK: - Alerts

    /// Newest first, at most `limit`. vendor nil = all vendors.
    public func recentAlerts(vendor: String?, limit: Int) throws -> [ConsoleAlert] {
        let scope = VendorScope(vendor)
        guard !scope.matchesNothing, limit > 0 else { return [] }
        let filter = scope.condition(on: "vendor")
        return try read { database in
            try database.query("""
                SELECT sequence, vendor, alert FROM console_alerts WHERE \(filter.sql)
                ORDER BY sequence DESC LIMIT ?
                """, filter.bindings + [limit]).map(Self.alert)
        }
    }

    /// Alerts with sequence > `sequence`, oldest first, at most `limit` (the SSE stream polls this).
    public func alerts(after sequence: Int64, vendor: String?, limit: Int) throws -> [ConsoleAlert] {
        let scope = VendorScope(vendor)
        guard !scope.matchesNothing, limit > 0 else { return [] }
        let filter = scope.condition(on: "vendor")
        return try read { database in
            try database.query("""
                SELECT sequence, vendor, alert FROM console_alerts WHERE sequence > ? AND \(filter.sql)
                ORDER BY sequence LIMIT ?
                """, [sequence] + filter.bindings + [limit]).map(Self.alert)
        }
    }

    private static func alert(_ row: Row) throws -> ConsoleAlert {
        ConsoleAlert(sequence: row[0].int64 ?? 0,
                     alert: try EventCoding.decode(Alert.self, from: row[2].bytes ?? []),
                     vendor: row[1].string)
    }

    // MARK: - Roster and clock

    /// Returns the roster person, as of the latest roster record.
    public func person(id: String) throws -> RosterPerson? {
        try read { database in
            let stored = try database.scalar("SELECT person FROM console_roster WHERE person_id = ?", [id])
            guard let bytes = stored.bytes else { return nil }
            return try EventCoding.decode(RosterPerson.self, from: bytes)
        }
    }

    /// Returns the latest event time the console has seen on alerts and case events (the pipeline's "now" in
    /// event time), nil before any. Time left on a deadline is dueAt minus this, so a replayed history reads
    /// sensibly.
    ///
    /// Watermarks on the alerts topic count too, so the clock moves while no
    /// alert arrives. It keeps the UTC offset of the event that set it.
    public func eventClock() throws -> Timestamp? {
        try read { database in
            guard let row = try database.query("SELECT latest_ms, utc_offset_seconds FROM console_clock").first,
                  let milliseconds = row[0].int64 else { return nil }
            return Timestamp(epochMilliseconds: milliseconds, utcOffsetSeconds: Int32(row[1].int64 ?? 0))
        }
    }
}
