import Foundation
import VigilStore

/// A few SQLite connections to the console's store, lent to one thread at a time.
///
/// A ``Database`` belongs to one thread at a time (it is opened with
/// SQLITE_OPEN_NOMUTEX), so a caller borrows a connection for one query and
/// gives it back. Callers beyond the idle connections get a new one, and
/// at most `maxIdle` are kept afterwards. The store is in WAL mode, so
/// readers do not wait for the feed's writes, and the feed does not wait for readers.
final class ConnectionPool: @unchecked Sendable {
    let path: String
    private let maxIdle: Int
    private let lock = NSLock()
    private var idle: [Database] = []

    init(path: String, maxIdle: Int = 4) {
        self.path = path
        self.maxIdle = maxIdle
    }

    /// Adds an open connection to the idle ones.
    func add(_ database: Database) {
        lock.withLock { idle.append(database) }
    }

    /// Runs `body` with a connection no other thread uses meanwhile.
    func withConnection<Result>(_ body: (Database) throws -> Result) throws -> Result {
        let database = try lock.withLock { idle.popLast() } ?? Database(path: path)
        defer {
            lock.withLock {
                if idle.count < maxIdle {
                    idle.append(database)
                }
            }
        }
        return try body(database)
    }
}
