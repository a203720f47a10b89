import VigilContracts

/// Turns a folded case into the figures scoring counts.
enum CaseFacts {
    /// Returns the case fact of `file` as its timeline is now.
    ///
    /// The acknowledgement time comes from the first `acknowledged` entry, even
    /// after a reopening, so a case is timed once. A case counts as escalated
    /// once it has a linked complaint or an escalation entry. The rectification
    /// is on time when the plan was accepted and no `rectification_overdue`
    /// entry was ever written.
    static func fact(of file: CaseFile) -> CaseFact {
        let timeline = file.timeline

        let acknowledgement = timeline.first { $0.type == .acknowledged }
        let acknowledgeSeconds = acknowledgement.map { entry in
            Int(file.openedAt.seconds(until: entry.acknowledgedAt ?? entry.occurredAt))
        }

        let escalated = timeline.contains { $0.type == .complaintLinked || $0.type == .escalated }
        let wentOverdue = timeline.contains { $0.type == .rectificationOverdue }

        return CaseFact(
            severity: file.severity,
            acknowledgeSeconds: acknowledgeSeconds,
            escalated: escalated,
            reachedRegulator: file.reachedRegulator,
            cause: file.cause,
            responsibilities: file.responsibilities,
            rectification: file.rectification,
            rectificationOnTime: file.rectification == .accepted && !wentOverdue)
    }
}
