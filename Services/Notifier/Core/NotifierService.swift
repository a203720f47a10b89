import Foundation
import VigilLog
import VigilRuntime

/// The running notifier: the stream loop that records deliveries, and the
/// sender thread that posts them.
///
/// The sender starts once the stream loop has opened and migrated the
/// store. On shutdown the stream loop finishes its batch, the sender finishes
/// its request in flight, and ``run()`` returns after both. When either
/// fails, the other is asked to stop and ``run()`` throws the failure.
public final class NotifierService: @unchecked Sendable {
    // @unchecked: `senderFailure` and `senderFinished` are guarded by `lock`.
    // The rest is immutable or used on the thread that calls run().
    private let configuration: ServiceConfiguration
    private let routes: RouteTable
    private let policy: RetryPolicy
    private let shutdown: ShutdownSignal
    private let logger: Logger
    private let lock = NSLock()
    private var senderFinished: DispatchSemaphore?
    private var senderFailure: (any Error)?

    public init(configuration: ServiceConfiguration, routes: RouteTable, policy: RetryPolicy, shutdown: ShutdownSignal) {
        var configuration = configuration
        configuration.logSecrets += routes.credentials
        self.configuration = configuration
        self.routes = routes
        self.policy = policy
        self.shutdown = shutdown
        self.logger = configuration.logger
    }

    /// Runs until shutdown is requested or a part fails.
    public func run() throws {
        let processor = NotifierProcessor(catalogue: configuration.catalogue, routes: routes, logger: logger,
                                          maxEventAgeMilliseconds: policy.maxAgeMilliseconds,
                                          storeOpened: { [self] path in startSender(storePath: path) })
        let stream = StreamService(configuration: configuration, processor: processor, shutdown: shutdown)

        var streamFailure: (any Error)?
        do {
            try stream.run()
        } catch {
            streamFailure = error
            // The sender shares the shutdown signal, so this stops it too.
            shutdown.request(reason: "stream service failed")
        }

        let finished = lock.withLock { senderFinished }
        finished?.wait()
        if let streamFailure {
            throw streamFailure
        }
        if let failure = lock.withLock({ senderFailure }) {
            throw failure
        }
    }

    private func startSender(storePath: String) {
        let finished = DispatchSemaphore(value: 0)
        lock.withLock { senderFinished = finished }
        let sender = DeliverySender(storePath: storePath, routes: routes, policy: policy, logger: logger)
        nonisolated(unsafe) let unsafeSender = sender
        let thread = Thread { [self] in
            do {
                try unsafeSender.run(shutdown: shutdown)
            } catch {
                logger.critical("delivery sender failed", metadata: ["vigil.error": String(describing: error)])
                lock.withLock { senderFailure = error }
                shutdown.request(reason: "delivery sender failed")
            }
            finished.signal()
        }
        thread.name = "vigil-notify-sender"
        thread.start()
    }
}
