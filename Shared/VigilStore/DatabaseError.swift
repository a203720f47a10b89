import CSQLite

/// A failed SQLite call, with SQLite's result codes and the statement involved.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_FULL …).
    public let code: Int32
    /// The extended result code, which tells apart e.g. SQLITE_IOERR_WRITE from SQLITE_IOERR_FSYNC.
    public let extendedCode: Int32
    /// SQLite's message for the failure.
    public let message: String
    /// The SQL that failed, if the failure came from a statement.
    public let sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code & 0xff
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Reads the error state of a connection after a failed call.
    init(connection: OpaquePointer?, resultCode: Int32, sql: String?) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? resultCode
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(resultCode))
        self.init(code: resultCode, extendedCode: extended, message: message, sql: sql)
    }

    /// True when the database file is damaged or not a database.
    public var isCorruption: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }

    /// True when the disk or the file system quota is full.
    public var isDiskFull: Bool { code == SQLITE_FULL }

    public var description: String {
        var text = "SQLite error \(code) (extended \(extendedCode)): \(message)"
        if let sql {
            text += " in \"\(sql)\""
        }
        return text
    }
}
