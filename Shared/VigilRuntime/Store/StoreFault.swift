import VigilStore

/// A store that SQLite could no longer use: the disk or the file-size limit
/// is full, the file is corrupt, or reading or writing it failed.
///
/// No record can be processed without the store, so the service stops. The
/// failed batch's transaction rolled back together with its offsets, and
/// nothing is committed to the group after the fault, so a restart reads
/// those records again.
public struct StoreFault: Error, CustomStringConvertible {
    /// What went wrong with the store, which decides what the operator must do.
    public enum Kind: String, Sendable {
        /// The disk, the quota or the file-size limit is full.
        case diskFull = "disk full"
        /// The file is damaged or is not a SQLite database.
        case corrupt = "file corrupt"
        /// Any other failure to open, read or write the file.
        case unusable = "store unusable"
    }

    /// The SQLite failure.
    public let error: DatabaseError
    /// The store file, or "unknown store" when SQLite did not name it.
    public let path: String

    public init(_ error: DatabaseError) {
        self.error = error
        self.path = error.path ?? "unknown store"
    }

    public var kind: Kind {
        if error.isDiskFull {
            return .diskFull
        }
        return error.isCorruption ? .corrupt : .unusable
    }

    /// What the operator does before starting the service again.
    public var remedy: String {
        switch kind {
        case .diskFull:
            return "Free space on the disk of \(path) (or raise the file-size limit or quota) and start the "
                + "service again: it goes on from the last batch it stored."
        case .corrupt:
            return "Restore \(path) from a backup, or delete it with its -wal and -shm files and start the "
                + "service again: it rebuilds the store by reading its topics again."
        case .unusable:
            return "Check that \(path) and its folder exist and are readable and writable, and that the disk "
                + "works, then start the service again: it goes on from the last batch it stored."
        }
    }

    public var description: String {
        "store \(path): \(kind.rawValue) (\(error)). \(remedy)"
    }
}
