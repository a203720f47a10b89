import CSQLite

/// One connection to a SQLite file in WAL mode.
///
/// Not Sendable: a connection is confined to the thread that opened it, which
/// is why it is opened with SQLITE_OPEN_NOMUTEX. Each service owns exactly one.
public final class Database {
    /// The file path.
    public let path: String
    private let connection: OpaquePointer
    private var statementCache: [String: Statement] = [:]
    private var transactionDepth = 0

    /// Opens (creating if needed) the database at `path`, switches it to WAL
    /// and checks that the switch took effect, because WAL is what lets a
    /// reader such as `sqlite3` inspect the file while the service writes.
    ///
    /// - Parameter busyTimeoutMilliseconds: how long a statement waits for
    ///   another connection's lock before failing with SQLITE_BUSY.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &connection, flags, nil)
        guard result == SQLITE_OK, let connection else {
            let failure = DatabaseError(connection: connection, resultCode: result, sql: nil)
            sqlite3_close_v2(connection)
            var error = DatabaseError(code: failure.code, extendedCode: failure.extendedCode,
                                      message: "could not open \(path): \(failure.message)")
            error.path = path
            error.systemErrno = failure.systemErrno
            throw error
        }
        self.path = path
        self.connection = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)

        let mode: String?
        do {
            mode = try query("PRAGMA journal_mode=WAL").first?[0].string
        } catch let error as DatabaseError {
            // The first statement is where SQLite finds a file that is not a database.
            var opening = DatabaseError(code: error.code, extendedCode: error.extendedCode,
                                        message: "could not open \(path): \(error.message)", sql: error.sql)
            opening.path = path
            opening.systemErrno = error.systemErrno
            throw opening
        }
        guard mode?.lowercased() == "wal" else {
            var error = DatabaseError(code: SQLITE_CANTOPEN,
                                      message: "could not switch \(path) to WAL mode (journal_mode is \(mode ?? "unknown"))")
            error.path = path
            throw error
        }
        // NORMAL is safe in WAL mode against process crashes. A power loss may
        // drop the last transactions, and those are replayed from Kafka,
        // because the consumed offsets roll back with them.
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(connection)
    }

    // MARK: - Statements

    /// Runs one or more statements that take no parameters and return no rows.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(connection, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(result))
            sqlite3_free(message)
            throw DatabaseError(connection: connection, resultCode: result, sql: sql, message: text)
        }
    }

    /// Runs one statement with bound values and returns its rows.
    /// The prepared statement is cached by its SQL text.
    @discardableResult
    public func query(_ sql: String, _ bindings: [any DatabaseValueConvertible] = []) throws -> [Row] {
        try statement(sql).run(bindings)
    }

    /// Runs one statement with bound values and discards any rows.
    public func run(_ sql: String, _ bindings: [any DatabaseValueConvertible] = []) throws {
        try statement(sql).run(bindings)
    }

    /// Returns the first column of the first row, or `.null` without rows.
    public func scalar(_ sql: String, _ bindings: [any DatabaseValueConvertible] = []) throws -> DatabaseValue {
        try query(sql, bindings).first?[0] ?? .null
    }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    public var changes: Int { Int(sqlite3_changes(connection)) }

    private func statement(_ sql: String) throws -> Statement {
        if let cached = statementCache[sql] {
            return cached
        }
        let statement = try Statement(connection: connection, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    // MARK: - Transactions

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    /// Nested calls become savepoints, so an inner failure undoes only the inner work.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        let savepoint = "vigil_\(transactionDepth)"
        if transactionDepth == 0 {
            try execute("BEGIN IMMEDIATE")
        } else {
            try execute("SAVEPOINT \(savepoint)")
        }
        transactionDepth += 1

        let result: Result
        do {
            result = try body()
        } catch {
            transactionDepth -= 1
            if transactionDepth == 0 {
                try? execute("ROLLBACK")
            } else {
                try? execute("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            }
            throw error
        }

        transactionDepth -= 1
        do {
            if transactionDepth == 0 {
                try execute("COMMIT")
            } else {
                try execute("RELEASE \(savepoint)")
            }
        } catch {
            if transactionDepth == 0 {
                try? execute("ROLLBACK")
            }
            throw error
        }
        return result
    }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(connection) == 0 }

    // MARK: - Integrity

    /// Runs `PRAGMA quick_check`, which reads every page of the file but,
    /// unlike `integrity_check`, does not compare the indexes with their tables.
    /// - Throws: a ``DatabaseError`` with SQLITE_CORRUPT listing up to five
    ///   problems the check found, or the error SQLite raised while reading.
    public func quickCheck() throws {
        let sql = "PRAGMA quick_check(5)"
        // A row may hold several problems on lines of their own.
        let problems = try query(sql).compactMap { $0[0].string }.flatMap { $0.split(separator: "\n").map(String.init) }
        guard problems != ["ok"] else { return }
        var error = DatabaseError(code: SQLITE_CORRUPT,
                                  message: "integrity check failed: \(problems.joined(separator: "; "))", sql: sql)
        error.path = path
        throw error
    }
}
