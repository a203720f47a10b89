import VigilKafka
import VigilLog

/// Publishes the outbox with the idempotent producer and removes what the broker acknowledged.
///
/// A record stays in the outbox until its delivery report arrives, so a
/// crash at any point republishes it with the same event id; consumers drop
/// the duplicate.
public final class OutboxPublisher {
    private let outbox: Outbox
    private let producer: KafkaProducer
    private let logger: Logger
    private let batchSize = 2_000

    public init(outbox: Outbox, producer: KafkaProducer, logger: Logger) {
        self.outbox = outbox
        self.producer = producer
        self.logger = logger
    }

    /// Publishes until the outbox is empty and returns the number of records published.
    ///
    /// - Parameter giveUpAfterMilliseconds: stop waiting for the broker after
    ///   this long and leave the rest in the outbox; nil waits as long as it takes.
    @discardableResult
    public func publishPending(giveUpAfterMilliseconds: Int? = nil) throws -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        var published = 0

        while true {
            let entries = try outbox.pending(limit: batchSize)
            guard !entries.isEmpty else { return published }
            for entry in entries {
                try producer.send(entry.record, tag: entry.sequence)
            }

            var delivered: [Int64] = []
            var failures: [KafkaError] = []
            var answered = 0
            while answered < entries.count {
                for report in try producer.poll(timeoutMilliseconds: 100) {
                    answered += 1
                    if let error = report.error {
                        failures.append(error)
                    } else {
                        delivered.append(report.tag)
                    }
                }
                if let limit = giveUpAfterMilliseconds, clock.now - start > .milliseconds(limit) {
                    try outbox.remove(delivered)
                    logger.warning("outbox not fully published before the deadline", metadata: [
                        "vigil.outbox.left": String(entries.count - delivered.count),
                    ])
                    return published + delivered.count
                }
            }

            try outbox.remove(delivered)
            published += delivered.count
            if let failure = failures.first {
                // With message.timeout.ms=0 librdkafka retries transient
                // errors forever, so a failed delivery is permanent (record
                // too large, topic missing, not authorised).
                throw KafkaError(code: failure.code,
                                 message: "could not publish \(failures.count) outbox records: \(failure.message)")
            }
        }
    }
}
