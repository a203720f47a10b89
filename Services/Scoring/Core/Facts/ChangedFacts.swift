import VigilStore

/// The facts the current batch changed, kept in the store so that a record
/// rolled back with its savepoint takes its marks with it.
struct ChangedFacts {
    func mark(_ reference: FactReference, in database: Database) throws {
        let columns = reference.columns
        try database.run("""
            INSERT OR IGNORE INTO dirty_facts (fact_id, kind, shop, item) VALUES (?, ?, ?, ?)
            """, [reference.factId, columns.kind, columns.shop, columns.item])
    }

    /// Removes and returns every marked fact, ordered by fact id.
    func take(from database: Database) throws -> [FactReference] {
        let rows = try database.query("SELECT kind, shop, item FROM dirty_facts ORDER BY fact_id")
        try database.run("DELETE FROM dirty_facts")
        return rows.compactMap { row in
            guard let kind = row[0].string, let shop = row[1].string, let item = row[2].string else { return nil }
            return FactReference(kind: kind, shop: shop, item: item)
        }
    }
}
