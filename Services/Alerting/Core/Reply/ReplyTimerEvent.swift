import VigilContracts

/// A change of a reply wait that the alerting service turns into an alert event.
public enum ReplyTimerEvent: Sendable, Equatable {
    /// Event time passed the wait's deadline without an agent reply. Returned
    /// once per wait.
    case timedOut(ReplyWait)
    /// An agent replied to a wait that had timed out, which ends the wait.
    ///
    /// `reply.sentAt` may lie before the deadline when the timer fired on a
    /// watermark and the reply arrived later, for example from a source whose
    /// event time lags another's on the same partition.
    case answered(ReplyWait, reply: ChatMessage)

    /// The wait the event concerns.
    public var wait: ReplyWait {
        switch self {
        case .timedOut(let wait), .answered(let wait, _): wait
        }
    }
}
