/// A failure that stops ingestion as a whole (as opposed to one rejected record).
public enum IngestionError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotRead(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "could not open \(path): \(reason)"
        case let .cannotRead(path, reason): "could not read \(path): \(reason)"
        }
    }
}
