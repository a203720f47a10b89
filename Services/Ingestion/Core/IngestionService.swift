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
    /// What one run did.
    public struct Summary: Sendable, Equatable {
        public var accepted: [RecordKind: Int] = [:]
        public var duplicates = 0
        public var rejected: [DeadLetterReason: Int] = [:]

        public var acceptedTotal: Int { accepted.values.reduce(0, +) }
        public var rejectedTotal: Int { rejected.values.reduce(0, +) }
    }

    /// Lines per transaction.
    public var batchSize = 1_000

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
        let publisher = OutboxPublisher(outbox: store.outbox, producer: producer, logger: logger)
        _ = try TopicCheck.require(
            [catalogue.chatMessages, catalogue.roster, catalogue.complaints, catalogue.orders, catalogue.deadLetters],
            on: producer)
        try publisher.publishPending()

        var summary = Summary()
        for source in sources where !shutdown.isRequested {
            let reader = try LineReader(path: source)
            logger.info("ingesting", metadata: ["vigil.source": source])
            var lineNumber = 0
            var finished = false
            while !finished, !shutdown.isRequested {
                try store.database.transaction {
                    for _ in 0..<batchSize {
                        guard let line = try reader.nextLine() else {
                            finished = true
                            return
                        }
                        lineNumber += 1
                        guard line.contains(where: { !Self.isWhitespace($0) }) else { continue }
                        try ingest(line, source: source, lineNumber: lineNumber, store: store,
                                   catalogue: catalogue, summary: &summary)
                    }
                }
                try publisher.publishPending()
            }
        }

        try publisher.publishPending(giveUpAfterMilliseconds: shutdown.isRequested ? 10_000 : nil)
        logger.info("ingestion finished", metadata: summaryMetadata(summary))
        return summary
    }

    // MARK: - Records

    private func ingest(_ line: ArraySlice<UInt8>, source: String, lineNumber: Int, store: ServiceStore,
                        catalogue: TopicCatalogue, summary: inout Summary) throws {
        let record: InterchangeRecord
        do {
            record = try parser.parse(line)
        } catch let rejection as RecordRejection {
            let deadLetter = DeadLetter(
                service: configuration.serviceName, source: DeadLetterSource(file: source, line: lineNumber),
                key: nil, reasonCode: rejection.reason, reason: rejection.message,
                payload: String(decoding: line, as: UTF8.self), recordedAt: WallClock.now())
            summary.rejected[rejection.reason, default: 0] += 1
            if try store.appliedEvents.markApplied(deadLetter.eventId) {
                try store.outbox.append(deadLetter, to: catalogue.deadLetters)
            }
            logger.warning("record rejected", metadata: [
                "vigil.source": source, "vigil.line": String(lineNumber), "vigil.reason": rejection.description,
            ])
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
