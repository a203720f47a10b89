import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A path that a run cannot use, found before any timing: one line for the
/// terminal, and `vigil-bench` exits with status 2.
public struct PathError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Checks of the files and folders that the options name, so that a wrong
/// path fails at once rather than after minutes of timing.
public enum PathCheck {
    /// The advice for a data folder that lacks a file, for `vigil-bench` and for `make bench`.
    static let dataAdvice = "pass the folder of the shared data with --data (make bench DATA=DIR)"

    /// Throws unless `path` is a regular file that this process can open for reading.
    public static func readableFile(_ path: String, option: String) throws(PathError) {
        if let reason = unreadableReason(path) {
            throw PathError("invalid \(option) \(path): cannot read it (\(reason))")
        }
    }

    /// Throws unless the folder `folder` exists and contains every file in `files`, readable.
    public static func dataFolder(_ folder: String, files: [String]) throws(PathError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PathError("invalid --data \(folder): no such folder: \(dataAdvice)")
        }
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            if let reason = unreadableReason(path) {
                throw PathError("invalid --data \(folder): cannot read \(path) (\(reason)): \(dataAdvice)")
            }
        }
    }

    /// Throws unless `path` is a folder that this process can create files in.
    /// Creates the folder, as writing the report would, when it does not exist yet.
    public static func writableFolder(_ path: String, option: String) throws(PathError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PathError("invalid \(option) \(path): not a folder")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw PathError("invalid \(option) \(path): cannot create the folder (\(reason(error)))")
            }
        }

        // Writing a file is the only sure test: permissions, read-only mounts and /proc all refuse it differently.
        let probe = (path as NSString).appendingPathComponent(".vigil-bench-write-check-\(getpid())")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw PathError("invalid \(option) \(path): cannot create files in it (\(String(cString: strerror(errno)))")
        }
        close(descriptor)
        unlink(probe)
    }

    /// Returns the system's reason for a failed file operation of Foundation,
    /// such as "No such file or directory", rather than its generic "The operation could not be completed".
    public static func reason(_ error: any Error) -> String {
        // Foundation on Linux stores the underlying error as a Swift error, which `as? NSError` does not match.
        let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        for candidate in [underlying, error as NSError].compactMap({ $0 }) where candidate.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(candidate.code)))
        }
        return error.localizedDescription
    }

    /// Returns the error for a file that its parser rejected: the first
    /// problem, as `PATH:LINE:COLUMN: message` when the parser gives a position, and the number of others.
    static func invalidFile(option: String, path: String, error: any Error) -> PathError {
        let lines = String(describing: error).split(separator: "\n")
        let first = lines.first.map(String.init) ?? "rejected"
        // Some parsers start each problem with the file's path and others with LINE:COLUMN, so the message names the path once.
        let problem = if first.hasPrefix(path) {
            first
        } else if first.contains(#/^\d+:\d+: /#) {
            "\(path):\(first)"
        } else {
            "\(path): \(first)"
        }
        let others = lines.count > 1 ? " (and \(English.count(lines.count - 1, "more problem")))" : ""
        return PathError("invalid \(option) \(problem)\(others)")
    }

    /// Returns why `path` cannot be opened for reading as a regular file, or nil when it can.
    private static func unreadableReason(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            return String(cString: strerror(errno))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return String(cString: strerror(errno))
        }
        return (status.st_mode & S_IFMT) == S_IFREG ? nil : "not a regular file"
    }
}
