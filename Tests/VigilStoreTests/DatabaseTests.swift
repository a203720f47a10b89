import Foundation
import Testing
import VigilStore

// SQLite result codes, written out so the tests do not depend on the C module:
// SQLITE_ERROR 1, SQLITE_CONSTRAINT 19, SQLITE_RANGE 25, SQLITE_NOTADB 26,
// SQLITE_CONSTRAINT_PRIMARYKEY 1555 and SQLITE_CONSTRAINT_UNIQUE 2067.

private func values(_ database: Database, _ sql: String) throws -> [Int64] {
    try database.query(sql).compactMap { $0[0].int64 }
}

@Suite("Database opening")
struct DatabaseOpeningTests {
    @Test("WAL is on after open")
    func walOnAfterOpen() throws {
        try withTemporaryDatabase { database throws in
            #expect(try database.scalar("PRAGMA journal_mode").string == "wal")
        }
    }

    @Test("WAL persists for later connections")
    func walPersists() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory.appendingPathComponent("shared.sqlite").path
            let writer = try Database(path: path)
            try writer.execute("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)")
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))

            let reader = try Database(path: path)
            #expect(try reader.scalar("PRAGMA journal_mode").string == "wal")
            #expect(try reader.scalar("SELECT count(*) FROM t").int64 == 1)
            #expect(writer.path == path)
        }
    }

    @Test("pragmas set on open")
    func pragmasSet() throws {
        try withTemporaryDatabase { database throws in
            #expect(try database.scalar("PRAGMA foreign_keys").int64 == 1)
            // 1 is NORMAL.
            #expect(try database.scalar("PRAGMA synchronous").int64 == 1)
        }
    }

    @Test("garbage file reports corruption")
    func garbageFileIsCorruption() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory.appendingPathComponent("garbage.sqlite").path
            let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            try garbage.write(to: URL(fileURLWithPath: path))

            // SQLite reads the header lazily, so the failure surfaces in the
            // first statement that Database.init runs, the journal_mode switch.
            let error = #expect(throws: DatabaseError.self) {
                _ = try Database(path: path)
            }
            #expect(error?.isCorruption == true)
            #expect(error?.code == 26)
            #expect(error?.sql == "PRAGMA journal_mode=WAL")
        }
    }

    @Test("missing directory fails open")
    func missingDirectory() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory.appendingPathComponent("absent/test.sqlite").path
            let error = #expect(throws: DatabaseError.self) {
                _ = try Database(path: path)
            }
            // SQLITE_CANTOPEN.
            #expect(error?.code == 14)
            #expect(error?.isCorruption == false)
        }
    }
}

@Suite("Database transactions")
struct DatabaseTransactionTests {
    @Test("transaction commits on return")
    func commits() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER)")
            let result = try database.transaction {
                #expect(database.isInTransaction)
                try database.run("INSERT INTO t VALUES (?)", [1])
                return "done"
            }
            #expect(result == "done")
            #expect(!database.isInTransaction)
            #expect(try values(database, "SELECT v FROM t") == [1])
        }
    }

    @Test("transaction rolls back on throw")
    func rollsBack() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER)")
            #expect(throws: AbortTransaction()) {
                try database.transaction {
                    try database.run("INSERT INTO t VALUES (?)", [1])
                    throw AbortTransaction()
                }
            }
            #expect(!database.isInTransaction)
            #expect(try values(database, "SELECT v FROM t") == [])
        }
    }

    @Test("inner failure undoes inner work")
    func nestedFailureUndoesInnerOnly() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER)")
            try database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [1])
                #expect(throws: AbortTransaction()) {
                    try database.transaction {
                        try database.run("INSERT INTO t VALUES (?)", [2])
                        throw AbortTransaction()
                    }
                }
                #expect(database.isInTransaction)
                try database.run("INSERT INTO t VALUES (?)", [3])
            }
            #expect(!database.isInTransaction)
            #expect(try values(database, "SELECT v FROM t ORDER BY v") == [1, 3])
        }
    }

    @Test("inner success commits with outer")
    func nestedSuccessCommits() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER)")
            try database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [1])
                try database.transaction {
                    try database.run("INSERT INTO t VALUES (?)", [2])
                }
                // A second inner transaction after the first reuses the savepoint name.
                try database.transaction {
                    try database.run("INSERT INTO t VALUES (?)", [3])
                }
            }
            #expect(try values(database, "SELECT v FROM t ORDER BY v") == [1, 2, 3])
        }
    }

    @Test("outer failure undoes inner work")
    func outerFailureUndoesAll() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER)")
            #expect(throws: AbortTransaction()) {
                try database.transaction {
                    try database.transaction {
                        try database.run("INSERT INTO t VALUES (?)", [2])
                    }
                    throw AbortTransaction()
                }
            }
            #expect(!database.isInTransaction)
            #expect(try values(database, "SELECT v FROM t") == [])
        }
    }

    @Test("third-level failure undoes innermost only")
    func deepNesting() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER)")
            try database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [1])
                try database.transaction {
                    try database.run("INSERT INTO t VALUES (?)", [2])
                    try? database.transaction {
                        try database.run("INSERT INTO t VALUES (?)", [3])
                        throw AbortTransaction()
                    }
                    try database.run("INSERT INTO t VALUES (?)", [4])
                }
            }
            #expect(try values(database, "SELECT v FROM t ORDER BY v") == [1, 2, 4])
        }
    }

    @Test("transaction usable after rollback")
    func usableAfterRollback() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER)")
            try? database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [1])
                throw AbortTransaction()
            }
            try database.transaction {
                try database.run("INSERT INTO t VALUES (?)", [2])
            }
            #expect(try values(database, "SELECT v FROM t") == [2])
        }
    }
}

@Suite("Database bound values")
struct DatabaseBindingTests {
    /// Stores `value` in an untyped column, so SQLite keeps its storage class,
    /// and reads back the value and its `typeof`.
    private func storeAndRead(_ value: any DatabaseValueConvertible, in database: Database) throws -> (DatabaseValue, String?) {
        try database.execute("DROP TABLE IF EXISTS t; CREATE TABLE t (v)")
        try database.run("INSERT INTO t (v) VALUES (?)", [value])
        let row = try #require(try database.query("SELECT v, typeof(v) FROM t").first)
        return (row[0], row[1].string)
    }

    @Test("every value kind round trips", arguments: [
        (DatabaseValue.null, "null"),
        (.integer(0), "integer"),
        (.integer(Int64.max), "integer"),
        (.integer(Int64.min), "integer"),
        (.real(3.25), "real"),
        (.real(-0.000_1), "real"),
        (.text("plain"), "text"),
        (.text("中文 and emoji 🙂"), "text"),
        (.blob([0, 1, 2, 0x7f, 0x80, 0xff]), "blob"),
        (.blob([]), "blob"),
    ] as [(DatabaseValue, String)])
    func valueRoundTrips(value: DatabaseValue, storageClass: String) throws {
        try withTemporaryDatabase { database throws in
            let (stored, type) = try storeAndRead(value, in: database)
            #expect(stored == value)
            #expect(type == storageClass)
        }
    }

    @Test("empty string stays text")
    func emptyStringStaysText() throws {
        try withTemporaryDatabase { database throws in
            let (stored, type) = try storeAndRead("", in: database)
            #expect(stored == .text(""))
            #expect(type == "text")
            #expect(try database.scalar("SELECT count(*) FROM t WHERE v IS NULL").int64 == 0)
            #expect(try database.scalar("SELECT count(*) FROM t WHERE v = ''").int64 == 1)
        }
    }

    @Test("text keeps NUL byte")
    func textWithNulByte() throws {
        try withTemporaryDatabase { database throws in
            let text = "a\u{0}b"
            let (stored, type) = try storeAndRead(text, in: database)
            #expect(stored == .text(text))
            #expect(stored.string?.utf8.count == 3)
            #expect(type == "text")
            #expect(try database.scalar("SELECT length(CAST(v AS BLOB)) FROM t").int64 == 3)
        }
    }

    @Test("blob keeps its bytes")
    func blobRoundTrips() throws {
        try withTemporaryDatabase { database throws in
            let bytes: [UInt8] = Array(0...255)
            let (stored, type) = try storeAndRead(bytes, in: database)
            #expect(stored == .blob(bytes))
            #expect(stored.bytes == bytes)
            #expect(type == "blob")
            #expect(try database.scalar("SELECT length(v) FROM t").int64 == 256)
        }
    }

    @Test("Swift values bind", arguments: [
        (42 as Int, DatabaseValue.integer(42)),
        (Int32(-7), .integer(-7)),
        (Int64(1) << 40, .integer(1 << 40)),
        (true, .integer(1)),
        (false, .integer(0)),
        (2.5, .real(2.5)),
        (Optional<String>.none, .null),
        (Optional("x"), .text("x")),
    ] as [(any DatabaseValueConvertible & Sendable, DatabaseValue)])
    func swiftValuesBind(value: any DatabaseValueConvertible & Sendable, expected: DatabaseValue) throws {
        try withTemporaryDatabase { database throws in
            let (stored, _) = try storeAndRead(value, in: database)
            #expect(stored == expected)
        }
    }

    @Test("cached statement rebinds values")
    func cachedStatementRebinds() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (k TEXT, v)")
            try database.run("INSERT INTO t VALUES (?, ?)", ["a", 1])
            try database.run("INSERT INTO t VALUES (?, ?)", ["b", Optional<Int>.none])
            #expect(try database.scalar("SELECT v FROM t WHERE k = ?", ["a"]) == .integer(1))
            #expect(try database.scalar("SELECT v FROM t WHERE k = ?", ["b"]) == .null)
            #expect(try database.scalar("SELECT v FROM t WHERE k = ?", ["c"]) == .null)
        }
    }

    @Test("changes counts updated rows")
    func changesCount() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3)")
            try database.run("UPDATE t SET v = v + 10 WHERE v >= ?", [2])
            #expect(database.changes == 2)
        }
    }
}

@Suite("DatabaseError")
struct DatabaseErrorTests {
    @Test("unique violation carries codes")
    func uniqueViolation() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (name TEXT UNIQUE)")
            let sql = "INSERT INTO t (name) VALUES (?)"
            try database.run(sql, ["a"])
            let error = #expect(throws: DatabaseError.self) {
                try database.run(sql, ["a"])
            }
            #expect(error?.code == 19)
            #expect(error?.extendedCode == 2067)
            #expect(error?.sql == sql)
            #expect(error?.message.contains("UNIQUE") == true)
            #expect(error?.isCorruption == false)
            #expect(error?.description.contains("SQLite error 19 (extended 2067)") == true)
        }
    }

    @Test("primary key violation in execute")
    func primaryKeyViolationInExecute() throws {
        try withTemporaryDatabase { database throws in
            let sql = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a'), (1, 'b')"
            let error = #expect(throws: DatabaseError.self) {
                try database.execute(sql)
            }
            #expect(error?.code == 19)
            #expect(error?.extendedCode == 1555)
            #expect(error?.sql == sql)
        }
    }

    @Test("statement usable after constraint failure")
    func usableAfterFailure() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (name TEXT UNIQUE)")
            let sql = "INSERT INTO t (name) VALUES (?)"
            try database.run(sql, ["a"])
            #expect(throws: DatabaseError.self) {
                try database.run(sql, ["a"])
            }
            try database.run(sql, ["b"])
            #expect(try database.scalar("SELECT count(*) FROM t").int64 == 2)
        }
    }

    @Test("syntax error names the SQL")
    func syntaxError() throws {
        try withTemporaryDatabase { database throws in
            let sql = "SELEC 1"
            let error = #expect(throws: DatabaseError.self) {
                try database.query(sql)
            }
            #expect(error?.code == 1)
            #expect(error?.sql == sql)
            #expect(error?.description.contains(sql) == true)
        }
    }

    @Test("too few bound values fail")
    func tooFewBindings() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (a, b)")
            let sql = "INSERT INTO t VALUES (?, ?)"
            let error = #expect(throws: DatabaseError.self) {
                try database.run(sql, [1])
            }
            #expect(error?.code == 25)
            #expect(error?.sql == sql)
            #expect(error?.message == "wrong number of bound values: expected 2, got 1")
            #expect(try database.scalar("SELECT count(*) FROM t").int64 == 0)
        }
    }

    @Test("too many bound values fail")
    func tooManyBindings() throws {
        try withTemporaryDatabase { database throws in
            let error = #expect(throws: DatabaseError.self) {
                try database.query("SELECT ?", [1, 2])
            }
            #expect(error?.code == 25)
            #expect(error?.message == "wrong number of bound values: expected 1, got 2")
        }
    }

    @Test("primary code masks extended code")
    func primaryCodeMasks() {
        let error = DatabaseError(code: 2067, message: "UNIQUE constraint failed")
        #expect(error.code == 19)
        #expect(error.extendedCode == 2067)
        #expect(error.sql == nil)
    }

    @Test("corruption and full flags")
    func flags() {
        // SQLITE_CORRUPT 11, SQLITE_NOTADB 26, SQLITE_FULL 13.
        #expect(DatabaseError(code: 11, message: "").isCorruption)
        #expect(DatabaseError(code: 26, message: "").isCorruption)
        #expect(DatabaseError(code: 13, message: "").isDiskFull)
        #expect(!DatabaseError(code: 13, message: "").isCorruption)
    }
}

@Suite("Database integrity check")
struct DatabaseIntegrityTests {
    @Test("quick check passes healthy file")
    func healthyFilePasses() throws {
        try withTemporaryDatabase { database throws in
            try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
            try database.run("INSERT INTO t (text) VALUES (?)", ["x"])
            try database.quickCheck()
        }
    }

    @Test("quick check finds damaged page")
    func damagedPageFound() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory.appendingPathComponent("damaged.sqlite").path
            do {
                let database = try Database(path: path)
                try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
                try database.transaction {
                    for index in 0..<2_000 {
                        try database.run("INSERT INTO t (text) VALUES (?)", [String(repeating: "行\(index)", count: 20)])
                    }
                }
            }
            // Closing checkpointed the WAL into the file. Overwrite a page in its middle and keep the header.
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            let pages = try handle.seekToEnd() / 4_096
            #expect(pages > 10)
            try handle.seek(toOffset: pages / 2 * 4_096)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 4_096))
            try handle.close()

            let database = try Database(path: path)
            let error = #expect(throws: DatabaseError.self) { try database.quickCheck() }
            #expect(error?.isCorruption == true)
            #expect(error?.path == path)
        }
    }
}

@Suite("DatabaseError disk full")
struct DatabaseErrorDiskFullTests {
    @Test("file-size limit counts as full")
    func fileSizeLimitIsFull() {
        // SQLite reports EFBIG (errno 27, RLIMIT_FSIZE) as SQLITE_IOERR_WRITE (778), not SQLITE_FULL.
        var error = DatabaseError(code: 778, message: "disk I/O error")
        error.systemErrno = 27
        #expect(error.isDiskFull)
        #expect(!error.isCausedByValues)
        #expect(error.description.contains("File too large"))
    }

    @Test("constraint caused by values")
    func constraintCausedByValues() {
        #expect(DatabaseError(code: 2067, message: "UNIQUE constraint failed").isCausedByValues)
        #expect(!DatabaseError(code: 2067, message: "UNIQUE constraint failed").isDiskFull)
    }
}
