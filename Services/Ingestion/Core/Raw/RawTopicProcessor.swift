import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore

/// Validates the raw topics that sites' own Kafka producers write, through
/// the same ``RecordIntake`` as files and HTTP.
///
/// Runs in the stream runtime, so the raw offsets, the dedupe table and the
/// outbox commit in one transaction. The kind of each record comes from its
/// topic. Rejected records become dead letters that name the raw position.
public final class RawTopicProcessor: StreamProcessor {
    /// How far event time moves between rounds of clocks.
    public var clockIntervalMilliseconds: Int64 = 60_000

    private let catalogue: TopicCatalogue
    private let serviceName: String
    private let clockSource: String
    private let logger: Logger
    private let parsers: [String: InterchangeParser]
    private var roster = RosterDirectory()
    private var intake: RecordIntake?

    public init(catalogue: TopicCatalogue, serviceName: String, clockSource: String, logger: Logger) {
        self.catalogue = catalogue
        self.serviceName = serviceName
        self.clockSource = clockSource
        self.logger = logger
        var parsers: [String: InterchangeParser] = [:]
        for (kind, topic) in zip(RecordKind.allCases, catalogue.raw) {
            parsers[topic.name] = InterchangeParser(fixedKind: kind)
        }
        self.parsers = parsers
    }

    public var inputTopics: [TopicSpec] { catalogue.raw }
    public var tableTopics: [TopicSpec] { [catalogue.roster] }
    public var outputTopics: [TopicSpec] {
        [catalogue.chatMessages, catalogue.roster, catalogue.complaints, catalogue.orders, catalogue.caseCommands]
    }

    public func registerMigrations(in migrator: inout Migrator) {
        RecordIntake.registerMigrations(in: &migrator)
    }

    public func applyTableRecord(_ record: KafkaRecord) throws {
        // Before the first record the roster is kept here; after that, in the intake.
        if let intake {
            try intake.learn(record)
        } else {
            try roster.apply(record)
        }
    }

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let intake = try self.intake(context)
        guard let parser = parsers[record.topic] else { return }
        let source = IntakeSource.topic(name: record.topic, partition: record.partition, offset: record.offset,
                                        timestampMilliseconds: record.timestampMilliseconds)
        _ = try intake.offer(record.value[...], parser: parser, source: source)
    }

    public func finishBatch(context: ProcessingContext) throws {
        guard let intake else { return }
        try intake.clock.emitIfDue(
            into: catalogue.watermarked.map { ($0, $0.partitions) },
            store: context.store)
    }

    /// Creates the intake on the first record, once the store is open.
    private func intake(_ context: ProcessingContext) throws -> RecordIntake {
        if let intake {
            return intake
        }
        let clock = EventClock(source: clockSource, intervalMilliseconds: clockIntervalMilliseconds)
        try clock.load(from: context.database)
        let created = RecordIntake(store: context.store, catalogue: catalogue, serviceName: serviceName,
                                   roster: roster, clock: clock, logger: logger)
        intake = created
        return created
    }
}
