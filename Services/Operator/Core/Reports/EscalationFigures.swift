/// The figures of one period of the escalation report, for the cases the report covers.
struct EscalationFigures: Sendable, Equatable {
    /// Cases whose `opened` entry falls in the period.
    var opened = 0
    /// `reopened` entries in the period.
    var reopened = 0
    /// Openings (opened and reopened) in the period acknowledged before their acknowledge deadline.
    var acknowledgedInTime = 0
    /// Openings in the period acknowledged at or after their deadline.
    var acknowledgedLate = 0
    /// Openings in the period not acknowledged yet.
    var unacknowledged = 0
    /// Minutes from opening to acknowledgement, of the openings acknowledged so far, as the median.
    var medianAcknowledgeMinutes: Double?
    /// Escalation entries in the period by channel.
    var escalations: [EscalationChannel: Int] = [:]

    /// Opened plus reopened: each starts an acknowledge deadline.
    var openings: Int { opened + reopened }

    /// Acknowledged in time over openings, nil when nothing opened.
    var acknowledgedInTimeShare: Double? {
        openings == 0 ? nil : Double(acknowledgedInTime) / Double(openings)
    }

    /// Entries that reached a regulator: regulator complaints plus recorded regulator escalations.
    var regulatorEscalations: Int {
        escalations.filter { $0.key.isRegulator }.values.reduce(0, +)
    }

    /// Platform complaints plus recorded platform escalations.
    var platformEscalations: Int {
        escalations.filter { !$0.key.isRegulator }.values.reduce(0, +)
    }

    /// Returns the count of one channel, zero when none.
    func count(_ channel: EscalationChannel) -> Int {
        escalations[channel] ?? 0
    }
}
