/// Applies schema changes in order, once each, recording them in `vigil_migrations`.
public struct Migrator {
    private var migrations: [(identifier: String, sql: String)] = []

    public init() {}

    /// Registers a migration; identifiers must be unique and migrations are
    /// never edited once released, only followed by new ones.
    public mutating func register(_ identifier: String, sql: String) {
        precondition(!migrations.contains { $0.identifier == identifier }, "duplicate migration \(identifier)")
        migrations.append((identifier, sql))
    }

    /// Applies the migrations the database has not seen, each in its own transaction.
    /// Returns the identifiers applied by this call.
    @discardableResult
    public func migrate(_ database: Database) throws -> [String] {
        try database.execute("""
            CREATE TABLE IF NOT EXISTS vigil_migrations (
                identifier TEXT PRIMARY KEY,
                position INTEGER NOT NULL
            ) STRICT
            """)
        let applied = Set(try database.query("SELECT identifier FROM vigil_migrations").compactMap { $0[0].string })

        var newlyApplied: [String] = []
        for (position, migration) in migrations.enumerated() where !applied.contains(migration.identifier) {
            try database.transaction {
                try database.execute(migration.sql)
                try database.run("INSERT INTO vigil_migrations (identifier, position) VALUES (?, ?)",
                                 [migration.identifier, position])
            }
            newlyApplied.append(migration.identifier)
        }
        return newlyApplied
    }
}
