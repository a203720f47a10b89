import VigilContracts

/// The escalation and accountability report of one period, compared with the
/// period before, computed from the case topic alone.
///
/// Counts come from the timeline entries that fall in a period. The regulator
/// case table shows each case's classification, review and rectification as
/// of the last event given, which may be later than the period's end.
struct EscalationReport: Sendable, Equatable {
    var period: ReportPeriod
    var previousPeriod: ReportPeriod
    /// The vendor the cases were filtered by, nil for all cases.
    var vendor: String?
    var current: EscalationFigures
    var previous: EscalationFigures
    /// The cases that reached a regulator in the period, by the time they did, then case id.
    var regulatorCases: [RegulatorCaseRow]
    /// The rectification status of the regulator cases that require one.
    var rectifications: [RectificationStatus: Int]
    /// True when regulator escalations grew enough to warn (see ``isRegulatorGrowth(current:previous:)``).
    var regulatorGrowthWarning: Bool

    /// Computes the report from case events in publication order, as read from the case topic.
    init(events: [CaseEvent], period: ReportPeriod, vendor: String? = nil) {
        self.init(cases: CaseFile.fold(events), period: period, vendor: vendor)
    }

    /// Computes the report from folded cases. With a vendor, only the cases whose
    /// events name that vendor count.
    init(cases: [CaseFile], period: ReportPeriod, vendor: String? = nil) {
        let selected = cases.filter { vendor == nil || $0.vendor == vendor }
        self.period = period
        self.previousPeriod = period.previous
        self.vendor = vendor
        current = Self.figures(of: selected, in: period)
        previous = Self.figures(of: selected, in: period.previous)
        regulatorCases = selected.compactMap { Self.regulatorRow(of: $0, in: period) }
            .sorted { ($0.reachedAt.epochMilliseconds, $0.caseId) < ($1.reachedAt.epochMilliseconds, $1.caseId) }
        var rectifications: [RectificationStatus: Int] = [:]
        for status in regulatorCases.compactMap(\.rectification) {
            rectifications[status, default: 0] += 1
        }
        self.rectifications = rectifications
        regulatorGrowthWarning = Self.isRegulatorGrowth(current: current.regulatorEscalations,
                                                        previous: previous.regulatorEscalations)
    }

    /// Returns true when regulator escalations reached 1.5 times the previous
    /// period's, or went from none to two or more. One escalation after a quiet
    /// period is not a trend, so 0 → 1 does not warn.
    static func isRegulatorGrowth(current: Int, previous: Int) -> Bool {
        previous > 0 ? current * 2 >= previous * 3 : current >= 2
    }

    // MARK: - Figures

    /// One opening (opened or reopened) and its acknowledgement.
    private struct Opening {
        var at: Timestamp
        var dueAt: Timestamp?
        var counted: Bool
        var missed = false
        var acknowledgedAt: Timestamp?
    }

    static func figures(of cases: [CaseFile], in period: ReportPeriod) -> EscalationFigures {
        var figures = EscalationFigures()
        var minutes: [Double] = []
        for file in cases {
            var opening: Opening?
            for entry in file.timeline where entry.type != .commandRejected {
                switch entry.type {
                case .opened, .reopened:
                    close(opening, into: &figures, minutes: &minutes)
                    let counted = period.contains(entry.occurredAt)
                    opening = Opening(at: entry.occurredAt, dueAt: entry.deadline == .acknowledge ? entry.dueAt : nil,
                                      counted: counted)
                    if counted {
                        if entry.type == .opened {
                            figures.opened += 1
                        } else {
                            figures.reopened += 1
                        }
                    }
                case .deadlineMissed where entry.deadline == .acknowledge:
                    if opening?.acknowledgedAt == nil {
                        opening?.missed = true
                    }
                case .acknowledged:
                    if opening != nil, opening?.acknowledgedAt == nil {
                        opening?.acknowledgedAt = entry.acknowledgedAt ?? entry.occurredAt
                    }
                default:
                    break
                }
                if period.contains(entry.occurredAt), let channel = escalationChannel(of: entry, in: file) {
                    figures.escalations[channel, default: 0] += 1
                }
            }
            close(opening, into: &figures, minutes: &minutes)
        }
        figures.medianAcknowledgeMinutes = median(minutes)
        return figures
    }

    /// Counts a finished opening: in time when acknowledged before its due time
    /// and before any missed acknowledge step.
    private static func close(_ opening: Opening?, into figures: inout EscalationFigures, minutes: inout [Double]) {
        guard let opening, opening.counted else { return }
        guard let acknowledgedAt = opening.acknowledgedAt else {
            figures.unacknowledged += 1
            return
        }
        minutes.append(Double(acknowledgedAt.epochMilliseconds - opening.at.epochMilliseconds) / 60_000)
        let beforeDue = opening.dueAt.map { acknowledgedAt < $0 } ?? true
        if beforeDue && !opening.missed {
            figures.acknowledgedInTime += 1
        } else {
            figures.acknowledgedLate += 1
        }
    }

    /// Returns the channel an entry counts under, nil when it is no escalation. A recorded
    /// escalation counts only when the case has no complaint of that kind, so
    /// a complaint and the command noting it count once.
    static func escalationChannel(of entry: CaseEvent, in file: CaseFile) -> EscalationChannel? {
        switch entry.type {
        case .complaintLinked:
            return entry.complaintChannel.map(EscalationChannel.init)
        case .escalated:
            switch entry.escalateTo {
            case .platform?:
                return file.complaints.contains(.platform) ? nil : .recordedPlatform
            case .regulator?:
                return file.complaints.contains(where: \.isRegulator) ? nil : .recordedRegulator
            case nil:
                return nil
            }
        default:
            return nil
        }
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    // MARK: - Regulator cases

    private static func regulatorRow(of file: CaseFile, in period: ReportPeriod) -> RegulatorCaseRow? {
        let entries = file.timeline.filter { entry in
            period.contains(entry.occurredAt) && escalationChannel(of: entry, in: file)?.isRegulator == true
        }
        guard let reachedAt = entries.map(\.occurredAt).min() else { return nil }
        var channels: [EscalationChannel] = []
        for channel in entries.compactMap({ escalationChannel(of: $0, in: file) }) where !channels.contains(channel) {
            channels.append(channel)
        }
        return RegulatorCaseRow(
            caseId: file.caseId, vendor: file.vendor, site: file.site, team: file.team, agent: file.agent,
            reachedAt: reachedAt, channels: channels, cause: file.cause,
            primary: file.responsibilities.filter { $0.level == .primary },
            joint: file.responsibilities.filter { $0.level == .joint },
            reviewed: file.review != nil, rectification: file.rectification,
            rectificationDueAt: file.rectification == nil ? nil : file.rectificationDueAt)
    }
}
