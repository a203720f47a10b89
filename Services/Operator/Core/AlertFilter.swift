import VigilContracts
import VigilRuntime

/// Conditions that select the alert events `vigil tail alerts` prints.
///
/// An empty team or category list admits every team or category. An alert
/// without a team (its agent is not on the roster) never passes a team filter.
struct AlertFilter: Sendable, Equatable {
    /// The teams to show, or empty for all teams.
    var teams: Set<String> = []
    /// The minimum severity to show, so `high` shows high and critical events.
    var minimumSeverity: Severity = .low
    /// The categories to show, or empty for all categories.
    var categories: Set<RiskCategory> = []
    /// A flag to also show events that notify no one: repeats, closings and inhibited alerts.
    var includeSilent = false
    /// The earliest raise time to show, or nil for no limit.
    var notBefore: Timestamp?

    /// Returns true when the event passes every condition.
    func admits(_ alert: Alert) -> Bool {
        if !includeSilent, !alert.notifies {
            return false
        }
        if alert.severity < minimumSeverity {
            return false
        }
        if !categories.isEmpty, !categories.contains(alert.category) {
            return false
        }
        if !teams.isEmpty {
            guard let team = alert.team, teams.contains(team) else { return false }
        }
        if let notBefore, alert.raisedAt < notBefore {
            return false
        }
        return true
    }
}

// MARK: - Options

extension AlertFilter {
    /// Reads `--team`, `--severity`, `--category` and `--all`. Each list option
    /// may be repeated or contain values separated by commas.
    init(options: ParsedOptions) throws {
        teams = Set(Self.list(options.values("team")))

        if let name = options.value("severity") {
            guard let severity = Severity(rawValue: name.lowercased()) else {
                throw UsageError("invalid value \"\(name)\" for --severity: expected critical, high, medium or low")
            }
            minimumSeverity = severity
        }

        for name in Self.list(options.values("category")) {
            guard let category = RiskCategory(rawValue: name.lowercased()) else {
                let known = RiskCategory.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("invalid value \"\(name)\" for --category: expected one of \(known)")
            }
            categories.insert(category)
        }

        includeSilent = options.flag("all")
    }

    private static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
