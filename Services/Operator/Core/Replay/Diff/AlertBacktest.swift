import VigilContracts

/// A rule backtest: the alerts the candidate rules raise compared with the live ones.
///
/// It groups the alert events of a ``ReplayComparison`` by ``Alert/id``. An
/// alert is added when only the replay has events of it, dropped when only
/// the live topic has, and changed when both have and any event is missing,
/// extra or differs in a field other than `ruleVersion` and `text`. The
/// notification text follows the other fields and the rules version, so a
/// new version alone never makes an alert changed.
public struct AlertBacktest: Sendable, Equatable {
    /// Alerts only the candidate rules raise, by raising time.
    public var added: [BacktestAlert]
    /// Alerts only the live rules raised, by raising time.
    public var dropped: [BacktestAlert]
    /// Alerts both raised whose events differ, by raising time.
    public var changed: [BacktestAlert]
    /// Alerts both raised with the same events, apart from `ruleVersion` and `text`.
    public var unchanged: Int
    /// Event ids of alert records that are not readable alerts (see the comparison for their bytes).
    public var unreadableEventIds: [String]

    /// Fields that never make an alert changed.
    public static let ignoredPaths = ["ruleVersion", "text"]

    public init(added: [BacktestAlert], dropped: [BacktestAlert], changed: [BacktestAlert], unchanged: Int,
                unreadableEventIds: [String] = []) {
        self.added = added
        self.dropped = dropped
        self.changed = changed
        self.unchanged = unchanged
        self.unreadableEventIds = unreadableEventIds
    }

    /// Builds the backtest from the `alerts` records of `comparison`; records of other topics are ignored.
    public init(comparison: ReplayComparison) {
        var groups: [String: AlertEventGroup] = [:]
        var unreadable: [String] = []
        let alertsTopic = TopicCatalogue().alerts.baseName

        for record in comparison.records where record.topic == alertsTopic {
            let liveAlert = Self.decode(record.live, unreadable: &unreadable)
            let replayAlert = Self.decode(record.replay, unreadable: &unreadable)
            if let liveAlert {
                groups[liveAlert.id, default: AlertEventGroup()].live.append(liveAlert)
            }
            if let replayAlert {
                groups[replayAlert.id, default: AlertEventGroup()].replay.append(replayAlert)
            }
            guard let alertId = (replayAlert ?? liveAlert)?.id,
                  let change = Self.change(record, eventId: (replayAlert ?? liveAlert)?.eventId ?? record.id)
            else {
                continue
            }
            groups[alertId, default: AlertEventGroup()].changes.append(change)
        }

        var added: [BacktestAlert] = []
        var dropped: [BacktestAlert] = []
        var changed: [BacktestAlert] = []
        var unchanged = 0
        for alertId in groups.keys.sorted() {
            guard let group = groups[alertId] else { continue }
            if group.live.isEmpty, let alert = group.summary(of: group.replay, alertId: alertId) {
                added.append(alert)
            } else if group.replay.isEmpty, let alert = group.summary(of: group.live, alertId: alertId) {
                dropped.append(alert)
            } else if !group.changes.isEmpty, var alert = group.summary(of: group.replay, alertId: alertId) {
                alert.changes = group.orderedChanges()
                changed.append(alert)
            } else {
                unchanged += 1
            }
        }
        self.init(added: Self.sorted(added), dropped: Self.sorted(dropped), changed: Self.sorted(changed),
                  unchanged: unchanged, unreadableEventIds: unreadable.sorted())
    }

    // MARK: - Steps

    private static func decode(_ record: ReplayRecord?, unreadable: inout [String]) -> Alert? {
        guard let record else { return nil }
        guard let alert = try? EventCoding.decodeEvent(Alert.self, from: record.value) else {
            unreadable.append(record.eventId)
            return nil
        }
        return alert
    }

    /// Returns the change one compared alert event makes to its alert, or nil when it makes none.
    private static func change(_ record: ReplayRecordComparison, eventId: String) -> BacktestEventChange? {
        switch record.outcome {
        case .matched:
            return nil
        case .missing:
            return BacktestEventChange(eventId: eventId, kind: .dropped)
        case .extra:
            return BacktestEventChange(eventId: eventId, kind: .added)
        case .different:
            let fields = record.fields.filter { !isIgnored($0.path) }
            return fields.isEmpty ? nil : BacktestEventChange(eventId: eventId, kind: .changed, fields: fields)
        }
    }

    /// True for `ruleVersion`, `text` and the paths inside `text`.
    static func isIgnored(_ path: String) -> Bool {
        ignoredPaths.contains { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }
    }

    private static func sorted(_ alerts: [BacktestAlert]) -> [BacktestAlert] {
        alerts.sorted { ($0.raisedAt.epochMilliseconds, $0.alertId) < ($1.raisedAt.epochMilliseconds, $1.alertId) }
    }
}

/// The events of one alert on both sides, while a backtest is built.
private struct AlertEventGroup {
    var live: [Alert] = []
    var replay: [Alert] = []
    var changes: [BacktestEventChange] = []

    /// Summarizes `events` for the listing; nil when there are none.
    func summary(of events: [Alert], alertId: String) -> BacktestAlert? {
        let ordered = events.sorted {
            ($0.raisedAt.epochMilliseconds, $0.eventId) < ($1.raisedAt.epochMilliseconds, $1.eventId)
        }
        guard let shown = ordered.first(where: { $0.eventId == alertId }) ?? ordered.first else {
            return nil
        }

        var terms: [String] = []
        var rules: [String] = []
        for event in ordered {
            for term in event.matchedTerms where !terms.contains(term) {
                terms.append(term)
            }
            for rule in event.ruleIds ?? [] where !rules.contains(rule) {
                rules.append(rule)
            }
        }
        return BacktestAlert(alertId: alertId, shop: shown.shop, buyer: shown.buyer, category: shown.category,
                             severity: shown.severity, raisedAt: shown.openedAt ?? shown.raisedAt,
                             matchedTerms: terms, ruleIds: rules, ruleVersion: shown.ruleVersion,
                             eventCount: events.count)
    }

    /// Sorts the changes by their events' times, then by event id.
    func orderedChanges() -> [BacktestEventChange] {
        var times: [String: Int64] = [:]
        for event in live + replay {
            times[event.eventId] = min(times[event.eventId] ?? .max, event.raisedAt.epochMilliseconds)
        }
        return changes.sorted { (times[$0.eventId] ?? .max, $0.eventId) < (times[$1.eventId] ?? .max, $1.eventId) }
    }
}
