import VigilStore

/// A service's SQLite file with the runtime's tables (offsets, outbox,
/// applied event ids) migrated next to the service's own.
public final class ServiceStore {
    public let database: Database
    public let outbox: Outbox
    public let appliedEvents: AppliedEvents
    let offsets: OffsetStore

    /// Opens the file and applies the runtime's migrations, then the service's.
    public init(path: String, registerMigrations: (inout Migrator) -> Void = { _ in }) throws {
        database = try Database(path: path)
        var migrator = Migrator()
        RuntimeSchema.register(in: &migrator)
        registerMigrations(&migrator)
        try migrator.migrate(database)
        outbox = Outbox(database: database)
        appliedEvents = AppliedEvents(database: database)
        offsets = OffsetStore(database: database)
    }
}
