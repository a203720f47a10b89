import VigilContracts

/// The queries the console's pages and event stream make of its read model.
///
/// `ConsoleReadModel` implements them over the console's SQLite store. The
/// handler takes the protocol, so its pages can be tested over any
/// collection of contract values. Every method may be called from many HTTP
/// threads at once and throws on store errors, which the pages turn into 503.
public protocol ConsoleReadModelReading: Sendable {
    /// Newest first, at most `limit`. vendor nil = all vendors.
    func recentAlerts(vendor: String?, limit: Int) throws -> [ConsoleAlert]
    /// Alerts with sequence > `sequence`, oldest first, at most `limit` (the live stream polls this).
    func alerts(after sequence: Int64, vendor: String?, limit: Int) throws -> [ConsoleAlert]
    /// Cases whose state is not resolved, soonest next deadline first (cases without a deadline last).
    func openCases(vendor: String?) throws -> [CaseFile]
    /// Any case by id, whatever its vendor: the caller checks `viewer.mayView(vendor: file.vendor)`.
    func caseFile(id: String) throws -> CaseFile?
    /// Cases that have a rectification status or plan, newest first.
    func rectifications(vendor: String?) throws -> [CaseFile]
    /// Returns the latest period of `periodKind` for subjects of `kind` and every row of that period, best
    /// total first (rows without a scorecard total last). `vendor` filters the rows; shops come only for nil.
    func league(kind: ScoreSubjectKind, periodKind: ScorePeriodKind, vendor: String?) throws
        -> (period: ScorePeriod?, rows: [ConsoleScoreRow])
    /// Day scores of subjects of `kind` over the last `days` days that have scores, oldest first.
    func dailyTrend(kind: ScoreSubjectKind, vendor: String?, days: Int) throws -> [ConsoleScoreRow]
    /// Returns the roster person as of the latest roster record.
    func person(id: String) throws -> RosterPerson?
    /// Returns the latest event time read on alerts and case events, nil before any. Time left on a
    /// deadline is `dueAt` minus this, so a replayed history shows the time left it had then.
    func eventClock() throws -> Timestamp?
}
