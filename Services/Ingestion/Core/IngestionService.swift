import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Imports files or standard input through ``RecordIntake`` and publishes
/// each accepted record to its topic, through the outbox.
///
/// Every record either becomes an event, a counted duplicate, or a dead
/// letter with the reason, so nothing is dropped silently. Importing the same
/// file again adds nothing.
public final class IngestionService {
    /// The counts of one run.
    public struct Summary: Sendable, Equatable {
        public var counts = IntakeCounters.Counts()
        /// True when shutdown was requested before every source was read.
        public var interrupted = false
    }

    /// Records per transaction at most.
    public var batchSize = 1_000
    /// How long a batch waits for more lines from a pipe before it is
    /// committed and published, so records fed live are not held back.
    public var idleFlushMilliseconds: Int32 = 200
    /// How far event time moves between rounds of clocks; an hour of chat
    /// history gives one round.
    public var clockIntervalMilliseconds: Int64 = 60 * 60 * 1_000

    private let configuration: ServiceConfiguration
    private let format: InputFormat
    private let shutdown: ShutdownSignal
    private let logger: Logger

    public init(configuration: ServiceConfiguration, format: InputFormat, shutdown: ShutdownSignal) {
        self.configuration = configuration
        self.format = format
        self.shutdown = shutdown
        self.logger = configuration.logger
    }

    /// Ingests the sources in order ("-" is standard input) and returns once
    /// everything accepted is published. Stops early, after the batch in hand,
    /// when shutdown is requested.
    public func run(sources: [String]) throws -> Summary {
        let environment = try IntakeEnvironment(
            configuration: configuration,
            clockSource: EventClock.source(serviceName: configuration.serviceName, storePath: configuration.storePath),
            clockIntervalMilliseconds: clockIntervalMilliseconds, shutdown: shutdown)

        for path in sources where !shutdown.isRequested {
            logger.info("ingesting", metadata: ["vigil.source": path])
            let source = try format.open(path)
            try ingest(source, path: path, environment: environment)
        }

        // Rounds come an interval apart, so the last one can lag the end of
        // the data by almost an interval. One more round closes the gap.
        try environment.store.database.transaction {
            _ = try environment.emitFinalClocks()
        }
        try environment.publisher.publishPending(shutdown: shutdown)
        let summary = Summary(counts: environment.intake.counters.total, interrupted: shutdown.isRequested)
        logger.info("ingestion finished", metadata: Self.metadata(summary))
        return summary
    }

    private func ingest(_ source: any RecordSource, path: String, environment: IntakeEnvironment) throws {
        let parser = format.parser
        var finished = false
        while !finished, !shutdown.isRequested {
            var batch: [SourceItem] = []
            while batch.count < batchSize {
                let item = try source.next(waitMilliseconds: idleFlushMilliseconds)
                if case .end = item {
                    finished = true
                    break
                }
                if case .idle = item {
                    if batch.isEmpty, !shutdown.isRequested {
                        continue
                    }
                    break
                }
                batch.append(item)
            }
            guard !batch.isEmpty else { continue }

            let intake = environment.intake
            try environment.store.database.transaction {
                for item in batch {
                    switch item {
                    case .record(let bytes, let line):
                        _ = try intake.offer(bytes, parser: parser, source: .file(path: path, line: line))
                    case .mapped(let bytes, let original, let line):
                        _ = try intake.offer(bytes, original: original, parser: parser,
                                             source: .file(path: path, line: line))
                    case .unreadable(let bytes, let rejection, let line):
                        try intake.reject(bytes, rejection, source: .file(path: path, line: line))
                    case .idle, .end:
                        break
                    }
                }
                try environment.emitClocksIfDue()
            }
            try environment.publisher.publishPending(shutdown: shutdown)
        }
    }

    static func metadata(_ summary: Summary) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "vigil.duplicates": String(summary.counts.duplicates),
            "vigil.rejected": String(summary.counts.rejectedTotal),
            "vigil.interrupted": String(summary.interrupted),
        ]
        for kind in RecordKind.allCases {
            metadata["vigil.accepted.\(kind.rawValue)"] = String(summary.counts.accepted[kind] ?? 0)
        }
        return metadata
    }
}
