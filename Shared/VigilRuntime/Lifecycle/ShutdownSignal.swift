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
    private let received = Atomic<Int32>(0)
    // Only kept alive here; never touched after init.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; keep the returned object alive for the process's lifetime.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        let queue = DispatchQueue(label: "vigil.shutdown-signal")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
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
            }
            source.resume()
        }
    }

    /// True once SIGTERM or SIGINT has arrived.
    public var isRequested: Bool { received.load(ordering: .sequentiallyConsistent) != 0 }

    /// The signal's name ("SIGTERM"), or nil before one arrives.
    public var signalName: String? {
        switch received.load(ordering: .sequentiallyConsistent) {
        case 0: nil
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case let other: "signal \(other)"
        }
    }

    /// Requests shutdown from code, as if SIGTERM had arrived. Tests call it,
    /// and so do processes that stop their other threads when one of them fails.
    public func request() {
        _ = received.compareExchange(expected: 0, desired: SIGTERM, ordering: .sequentiallyConsistent)
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
