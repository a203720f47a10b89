import Foundation

/// A report that could not be written to its `--output` file.
struct ReportOutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// Takes the reason from the operating system's error, such as "No such
    /// file or directory". Foundation on Linux describes a failed write only
    /// by number ("NSCocoaErrorDomain error 512"), so the underlying POSIX
    /// error is preferred when there is one.
    init(path: String, error: any Error) {
        // On Linux the underlying error is a Swift `POSIXError`, which does not cast to NSError directly.
        let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let reason = strerror(Int32(underlying.code)) {
            self.init(path: path, reason: String(cString: reason))
        } else {
            self.init(path: path, reason: error.localizedDescription)
        }
    }

    var description: String {
        "failed to write the report to \"\(path)\": \(reason); check that the folder exists and is writable"
    }
}
