import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Prints which fuzz case was running when the process dies of a signal
/// (a Swift trap is SIGILL or SIGTRAP) or a case hangs, since either ends
/// the test run before any issue can be recorded.
///
/// A hung case cannot be cancelled, because the parsers never check for
/// cancellation, so a watchdog thread ends the process instead.
public enum FuzzCrashReporter {
    /// The maximum time one case may run, in seconds. A case normally takes milliseconds.
    public static let maxCaseSeconds: UInt64 = 30
    private static let capacity = 512
    // Written before each case and read only by the signal handler, on the thread that crashed.
    nonisolated(unsafe) private static var message = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0
    /// The handlers replaced, indexed by signal number (all of `signals` are below 32).
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    private static let signals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
    private static let installation: Void = install()
    /// The start of the running case in nanoseconds of the monotonic clock, or 0 between cases.
    private static let caseStart = Atomic<UInt64>(0)

    /// Records the case about to run. Call it before each case.
    public static func running(_ description: String) {
        _ = installation
        let bytes = Array("\nvigil fuzz: the case in progress was \(description)\n".utf8.prefix(capacity))
        bytes.withUnsafeBufferPointer { buffer in
            UnsafeMutableRawPointer(message).copyMemory(from: buffer.baseAddress!, byteCount: buffer.count)
        }
        length = bytes.count
        caseStart.store(DispatchTime.now().uptimeNanoseconds, ordering: .sequentiallyConsistent)
    }

    /// Clears the record after a case finished.
    public static func finished() {
        caseStart.store(0, ordering: .sequentiallyConsistent)
        length = 0
    }

    private static func install() {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if FuzzCrashReporter.length > 0 {
                    _ = write(STDERR_FILENO, FuzzCrashReporter.message, FuzzCrashReporter.length)
                }
                // Restore the previous handler. The fault repeats (or abort re-raises the signal) and reaches it.
                sigaction(signal, FuzzCrashReporter.previous + Int(signal), nil)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previous + Int(signal))
        }

        let watchdog = Thread {
            while true {
                sleep(1)
                let start = caseStart.load(ordering: .sequentiallyConsistent)
                guard start != 0, DispatchTime.now().uptimeNanoseconds - start > maxCaseSeconds * 1_000_000_000 else {
                    continue
                }
                let notice = "\nvigil fuzz: stopping the tests because a case ran for more than \(maxCaseSeconds) s"
                _ = notice.withCString { write(STDERR_FILENO, $0, strlen($0)) }
                _ = write(STDERR_FILENO, message, length)
                _exit(70)
            }
        }
        watchdog.start()
    }
}
