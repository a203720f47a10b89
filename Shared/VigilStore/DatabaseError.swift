import CSQLite
#if canImport(Glibc)
import Glibc
#endif

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
    /// The database file, when the failure came from an open connection.
    public var path: String?
    /// The `errno` SQLite recorded for a failed operating-system call
    /// (`sqlite3_system_errno`), or 0. SQLite 3.40 reads the global errno
    /// after its own cleanup, so a failed write often leaves 0 here.
    public var systemErrno: Int32 = 0

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code & 0xff
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Reads the error state of a connection after a failed call.
    init(connection: OpaquePointer?, resultCode: Int32, sql: String?, message: String? = nil) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? resultCode
        let text = message
            ?? connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(resultCode))
        self.init(code: resultCode, extendedCode: extended, message: text, sql: sql)
        if let connection {
            // The errno of an older failure stays readable, so only the codes of OS failures take it.
            if [SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL].contains(code) {
                systemErrno = sqlite3_system_errno(connection)
            }
            // An empty name means a temporary or in-memory database.
            path = sqlite3_db_filename(connection, "main").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// True when the database file is damaged or not a database.
    public var isCorruption: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }

    /// True when the disk or the file system quota is full. SQLite reports
    /// SQLITE_FULL for ENOSPC, and SQLITE_IOERR for EDQUOT and EFBIG (the
    /// file-size limit, RLIMIT_FSIZE), which count only when SQLite kept their errno.
    public var isDiskFull: Bool {
        code == SQLITE_FULL || (code == SQLITE_IOERR && [ENOSPC, EDQUOT, EFBIG].contains(systemErrno))
    }

    /// True for SQLITE_IOERR: the operating system failed a read, write or sync of the file.
    public var isIOError: Bool { code == SQLITE_IOERR }

    /// True when the statement's values caused the failure (a constraint, a
    /// value too large, a type mismatch), so the same statement with other
    /// values can succeed on the same connection.
    public var isCausedByValues: Bool {
        code == SQLITE_CONSTRAINT || code == SQLITE_TOOBIG || code == SQLITE_MISMATCH
    }

    public var description: String {
        var text = "SQLite error \(code) (extended \(extendedCode)): \(message)"
        if let sql {
            text += " in \"\(sql)\""
        }
        if let path, !message.contains(path) {
            text += " on \(path)"
        }
        if systemErrno != 0 {
            text += " (\(String(cString: strerror(systemErrno))), errno \(systemErrno))"
        }
        return text
    }
}
