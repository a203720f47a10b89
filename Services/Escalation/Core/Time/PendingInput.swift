import VigilContracts

/// An alert or complaint waiting until its partition's event time reaches it.
enum PendingInput {
    case alert(Alert)
    case complaint(Complaint)

    /// The event time at which it applies.
    var time: Timestamp {
        switch self {
        case .alert(let alert): alert.raisedAt
        case .complaint(let complaint): complaint.filedAt
        }
    }

    /// Alerts before complaints of the same millisecond: a complaint filed in
    /// the same instant as an alert links to the case the alert opened.
    var rank: Int {
        switch self {
        case .alert: 0
        case .complaint: 1
        }
    }

    var eventId: String {
        switch self {
        case .alert(let alert): alert.eventId
        case .complaint(let complaint): complaint.eventId
        }
    }
}
