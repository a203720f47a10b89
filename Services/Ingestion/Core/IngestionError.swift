/// A failure that stops ingestion as a whole (as opposed to one rejected record).
public enum IngestionError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case brokerLostRecords(storePath: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "could not open \(path): \(reason)"
        case let .cannotRead(path, reason): "could not read \(path): \(reason)"
        case let .brokerLostRecords(storePath):
            """
            the store \(storePath) has ingested records, but the topics are empty: the broker is new or lost \
            its data (the embedded broker keeps nothing across restarts). Start with a new store, or every \
            record would be skipped as already ingested.
            """
        }
    }
}
