import VigilContracts

/// An alert, complaint or case command waiting until its partition's event
/// time reaches it.
enum PendingInput {
    case alert(Alert)
    case complaint(Complaint)
    case command(CaseCommand)

    /// The event time at which it applies.
    var time: Timestamp {
        switch self {
        case .alert(let alert): alert.raisedAt
        case .complaint(let complaint): complaint.filedAt
        case .command(let command): command.issuedAt
        }
    }

    /// Alerts before complaints of the same millisecond: a complaint filed in
    /// the same instant as an alert links to the case the alert opened.
    /// Commands come last, so a command meets the case its instant opened.
    var rank: Int {
        switch self {
        case .alert: 0
        case .complaint: 1
        case .command: 2
        }
    }

    var eventId: String {
        switch self {
        case .alert(let alert): alert.eventId
        case .complaint(let complaint): complaint.eventId
        case .command(let command): command.eventId
        }
    }
}
