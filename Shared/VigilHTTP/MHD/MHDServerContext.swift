import Foundation
import VigilLog

/// The state that every callback of one daemon uses, reached through the
/// `cls` pointer that libmicrohttpd passes back.
///
/// The callbacks run on libmicrohttpd's threads, several at once, so
/// everything here is immutable except the counters, the stop flag and the
/// start log, which a lock guards. It is owned by the ``MHDDaemon`` and outlives the
/// daemon handle.
final class MHDServerContext: @unchecked Sendable {
    let handler: any HTTPHandler
    let logger: Logger
    let maxBodyBytes: Int
    let maxDiscardedBodyBytes: Int
    /// True for thread-per-connection servers, the only ones whose producers may block.
    let streamsAllowed: Bool
    /// The connections' idle timeout in seconds, 0 for none.
    let idleTimeoutSeconds: Int

    private let lock = NSLock()
    private var openRequests = 0
    private var stopping = false
    /// Messages libmicrohttpd logs while the daemon starts; nil once it has started.
    private var startMessages: [String]? = []

    init(handler: any HTTPHandler, logger: Logger, maxBodyBytes: Int, maxDiscardedBodyBytes: Int,
         streamsAllowed: Bool, idleTimeoutSeconds: Int) {
        self.handler = handler
        self.logger = logger
        self.maxBodyBytes = maxBodyBytes
        self.maxDiscardedBodyBytes = maxDiscardedBodyBytes
        self.streamsAllowed = streamsAllowed
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> MHDServerContext? {
        opaque.map { Unmanaged<MHDServerContext>.fromOpaque($0).takeUnretainedValue() }
    }

    // MARK: - Requests in progress

    /// Requests whose context exists: from the head's arrival until
    /// libmicrohttpd reports the request completed or aborted.
    var requestsInProgress: Int {
        lock.withLock { openRequests }
    }

    func requestOpened() {
        lock.withLock { openRequests += 1 }
    }

    func requestClosed() {
        lock.withLock { openRequests -= 1 }
    }

    // MARK: - Stopping

    /// True once the server has begun to stop; streamed bodies end when they see it.
    var isStopping: Bool {
        lock.withLock { stopping }
    }

    /// Tells streamed bodies to end, before libmicrohttpd waits for their threads.
    func beginStop() {
        lock.withLock { stopping = true }
    }

    // MARK: - libmicrohttpd's messages

    /// Keeps a message for the start error while the daemon starts, and logs
    /// it afterwards.
    func record(message: String) {
        let isStarting: Bool = lock.withLock {
            guard startMessages != nil else { return false }
            startMessages?.append(message)
            return true
        }
        if !isStarting {
            logger.info("libmicrohttpd message", metadata: ["vigil.http.message": message])
        }
    }

    /// Ends the start phase and returns the messages logged during it.
    func finishStart() -> [String] {
        lock.withLock {
            defer { startMessages = nil }
            return startMessages ?? []
        }
    }
}
