import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Reads interchange NDJSON from files or standard input and publishes each
/// record to its topic, through the outbox, exactly once per event id.
///
/// Every line either becomes an event or a dead letter with the reason, so
/// nothing is dropped silently. A record whose event id was ingested before
/// (the same file imported twice, or a restart after a crash) is skipped.
public final class IngestionService {
    /// The counts of one run.
    public struct Summary: Sendable, Equatable {
        public var accepted: [RecordKind: Int] = [:]
        public var duplicates = 0
        public var rejected: [DeadLetterReason: Int] = [:]
        /// True when shutdown was requested before every source was read.
        public var interrupted = false

        public var acceptedTotal: Int { accepted.values.reduce(0, +) }
        public var rejectedTotal: Int { rejected.values.reduce(0, +) }
    }

    /// Lines per transaction at most.
    public var batchSize = 1_000
    /// How long a batch waits for more lines from a pipe before it is
    /// committed and published, so records fed live are not held back.
    public var idleFlushMilliseconds: Int32 = 200

    private let configuration: ServiceConfiguration
    private let parser: InterchangeParser
    private let shutdown: ShutdownSignal
    private let logger: Logger

    public init(configuration: ServiceConfiguration, parser: InterchangeParser, shutdown: ShutdownSignal) {
        self.configuration = configuration
        self.parser = parser
        self.shutdown = shutdown
        self.logger = configuration.logger
    }

    /// Ingests the sources in order ("-" is standard input) and returns once
    /// everything accepted is published. Stops early, after the batch in hand,
    /// when shutdown is requested.
    public func run(sources: [String]) throws -> Summary {
        let catalogue = configuration.catalogue
        let store = try ServiceStore(path: configuration.storePath)
        let producer = try KafkaProducer(properties: configuration.clientProperties, logger: logger)
        let publisher = OutboxPublisher(outbox: store.outbox, producer: producer, serviceName: configuration.serviceName,
                                        deadLetters: catalogue.deadLetters, logger: logger)
        let inputs = [catalogue.chatMessages, catalogue.roster, catalogue.complaints, catalogue.orders]
        let partitionCounts = try TopicCheck.require(inputs + [catalogue.deadLetters], on: producer)
        try checkBrokerKeptRecords(inputs, partitionCounts: partitionCounts, store: store, producer: producer)
        try publisher.publishPending(shutdown: shutdown)

        var summary = Summary()
        for source in sources where !shutdown.isRequested {
            let reader = try LineReader(path: source)
            logger.info("ingesting", metadata: ["vigil.source": source])
            var lineNumber = 0
            var finished = false
            while !finished, !shutdown.isRequested {
                var batch: [(number: Int, line: LineReadResult)] = []
                while batch.count < batchSize {
                    let result = try reader.next(waitMilliseconds: idleFlushMilliseconds)
                    if result == .end {
                        finished = true
                        break
                    }
                    if result == .idle {
                        if batch.isEmpty, !shutdown.isRequested {
                            continue
                        }
                        break
                    }
                    lineNumber += 1
                    batch.append((lineNumber, result))
                }
                guard !batch.isEmpty else { continue }
                try store.database.transaction {
                    for (number, line) in batch {
                        try ingest(line, source: source, lineNumber: number, store: store, catalogue: catalogue,
                                   summary: &summary)
                    }
                }
                try publisher.publishPending(shutdown: shutdown)
            }
        }

        summary.interrupted = shutdown.isRequested
        try publisher.publishPending(shutdown: shutdown)
        var metadata = summaryMetadata(summary)
        metadata["vigil.interrupted"] = String(summary.interrupted)
        logger.info("ingestion finished", metadata: metadata)
        return summary
    }

    /// Fails when this store has ingested records but the topics never held
    /// any: the broker is new or lost its data (the embedded broker keeps
    /// nothing across restarts), and every record would be skipped as a duplicate.
    private func checkBrokerKeptRecords(_ topics: [TopicSpec], partitionCounts: [String: Int32], store: ServiceStore,
                                        producer: KafkaProducer) throws {
        // Dead letters go to another topic, so only ingested records count.
        let ingestedBefore = try store.database.scalar("""
            SELECT EXISTS (SELECT 1 FROM vigil_applied_events WHERE event_id NOT LIKE 'dead-letter/%')
            """).int == 1
        guard ingestedBefore else { return }
        for topic in topics {
            for partition in 0..<(partitionCounts[topic.name] ?? 0) {
                if try producer.watermarks(TopicPartition(topic: topic.name, partition: partition)).high > 0 {
                    return
                }
            }
        }
        throw IngestionError.brokerLostRecords(storePath: configuration.storePath)
    }

    // MARK: - Records

    private func ingest(_ result: LineReadResult, source: String, lineNumber: Int, store: ServiceStore,
                        catalogue: TopicCatalogue, summary: inout Summary) throws {
        let record: InterchangeRecord
        switch result {
        case .line(let line):
            guard line.contains(where: { !Self.isWhitespace($0) }) else { return }
            do {
                record = try parser.parse(line)
            } catch let rejection as RecordRejection {
                try reject(line, rejection, source: source, lineNumber: lineNumber, store: store,
                           catalogue: catalogue, summary: &summary)
                return
            }
        case .tooLong(let prefix, let length):
            let rejection = RecordRejection(
                .tooLarge, "line of \(length) bytes is longer than the limit of \(LineReader.defaultMaxLineBytes) bytes")
            try reject(prefix, rejection, source: source, lineNumber: lineNumber, store: store, catalogue: catalogue,
                       summary: &summary)
            return
        case .idle, .end:
            return
        }

        guard try store.appliedEvents.markApplied(record.eventId) else {
            summary.duplicates += 1
            return
        }
        summary.accepted[record.kind, default: 0] += 1
        switch record {
        case .message(let message): try store.outbox.append(message, to: catalogue.chatMessages)
        case .person(let person): try store.outbox.append(person, to: catalogue.roster)
        case .complaint(let complaint): try store.outbox.append(complaint, to: catalogue.complaints)
        case .order(let order): try store.outbox.append(order, to: catalogue.orders)
        }
    }

    private func reject(_ bytes: some Collection<UInt8>, _ rejection: RecordRejection, source: String,
                        lineNumber: Int, store: ServiceStore, catalogue: TopicCatalogue,
                        summary: inout Summary) throws {
        let deadLetter = DeadLetter(
            service: configuration.serviceName, source: DeadLetterSource(file: source, line: lineNumber),
            key: nil, reasonCode: rejection.reason, reason: rejection.message,
            payload: bytes, recordedAt: WallClock.now())
        summary.rejected[rejection.reason, default: 0] += 1
        if try store.appliedEvents.markApplied(deadLetter.eventId) {
            try store.outbox.append(deadLetter, to: catalogue.deadLetters)
        }
        logger.warning("record rejected", metadata: [
            "vigil.source": source, "vigil.line": String(lineNumber), "vigil.reason": rejection.description,
        ])
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private func summaryMetadata(_ summary: Summary) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "vigil.duplicates": String(summary.duplicates),
            "vigil.rejected": String(summary.rejectedTotal),
        ]
        for kind in RecordKind.allCases {
            metadata["vigil.accepted.\(kind.rawValue)"] = String(summary.accepted[kind] ?? 0)
        }
        return metadata
    }
}
