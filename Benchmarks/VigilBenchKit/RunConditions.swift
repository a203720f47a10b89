import Foundation

/// When and on what a benchmark ran, for the report's header and JSON:
/// figures from a loaded machine or another commit are not comparable.
public struct RunConditions: Sendable, Equatable {
    /// When the run started.
    public var date: Date
    /// The checked-out commit (`git rev-parse --short HEAD`), or nil outside a git checkout.
    public var commit: String?
    /// The machine's load averages when the run started and when it ended.
    public var loadBefore: LoadAverage?
    public var loadAfter: LoadAverage?

    public init(date: Date, commit: String?, loadBefore: LoadAverage?, loadAfter: LoadAverage? = nil) {
        self.date = date
        self.commit = commit
        self.loadBefore = loadBefore
        self.loadAfter = loadAfter
    }

    /// Returns the conditions at the start of a run: the date, the commit of the
    /// current folder's checkout and the load. ``finish()`` adds the load at the end.
    public static func atStart() -> RunConditions {
        RunConditions(date: Date(), commit: GitCommit.current(), loadBefore: LoadAverage.current())
    }

    /// Records the load average at the end of the run.
    public mutating func finish() {
        loadAfter = LoadAverage.current()
    }

    /// The start as ISO 8601 with the machine's UTC offset, such as `2026-12-05T19:02:11+08:00`.
    public var isoDate: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: date)
    }

    /// One sentence for the line above a table: the date, the commit and the load averages.
    public var sentence: String {
        let loads = [loadBefore.map { "\(Self.slashed($0)) before" }, loadAfter.map { "\(Self.slashed($0)) after" }]
            .compactMap { $0 }
        let load = loads.isEmpty ? "unknown" : loads.joined(separator: ", ")
        return "Date: \(isoDate), commit: \(commit ?? "unknown"), load average (1/5/15 minutes): \(load)."
    }

    private static func slashed(_ load: LoadAverage) -> String {
        String(format: "%.2f/%.2f/%.2f", load.one, load.five, load.fifteen)
    }
}
