#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on `<store>.lock`, held while the store is open.
///
/// Two processes on one store would both publish its outbox and both advance
/// its offsets, so the lock makes the second one fail at start instead.
/// `flock` locks belong to an open file description, so a second lock on the
/// same store fails within one process too.
public final class StoreLock {
    private let descriptor: Int32

    /// Takes the lock, creating the lock file if needed.
    /// - Throws: ``StoreLockError`` when another holder has the lock or the file cannot be opened.
    public init(storePath: String) throws {
        let lockPath = storePath + ".lock"
        descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreLockError(message: "could not open \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK
                ? "another process is using the store \(storePath); give each instance its own --store"
                : "could not lock \(lockPath): \(String(cString: strerror(errno)))"
            close(descriptor)
            throw StoreLockError(message: reason)
        }
    }

    deinit {
        // Closing the descriptor releases the lock; the file stays for the next run.
        close(descriptor)
    }
}

/// The store is locked by another process, or its lock file cannot be opened.
public struct StoreLockError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
