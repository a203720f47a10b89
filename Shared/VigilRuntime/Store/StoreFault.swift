import Foundation
import VigilStore
#if canImport(Glibc)
import Glibc
#endif

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
        /// A write failed for a reason the file system did not show.
        case writeFailed = "write failed"
        /// Any other failure to open, read or write the file.
        case unusable = "store unusable"
    }

    /// The SQLite failure.
    public let error: DatabaseError
    /// The store file, or "unknown store" when SQLite did not name it.
    public let path: String
    public let kind: Kind
    /// The free space, file-size limit and file sizes read right after a failed write.
    public let diagnosis: String?

    /// Classifies `error`. SQLite reports ENOSPC as SQLITE_FULL, but a full
    /// quota or file-size limit (RLIMIT_FSIZE) as a plain SQLITE_IOERR whose
    /// errno is often lost. An I/O error therefore counts as a full disk when
    /// the volume has less than 1 MiB free or a store file is within 64 KiB
    /// of the process's file-size limit.
    public init(_ error: DatabaseError) {
        self.error = error
        self.path = error.path ?? "unknown store"
        guard !error.isDiskFull else {
            kind = .diskFull
            diagnosis = nil
            return
        }
        guard !error.isCorruption else {
            kind = .corrupt
            diagnosis = nil
            return
        }
        guard error.isIOError, let state = FileSystemState(storePath: path) else {
            kind = .unusable
            diagnosis = nil
            return
        }
        kind = state.isFull ? .diskFull : .writeFailed
        diagnosis = state.description
    }

    /// The operator's next step before starting the service again.
    public var remedy: String {
        switch kind {
        case .diskFull:
            return "Free space on the disk of \(path) (or raise the file-size limit or quota) and start the "
                + "service again: it goes on from the last batch it stored."
        case .corrupt:
            return "Restore \(path) from a backup, or delete it with its -wal and -shm files and start the "
                + "service again: it rebuilds the store by reading its topics again."
        case .writeFailed:
            return "Check the disk of \(path), its free space and the file-size limit, then start the service "
                + "again: it goes on from the last batch it stored."
        case .unusable:
            return "Check that \(path) and its folder exist and are readable and writable, and that the disk "
                + "works, then start the service again: it goes on from the last batch it stored."
        }
    }

    public var description: String {
        let facts = diagnosis.map { "; \($0)" } ?? ""
        return "store \(path): \(kind.rawValue) (\(error)\(facts)). \(remedy)"
    }
}

/// The free space of a store's volume, the process's file-size limit and the
/// sizes of the store's files, read right after a write failed.
private struct FileSystemState: CustomStringConvertible {
    var freeBytes: UInt64
    var fileSizeLimit: UInt64?
    var fileSizes: [(name: String, bytes: UInt64)]

    init?(storePath: String) {
        var volume = statvfs()
        let folder = (storePath as NSString).deletingLastPathComponent
        guard statvfs(folder.isEmpty ? "." : folder, &volume) == 0 else { return nil }
        freeBytes = UInt64(volume.f_bavail) * UInt64(volume.f_frsize)

        // RLIM_INFINITY is all ones, which Glibc's macro spells as -1.
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            fileSizeLimit = UInt64(limit.rlim_cur)
        }
        fileSizes = ["", "-wal"].compactMap { suffix in
            var status = stat()
            guard stat(storePath + suffix, &status) == 0 else { return nil }
            return (storePath + suffix, UInt64(status.st_size))
        }
    }

    /// True when the volume has less than 1 MiB free or a file is within 64 KiB of the file-size limit.
    var isFull: Bool {
        if freeBytes < 1 << 20 {
            return true
        }
        guard let fileSizeLimit else { return false }
        return fileSizes.contains { $0.bytes + (64 << 10) >= fileSizeLimit }
    }

    var description: String {
        var parts = ["\(freeBytes) bytes free on the volume"]
        if let fileSizeLimit {
            parts.append("file-size limit \(fileSizeLimit) bytes")
        }
        parts += fileSizes.map { "\($0.name) has \($0.bytes) bytes" }
        return parts.joined(separator: ", ")
    }
}
