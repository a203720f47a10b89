import VigilContracts
import VigilStore

/// The case records, one row per case, and each thread's current case: the
/// one with the highest sequence.
struct CaseStore {
    static func registerMigrations(in migrator: inout Migrator) {
        // Cases of escalation-1 carried no severity; they come over as medium,
        // open, with no deadlines. Their links are on the case-events topic.
        migrator.register("escalation-2-case-records", sql: """
            CREATE TABLE case_records (
                case_id TEXT PRIMARY KEY,
                shop TEXT NOT NULL,
                buyer TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                state TEXT NOT NULL,
                severity TEXT NOT NULL,
                agent TEXT,
                conversation_id TEXT,
                team TEXT,
                site TEXT,
                vendor TEXT,
                opened_at TEXT NOT NULL,
                acknowledged_at TEXT,
                acknowledged_by TEXT,
                assignee TEXT,
                resolved_at TEXT,
                regulator_escalated INTEGER NOT NULL,
                follow_up_started INTEGER NOT NULL,
                cause TEXT,
                responsibilities BLOB NOT NULL,
                review BLOB,
                rectification TEXT,
                rectification_due_at TEXT,
                plan TEXT,
                UNIQUE (shop, buyer, sequence)
            ) STRICT;
            INSERT INTO case_records (case_id, shop, buyer, sequence, state, severity, agent, conversation_id,
                                      opened_at, regulator_escalated, follow_up_started, responsibilities)
                SELECT case_id, shop, buyer, 1, 'open', 'medium', agent, conversation_id,
                       strftime('%Y-%m-%dT%H:%M:%SZ', opened_at_ms / 1000, 'unixepoch'), 0, 0, CAST('[]' AS BLOB)
                FROM cases;
            DROP TABLE case_links;
            DROP TABLE cases;
            """)
    }

    private static let columns = """
        case_id, shop, buyer, sequence, state, severity, agent, conversation_id, team, site, vendor, opened_at,
        acknowledged_at, acknowledged_by, assignee, resolved_at, regulator_escalated, follow_up_started, cause,
        responsibilities, review, rectification, rectification_due_at, plan
        """

    /// Returns the case with this id.
    func record(_ caseId: String, in database: Database) throws -> CaseRecord? {
        try database.query("SELECT \(Self.columns) FROM case_records WHERE case_id = ?", [caseId])
            .first.map(Self.record(from:))
    }

    /// Returns the thread's latest case, resolved or not.
    func current(of thread: ThreadKey, in database: Database) throws -> CaseRecord? {
        try database.query("""
            SELECT \(Self.columns) FROM case_records WHERE shop = ? AND buyer = ? ORDER BY sequence DESC LIMIT 1
            """, [thread.shop, thread.buyer]).first.map(Self.record(from:))
    }

    /// Inserts or replaces a case.
    func save(_ record: CaseRecord, in database: Database) throws {
        let values: [any DatabaseValueConvertible] = [
            record.caseId, record.shop, record.buyer, record.sequence, record.state.rawValue,
            record.severity.rawValue, record.agent, record.conversationId, record.team, record.site, record.vendor,
            record.openedAt.iso8601, record.acknowledgedAt?.iso8601, record.acknowledgedBy, record.assignee,
            record.resolvedAt?.iso8601, record.regulatorEscalated, record.followUpStarted, record.cause?.rawValue,
            try EventCoding.encode(record.responsibilities), try record.review.map { try EventCoding.encode($0) },
            record.rectification?.rawValue, record.rectificationDueAt?.iso8601, record.plan,
        ]
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try database.run("INSERT OR REPLACE INTO case_records (\(Self.columns)) VALUES (\(placeholders))", values)
    }

    // MARK: - Rows

    private static func record(from row: Row) throws -> CaseRecord {
        func text(_ index: Int) -> String? { row[index].string }
        func time(_ index: Int) throws -> Timestamp? {
            guard let value = text(index) else { return nil }
            guard let time = TimestampFormat.parse(value) else { throw CaseStoreError(message: "bad time \(value)") }
            return time
        }
        func value<Value: RawRepresentable>(_ index: Int, as type: Value.Type) throws -> Value?
        where Value.RawValue == String {
            guard let raw = text(index) else { return nil }
            guard let parsed = Value(rawValue: raw) else { throw CaseStoreError(message: "bad value \(raw)") }
            return parsed
        }

        guard let caseId = text(0), let shop = text(1), let buyer = text(2), let sequence = row[3].int,
              let state = try value(4, as: CaseState.self), let severity = try value(5, as: Severity.self),
              let openedAt = try time(11)
        else { throw CaseStoreError(message: "case row without its required columns") }
        return CaseRecord(
            caseId: caseId, shop: shop, buyer: buyer, sequence: sequence, state: state, severity: severity,
            agent: text(6), conversationId: text(7), team: text(8), site: text(9), vendor: text(10),
            openedAt: openedAt, acknowledgedAt: try time(12), acknowledgedBy: text(13), assignee: text(14),
            resolvedAt: try time(15), regulatorEscalated: row[16].int == 1, followUpStarted: row[17].int == 1,
            cause: try value(18, as: CaseCause.self),
            responsibilities: try EventCoding.decode([CaseResponsibility].self, from: row[19].bytes ?? Array("[]".utf8)),
            review: try row[20].bytes.map { try EventCoding.decode(CaseReview.self, from: $0) },
            rectification: try value(21, as: RectificationStatus.self), rectificationDueAt: try time(22),
            plan: text(23))
    }
}

/// A stored case that cannot be read back; only a damaged store gives one.
struct CaseStoreError: Error, CustomStringConvertible {
    var message: String
    var description: String { "case store: \(message)" }
}
