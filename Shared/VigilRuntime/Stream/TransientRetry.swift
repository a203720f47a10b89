import VigilKafka
import VigilLog

/// Repeats a broker request that failed for a transient reason (see
/// ``KafkaError/isTransient``) until it succeeds or shutdown is requested,
/// waiting 1, 2, 4 and then 10 s between attempts.
///
/// For the requests a running service makes between two polls (committed
/// offsets and watermarks when partitions arrive or a store is rebuilt): the
/// cluster was reachable a moment before, and an outage that starts then must
/// not stop the service. ``ClusterConnectivity`` already logs an outage, so a
/// failure logs a warning only while the cluster counts as reachable.
enum TransientRetry {
    /// Runs `request`, named by `operation` in the log, until it succeeds.
    /// - Throws: the first error that is not transient, or the last one once shutdown is requested.
    static func run<Result>(_ operation: String, consumer: KafkaConsumer, shutdown: ShutdownSignal, logger: Logger,
                            _ request: () throws -> Result) throws -> Result {
        var delaySeconds = 1
        var attempts = 0
        while true {
            do {
                let result = try request()
                if attempts > 0 {
                    logger.info("broker request succeeded after retries", metadata: [
                        "vigil.operation": operation,
                        "vigil.retries": String(attempts),
                    ])
                }
                return result
            } catch let error as KafkaError where error.isTransient && !shutdown.isRequested {
                attempts += 1
                if attempts == 1, consumer.isClusterReachable {
                    logger.warning("broker request failed, retrying", metadata: [
                        "vigil.operation": operation,
                        "vigil.error": error.message,
                    ])
                }
                shutdown.sleep(milliseconds: delaySeconds * 1_000)
                delaySeconds = min(delaySeconds * 2, 10)
            }
        }
    }
}
