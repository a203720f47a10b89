import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGTERM and SIGINT into a request for graceful shutdown.
///
/// Shutdown is not cancellation: a service that receives the request finishes the
/// batch in hand, publishes its outbox, commits and exits 0. A second signal
/// while shutting down exits at once with status 130.
public final class ShutdownSignal: Sendable {
    /// 0 until shutdown is requested, then the signal's number, or
    /// ``requestedByCode`` for ``request(reason:)``.
    private let received = Atomic<Int32>(0)
    /// The reason given to ``request(reason:)``. It is set under the lock in
    /// the same step as `received`, so a reader that sees ``requestedByCode``
    /// and then takes the lock always finds it.
    private let requestReason = Mutex<String?>(nil)
    /// When the first request or signal arrived.
    private let requestInstant = Mutex<ContinuousClock.Instant?>(nil)
    /// No signal has this number.
    private static let requestedByCode: Int32 = -1
    /// One bit per signal number this instance handles.
    private let handledSignals: UInt64
    // Only kept alive here; never touched after init.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; keep the returned object alive for the process's lifetime.
    ///
    /// It also ignores SIGXFSZ, whose default action kills the process
    /// without a word when a write passes the file-size limit (RLIMIT_FSIZE).
    /// Ignored, the write fails with EFBIG, and the service stops with an
    /// error that names the store, as it does on a full disk.
    ///
    /// libdispatch on Linux installs its own handler for a signal source only
    /// when its manager thread registers the source, some time after
    /// `resume()` (swift-corelibs-libdispatch, src/event/event_epoll.c). Until then a small handler of this type records the
    /// signal, which SIG_IGN would drop, so a SIGTERM during start-up still
    /// stops the service. A signal that comes before this init ends the process.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        signal(SIGXFSZ, SIG_IGN)
        handledSignals = signals.reduce(0) { mask, number in mask | (1 << UInt64(number)) }
        let queue = DispatchQueue(label: "vigil.shutdown-signal")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number) { number in
                _ = signalsBeforeDispatch.bitwiseOr(1 << UInt64(number), ordering: .sequentiallyConsistent)
            }
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (source, number) in zip(sources, signals) {
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let (exchanged, _) = self.received.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
                if !exchanged {
                    _exit(130)
                }
                self.requestInstant.withLock { $0 = .now }
            }
            source.resume()
        }
    }

    /// True once SIGTERM or SIGINT has arrived or code requested shutdown.
    public var isRequested: Bool { state != 0 }

    /// `received`, after taking over a signal that arrived before libdispatch handled it.
    private var state: Int32 {
        let value = received.load(ordering: .sequentiallyConsistent)
        guard value == 0 else { return value }
        let early = signalsBeforeDispatch.load(ordering: .sequentiallyConsistent) & handledSignals
        guard early != 0 else { return 0 }
        // Losing the exchange means another signal or request was recorded first, which the load below returns.
        _ = received.compareExchange(expected: 0, desired: Int32(early.trailingZeroBitCount),
                                     ordering: .sequentiallyConsistent)
        return received.load(ordering: .sequentiallyConsistent)
    }

    /// The name ("SIGTERM") of the signal that requested shutdown. Nil before
    /// shutdown is requested, and when code requested it.
    public var signalName: String? {
        switch state {
        case 0, Self.requestedByCode: nil
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case let other: "signal \(other)"
        }
    }

    /// When shutdown was requested, so that every step of a shutdown counts
    /// its grace period from the same moment. Nil before the request, and for
    /// a moment after a signal while the handler records it.
    public var requestedAt: ContinuousClock.Instant? { requestInstant.withLock { $0 } }

    /// Why shutdown was requested, for logs: "received SIGTERM", or the reason
    /// given to ``request(reason:)``. Nil before shutdown is requested.
    public var reason: String? {
        let number = state
        switch number {
        case 0: return nil
        case Self.requestedByCode: return requestReason.withLock { $0 }
        default: return "received \(signalName ?? "signal \(number)")"
        }
    }

    /// Requests shutdown from code, with the same effect as SIGTERM except
    /// that ``signalName`` stays nil. Tests call it, and so do processes that
    /// stop their other threads when one of them ends. Only the first request
    /// or signal counts, so a later call changes neither the reason nor the signal.
    public func request(reason: String = "requested by the process") {
        requestReason.withLock { stored in
            let (exchanged, _) = received.compareExchange(expected: 0, desired: Self.requestedByCode,
                                                          ordering: .sequentiallyConsistent)
            if exchanged {
                stored = reason
                requestInstant.withLock { $0 = .now }
            }
        }
    }

    /// Sleeps up to `milliseconds`, waking early when shutdown is requested.
    public func sleep(milliseconds: Int) {
        var remaining = milliseconds
        while remaining > 0, !isRequested {
            let step = min(remaining, 50)
            usleep(UInt32(step * 1000))
            remaining -= step
        }
    }
}

/// The signals that arrived before libdispatch installed its handler, one bit
/// per signal number, set by the handler ``ShutdownSignal/init(signals:)``
/// installs first. A signal handler can reach only global state.
private let signalsBeforeDispatch = Atomic<UInt64>(0)
