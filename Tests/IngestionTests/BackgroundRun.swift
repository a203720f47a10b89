import Foundation
import VigilRuntime

/// Runs a service's blocking `run` on its own thread until `stop` is called.
final class BackgroundRun: @unchecked Sendable {
    let shutdown = ShutdownSignal(signals: [])
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    init(_ body: @escaping @Sendable (ShutdownSignal) throws -> Void) {
        Thread.detachNewThread { [self] in
            do {
                try body(shutdown)
            } catch {
                lock.withLock { failure = error }
            }
            finished.signal()
        }
    }

    /// Requests a graceful shutdown, waits for the run to end, and returns its error, if any.
    @discardableResult
    func stop() -> (any Error)? {
        shutdown.request()
        finished.wait()
        return lock.withLock { failure }
    }
}

/// Polls `condition` every 100 ms until it is true or `seconds` pass, and returns its last value.
func eventually(seconds: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() {
            return true
        }
        Thread.sleep(forTimeInterval: 0.1)
    }
    return try condition()
}
