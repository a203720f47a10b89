import Testing
import VigilStore

private func tableExists(_ name: String, in database: Database) throws -> Bool {
    try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).int64 == 1
}

private func recordedMigrations(_ database: Database) throws -> [String] {
    try database.query("SELECT identifier FROM vigil_migrations ORDER BY position").compactMap { $0[0].string }
}

@Suite("Migrator")
struct MigratorTests {
    @Test("applies migrations in order")
    func appliesInOrder() throws {
        try withTemporaryDatabase { database throws in
            var migrator = Migrator()
            migrator.register("001-people", sql: "CREATE TABLE people (id TEXT PRIMARY KEY)")
            migrator.register("002-teams", sql: "CREATE TABLE teams (id TEXT); ALTER TABLE people ADD COLUMN team TEXT")

            #expect(try migrator.migrate(database) == ["001-people", "002-teams"])
            #expect(try tableExists("people", in: database))
            #expect(try tableExists("teams", in: database))
            #expect(try database.query("SELECT team FROM people").isEmpty)
            #expect(try recordedMigrations(database) == ["001-people", "002-teams"])
            #expect(try database.query("SELECT position FROM vigil_migrations ORDER BY position")
                .compactMap { $0[0].int64 } == [0, 1])
        }
    }

    @Test("second migrate applies nothing")
    func appliesOnce() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory.appendingPathComponent("migrate.sqlite").path
            var migrator = Migrator()
            migrator.register("001-people", sql: "CREATE TABLE people (id TEXT PRIMARY KEY)")

            let database = try Database(path: path)
            #expect(try migrator.migrate(database) == ["001-people"])
            #expect(try migrator.migrate(database) == [])

            let reopened = try Database(path: path)
            #expect(try migrator.migrate(reopened) == [])
            #expect(try recordedMigrations(reopened) == ["001-people"])
        }
    }

    @Test("applies only new migrations")
    func appliesNewOnly() throws {
        try withTemporaryDatabase { database throws in
            var first = Migrator()
            first.register("001-people", sql: "CREATE TABLE people (id TEXT PRIMARY KEY)")
            try first.migrate(database)

            var second = Migrator()
            second.register("001-people", sql: "CREATE TABLE people (id TEXT PRIMARY KEY)")
            second.register("002-teams", sql: "CREATE TABLE teams (id TEXT)")
            #expect(try second.migrate(database) == ["002-teams"])
            #expect(try recordedMigrations(database) == ["001-people", "002-teams"])
        }
    }

    @Test("failing migration rolls back")
    func failingMigrationRollsBack() throws {
        try withTemporaryDatabase { database throws in
            var migrator = Migrator()
            migrator.register("001-people", sql: "CREATE TABLE people (id TEXT PRIMARY KEY)")
            migrator.register("002-broken", sql: "CREATE TABLE teams (id TEXT); INSERT INTO missing VALUES (1)")

            let error = #expect(throws: DatabaseError.self) {
                try migrator.migrate(database)
            }
            #expect(error?.message.contains("missing") == true)
            #expect(!database.isInTransaction)
            #expect(try tableExists("people", in: database))
            #expect(try !tableExists("teams", in: database))
            #expect(try recordedMigrations(database) == ["001-people"])
        }
    }

    @Test("fixed migration applies later")
    func fixedMigrationApplies() throws {
        try withTemporaryDatabase { database throws in
            var broken = Migrator()
            broken.register("001-teams", sql: "CREATE TABLE teams (id TEXT); INSERT INTO missing VALUES (1)")
            #expect(throws: DatabaseError.self) {
                try broken.migrate(database)
            }

            var fixed = Migrator()
            fixed.register("001-teams", sql: "CREATE TABLE teams (id TEXT)")
            #expect(try fixed.migrate(database) == ["001-teams"])
            #expect(try tableExists("teams", in: database))
        }
    }
}
