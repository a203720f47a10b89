import Foundation

/// Reads a small UTF-8 configuration file (rules, limits, policies) with a
/// size cap, so a wrong path to a large file fails fast instead of filling memory.
public enum SmallTextFile {
    /// A file that could not be read as text; `position` is set for invalid UTF-8.
    public struct ReadError: Error, Sendable {
        public var message: String
        public var position: SourcePosition?
    }

    /// Returns the file's text, or throws when it is unreadable, larger than
    /// `maximumBytes` or not UTF-8. `kind` names the file in the message ("a case policy").
    public static func read(path: String, maximumBytes: Int, kind: String) throws(ReadError) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ReadError(message: "the path is a directory, not a file: give the path of the JSON file itself")
        }

        let bytes: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            bytes = Array(try handle.read(upToCount: maximumBytes + 1) ?? Data())
        } catch {
            throw ReadError(message: "could not read the file (\(systemReason(error))): check the path")
        }

        guard bytes.count <= maximumBytes else {
            throw ReadError(message: "the file is larger than \(maximumBytes) bytes: check the path, because \(kind) is a small JSON object")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError(message: "the file is not valid UTF-8: save it as UTF-8",
                            position: SourcePosition(line: 1, column: 1))
        }
        return text
    }

    /// Returns the operating system's reason for a failed file operation,
    /// such as "No such file or directory". Foundation on Linux describes
    /// these errors only by number ("NSCocoaErrorDomain error 256"), so the
    /// underlying POSIX error is preferred when there is one.
    public static func systemReason(_ error: any Error) -> String {
        // On Linux the underlying error is a Swift `POSIXError`, which does not cast to NSError directly.
        let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let reason = strerror(Int32(underlying.code)) {
            return String(cString: reason)
        }
        return error.localizedDescription
    }
}
