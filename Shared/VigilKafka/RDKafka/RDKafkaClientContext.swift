import CRdKafka
import Synchronization
import VigilLog

/// The state a librdkafka handle's callbacks use, reached through the handle's opaque pointer.
///
/// Error, delivery and rebalance callbacks run on the thread that polls the
/// handle, so their fields need no locks. The log callback and the broker
/// state interceptor run on librdkafka's own threads, at the moment a
/// connection fails, and touch only the lock-protected ``logWindows``,
/// ``connectivity`` and the logger. The context is owned by the
/// ``RDKafkaClient`` and outlives the handle.
final class RDKafkaClientContext {
    let logger: Logger
    /// The reachability of the client's cluster, shared with the process's other clients of it.
    let connectivity: ClusterConnectivity
    /// The number that identifies this client in ``connectivity``.
    let clientNumber: Int
    /// Set just before the handle is destroyed; from then on its broker state
    /// changes are not reported to ``connectivity``.
    let isClosing = Atomic<Bool>(false)
    /// Delivery reports collected since the last drain.
    var deliveryReports: [DeliveryReport] = []
    /// Receives partition assignments; weak because the handler owns the consumer.
    weak var rebalanceHandler: (any KafkaRebalanceHandler)?
    /// An error a callback could not throw; the next poll throws it.
    var pendingError: KafkaError?
    /// Counts of client errors by error code, so a repeating error logs a few
    /// lines, not thousands. Keyed by code because the texts vary per attempt.
    var errorCounts: [Int32: Int] = [:]
    /// Per librdkafka log facility, when a warning or worse was last logged
    /// and how many were dropped since.
    let logWindows = Mutex<[String: (loggedAt: ContinuousClock.Instant, suppressed: Int)]>([:])
    /// How often one facility may log a warning or worse.
    let logInterval: Duration = .seconds(10)

    init(logger: Logger, bootstrapServers: String) {
        self.logger = logger
        connectivity = ClusterConnectivity.shared(bootstrapServers: bootstrapServers)
        clientNumber = connectivity.registerClient()
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> RDKafkaClientContext? {
        opaque.map { Unmanaged<RDKafkaClientContext>.fromOpaque($0).takeUnretainedValue() }
    }

    static func from(handle: OpaquePointer?) -> RDKafkaClientContext? {
        handle.flatMap { from(rd_kafka_opaque($0)) }
    }

    /// Takes and clears the pending error.
    func takePendingError() -> KafkaError? {
        defer { pendingError = nil }
        return pendingError
    }
}
