import CRdKafka
import VigilLog

/// The state a librdkafka handle's callbacks use, reached through the handle's opaque pointer.
///
/// Every callback runs on the thread that polls the handle (logs go through
/// the log queue, `log.queue=true`), so the context needs no locks. It is
/// owned by the ``RDKafkaClient`` and outlives the handle.
final class RDKafkaClientContext {
    let logger: Logger
    /// Delivery reports collected since the last drain.
    var deliveryReports: [DeliveryReport] = []
    /// Receives partition assignments; weak because the handler owns the consumer.
    weak var rebalanceHandler: (any KafkaRebalanceHandler)?
    /// An error a callback could not throw; the next poll throws it.
    var pendingError: KafkaError?
    /// Counts of client errors by error code, so a broker outage logs a few
    /// lines, not thousands. Keyed by code because the texts vary per attempt.
    var errorCounts: [Int32: Int] = [:]
    /// Per librdkafka log facility, when a warning or worse was last logged
    /// and how many were dropped since.
    var logWindows: [String: (loggedAt: ContinuousClock.Instant, suppressed: Int)] = [:]
    /// How often one facility may log a warning or worse.
    let logInterval: Duration = .seconds(10)

    init(logger: Logger) {
        self.logger = logger
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
