import VigilKafka
import VigilStore

/// The rule that decides whether an error thrown while a record is applied
/// stops the service or makes that record a dead letter.
///
/// A failure of what every record needs stops the service, because the next
/// record would fail the same way and skipping it would lose it:
/// - a SQLite error other than one the statement's values caused, such as a
///   full disk, an I/O error, a corrupt file, a lock held too long or an SQL
///   mistake in the code (``DatabaseError/isCausedByValues`` is false);
/// - a Kafka error, a store lock error or a ``StoreFault``.
///
/// Anything else comes from the record itself: a ``RecordRejection``, a
/// constraint the record's values break, or any other error the processor
/// throws for it, such as an event it cannot encode. That record becomes a
/// dead letter, its savepoint rolls back, and the partition goes on.
/// A Swift runtime trap (overflow, force unwrap) ends the process and
/// cannot be caught here, so processors must reject such records first.
public enum ProcessingFailure {
    /// Returns true when `error` must stop the service instead of rejecting one record.
    public static func stopsService(_ error: any Error) -> Bool {
        switch error {
        case is RecordRejection:
            return false
        case let database as DatabaseError:
            return !database.isCausedByValues
        case is KafkaError, is StoreLockError, is StoreFault:
            return true
        default:
            return false
        }
    }

    /// Returns the rejection that a dead letter gives for a record-level `error`.
    public static func rejection(for error: any Error) -> RecordRejection {
        if let rejection = error as? RecordRejection {
            return rejection
        }
        return RecordRejection(.unprocessable, "processing failed: \(error)")
    }
}

/// A record-level failure of `finishBatch`, which no one record of the batch is known to have caused.
struct FinishBatchFailure: Error {
    var error: any Error
}
