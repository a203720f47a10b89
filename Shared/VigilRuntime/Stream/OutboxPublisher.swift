import Synchronization
import VigilContracts
import VigilKafka
import VigilLog

/// Publishes the outbox with the idempotent producer and removes what the broker acknowledged.
///
/// A record stays in the outbox until its delivery report arrives, so a
/// crash at any point republishes it with the same event id. Consumers drop
/// the duplicate. A record the broker rejects for good (too large, invalid)
/// is replaced by a dead letter, so one bad event cannot stop the rest.
public final class OutboxPublisher {
    private let outbox: Outbox
    private let producer: KafkaProducer
    private let logger: Logger
    private let serviceName: String
    private let deadLetters: TopicSpec
    private let batchSize = 2_000
    /// Added to each entry's sequence to make its delivery tag. Publishers
    /// share a service's producer, and one that gives up at shutdown leaves
    /// deliveries in flight, whose reports a later publisher then receives.
    /// Distinct bases keep it from taking another store's report for one of
    /// its own entries with the same sequence.
    private let tagBase: Int64
    private static let publisherCount = Atomic<Int64>(0)
    /// Sequences stay below 2^40; the base takes the bits above, wrapping
    /// after 2^22 publishers.
    private static let sequenceBits: Int64 = 40

    public init(outbox: Outbox, producer: KafkaProducer, serviceName: String, deadLetters: TopicSpec, logger: Logger) {
        self.outbox = outbox
        self.producer = producer
        self.serviceName = serviceName
        self.deadLetters = deadLetters
        self.logger = logger
        let number = Self.publisherCount.add(1, ordering: .relaxed).newValue & ((1 << 22) - 1)
        tagBase = number << Self.sequenceBits
    }

    /// Publishes until the outbox is empty and returns the number of records published.
    ///
    /// Waits for an unreachable broker as long as it takes, unless
    /// `shutdown` is requested: then it waits until `graceMilliseconds` after
    /// the request and leaves the rest in the outbox for the next start. The
    /// period runs from the request, so the publishers of one shutdown share it.
    @discardableResult
    public func publishPending(shutdown: ShutdownSignal? = nil, graceMilliseconds: Int = 10_000) throws -> Int {
        var published = 0
        var stopRequestedAt: ContinuousClock.Instant?

        while true {
            let entries = try outbox.pending(limit: batchSize)
            guard !entries.isEmpty else { return published }
            if let shutdown, let requestedAt = shutdown.requestedAt,
               ContinuousClock.now - requestedAt > .milliseconds(graceMilliseconds) {
                // Another publisher of this shutdown used up the grace period.
                let left = try outbox.count()
                logger.warning("outbox not fully published before shutdown", metadata: [
                    "vigil.outbox.left": String(left),
                ])
                return published
            }

            var rejected: [(Outbox.Entry, KafkaError)] = []
            var waiting: Set<Int64> = []
            for entry in entries {
                do {
                    try producer.send(entry.record, tag: tagBase + entry.sequence)
                    waiting.insert(entry.sequence)
                } catch let error as KafkaError where error.rejectsRecord {
                    rejected.append((entry, error))
                }
            }

            var delivered: [Int64] = []
            var failures: [KafkaError] = []
            while !waiting.isEmpty {
                for report in try producer.poll(timeoutMilliseconds: 100) {
                    // Only reports of this batch count. A late report of a send
                    // that this or another publisher gave up on leaves its entry
                    // in the outbox, to be published again.
                    let sequence = report.tag - tagBase
                    guard waiting.remove(sequence) != nil else { continue }
                    if let error = report.error {
                        if error.rejectsRecord, let entry = entries.first(where: { $0.sequence == sequence }) {
                            rejected.append((entry, error))
                        } else {
                            failures.append(error)
                        }
                    } else {
                        delivered.append(sequence)
                    }
                }
                if let shutdown, shutdown.isRequested {
                    let since = stopRequestedAt ?? shutdown.requestedAt ?? ContinuousClock.now
                    stopRequestedAt = since
                    if ContinuousClock.now - since > .milliseconds(graceMilliseconds) {
                        try outbox.remove(delivered)
                        logger.warning("outbox not fully published before shutdown", metadata: [
                            "vigil.outbox.left": String(entries.count - delivered.count),
                        ])
                        return published + delivered.count
                    }
                }
            }

            try outbox.remove(delivered)
            published += delivered.count
            try replaceWithDeadLetters(rejected)
            if let failure = failures.first {
                // With message.timeout.ms=0 librdkafka retries transient
                // errors forever, so what is left is permanent for the whole
                // client (topic missing, not authorised): stop the service.
                throw KafkaError(code: failure.code,
                                 message: "could not publish \(failures.count) outbox records: \(failure.message)")
            }
        }
    }

    private func replaceWithDeadLetters(_ rejected: [(Outbox.Entry, KafkaError)]) throws {
        for (entry, error) in rejected {
            let eventId = entry.record.headers.first { $0.name == EventHeaders.eventId }
                .flatMap { $0.value }.map { String(decoding: $0, as: UTF8.self) } ?? "sequence-\(entry.sequence)"
            logger.error("broker rejected an event; sent to dead letters instead", metadata: [
                "vigil.topic": entry.record.topic,
                "vigil.event_id": eventId,
                "vigil.error": error.message,
            ])
            let letter = DeadLetter(
                service: serviceName, source: DeadLetterSource(unpublishedEventId: eventId, topic: entry.record.topic),
                key: entry.record.key.map { String(decoding: $0, as: UTF8.self) }, reasonCode: .unpublishable,
                reason: "the broker rejected the event: \(error.message)", payload: entry.record.value,
                recordedAt: Timestamp(epochMilliseconds: entry.record.timestampMilliseconds))
            try outbox.replace(entry.sequence, with: letter, to: deadLetters)
        }
    }
}
