import VigilContracts

/// The result of offering one record to ingestion.
public enum IntakeOutcome: Sendable, Equatable {
    /// Validated and written to the outbox for its topic.
    case accepted(eventId: String, kind: RecordKind)
    /// Identical to a record accepted before; dropped and counted.
    case duplicate(eventId: String)
    /// Sent to the dead-letter topic with this reason.
    case rejected(reason: DeadLetterReason, message: String)
}
