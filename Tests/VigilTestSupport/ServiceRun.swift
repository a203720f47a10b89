import Foundation
import VigilRuntime

/// Runs a service's blocking `run` on a thread of its own until ``stop()``,
/// for suites that drive a whole stream service on the embedded broker.
public final class ServiceRun: @unchecked Sendable {
    // @unchecked: `failure` is guarded by `lock`; the rest is immutable.
    /// The signal the service runs under; ``stop()`` requests shutdown through it.
    public let shutdown = ShutdownSignal(signals: [])
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    /// Starts `body` on a new thread with this run's shutdown signal.
    public init(_ body: @escaping @Sendable (ShutdownSignal) throws -> Void) {
        Thread.detachNewThread { [self] in
            do {
                try body(shutdown)
            } catch {
                lock.withLock { failure = error }
            }
            finished.signal()
        }
    }

    /// True while the service is still running.
    public var isRunning: Bool {
        guard finished.wait(timeout: .now()) == .success else { return true }
        finished.signal()
        return false
    }

    /// Requests a graceful shutdown, waits for the run to end, and returns its error, if any.
    @discardableResult
    public func stop() -> (any Error)? {
        shutdown.request()
        finished.wait()
        finished.signal()
        return lock.withLock { failure }
    }
}
