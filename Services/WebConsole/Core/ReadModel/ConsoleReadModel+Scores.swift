import VigilContracts
import VigilStore

// MARK: - Scores

extension ConsoleReadModel {
    /// Returns the latest period of `periodKind` present for subjects of `kind`, and every row of that period, best total
    /// first (rows without a scorecard total last). vendor filters the rows (shops only for vendor nil).
    ///
    /// The latest period is the latest start among the rows the vendor may
    /// see that have a scorecard total. So another vendor's later scores
    /// cannot empty a vendor's table, and a day with complaints but no
    /// conversations is passed over. Without any total, the latest period of
    /// any row is taken. Rows with
    /// equal totals come by name, then subject id.
    public func league(kind: ScoreSubjectKind, periodKind: ScorePeriodKind, vendor: String?) throws
        -> (period: ScorePeriod?, rows: [ConsoleScoreRow]) {
        let scope = VendorScope(vendor)
        guard !scope.matchesNothing else { return (nil, []) }
        let filter = scope.condition(on: "vendor")
        return try read { database in
            let latest = try database.scalar("""
                SELECT period_key FROM console_scores
                WHERE subject_kind = ? AND period_kind = ? AND \(filter.sql)
                ORDER BY total IS NULL, period_start DESC, period_key DESC LIMIT 1
                """, [kind.rawValue, periodKind.rawValue] + filter.bindings)
            guard let periodKey = latest.string else { return (nil, []) }

            let rows = try database.query("""
                SELECT score, vendor, name FROM console_scores
                WHERE subject_kind = ? AND period_key = ? AND \(filter.sql)
                ORDER BY total IS NULL, total DESC, name, subject_id
                """, [kind.rawValue, periodKey] + filter.bindings).map(Self.scoreRow)
            return (rows.first?.score.period, rows)
        }
    }

    /// Day scores of subjects of `kind` over the last `days` days that have scores, oldest first.
    ///
    /// The days are those with a score the vendor may see. Rows of one day
    /// come by subject id.
    public func dailyTrend(kind: ScoreSubjectKind, vendor: String?, days: Int) throws -> [ConsoleScoreRow] {
        let scope = VendorScope(vendor)
        guard !scope.matchesNothing, days > 0 else { return [] }
        let filter = scope.condition(on: "vendor")
        let dayKind = ScorePeriodKind.day.rawValue
        return try read { database in
            let firstDay = try database.query("""
                SELECT DISTINCT period_start FROM console_scores
                WHERE subject_kind = ? AND period_kind = ? AND \(filter.sql)
                ORDER BY period_start DESC LIMIT ?
                """, [kind.rawValue, dayKind] + filter.bindings + [days]).last?[0].string
            guard let firstDay else { return [] }

            return try database.query("""
                SELECT score, vendor, name FROM console_scores
                WHERE subject_kind = ? AND period_kind = ? AND period_start >= ? AND \(filter.sql)
                ORDER BY period_start, subject_id
                """, [kind.rawValue, dayKind, firstDay] + filter.bindings).map(Self.scoreRow)
        }
    }

    private static func scoreRow(_ row: Row) throws -> ConsoleScoreRow {
        ConsoleScoreRow(score: try EventCoding.decode(Score.self, from: row[0].bytes ?? []),
                        vendor: row[1].string, name: row[2].string ?? "")
    }
}
