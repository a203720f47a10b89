import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// The store, producer, roster and clock that a file import or the HTTP
/// server opens before it accepts the first record.
///
/// Not Sendable: the store's connection and the producer belong to the
/// thread that opened them.
public final class IntakeEnvironment {
    public let store: ServiceStore
    public let producer: KafkaProducer
    public let publisher: OutboxPublisher
    public let intake: RecordIntake
    public let catalogue: TopicCatalogue

    private let rosterReader: TableReader
    private let logger: Logger

    /// The topics that receive clocks: every thread-keyed topic ingestion writes.
    public var clockTopics: [(spec: TopicSpec, partitions: Int32)] {
        catalogue.watermarked.map { ($0, $0.partitions) }
    }

    /// Opens the store, checks the topics and the broker, publishes what the
    /// last run left in the outbox, and reads the roster topic.
    public init(configuration: ServiceConfiguration, clockSource: String, clockIntervalMilliseconds: Int64,
                counters: IntakeCounters = IntakeCounters(), shutdown: ShutdownSignal) throws {
        logger = configuration.logger
        catalogue = configuration.catalogue
        store = try ServiceStore(path: configuration.storePath, registerMigrations: RecordIntake.registerMigrations)
        producer = try KafkaProducer(properties: configuration.clientProperties, logger: logger)
        publisher = OutboxPublisher(outbox: store.outbox, producer: producer, serviceName: configuration.serviceName,
                                    deadLetters: catalogue.deadLetters, logger: logger)
        let inputs = [catalogue.chatMessages, catalogue.roster, catalogue.complaints, catalogue.orders]
        let partitionCounts = try TopicCheck.require(inputs + [catalogue.caseCommands, catalogue.deadLetters],
                                                     on: producer)
        try Self.checkBrokerKeptRecords(inputs, partitionCounts: partitionCounts, store: store, producer: producer,
                                        storePath: configuration.storePath)
        try publisher.publishPending(shutdown: shutdown)

        let clock = EventClock(source: clockSource, intervalMilliseconds: clockIntervalMilliseconds)
        try clock.load(from: store.database)
        intake = RecordIntake(store: store, catalogue: catalogue, serviceName: configuration.serviceName,
                              roster: RosterDirectory(), clock: clock, counters: counters, logger: logger)
        rosterReader = try TableReader(topic: catalogue.roster, partitions: partitionCounts[catalogue.roster.name] ?? 1,
                                       properties: configuration.clientProperties, logger: logger)
        let people = try rosterReader.catchUp(shouldStop: { shutdown.isRequested }, apply: applyRosterRecord)
        logger.info("roster loaded", metadata: ["vigil.records": String(people), "vigil.people": String(intake.roster.count)])
    }

    /// Applies roster records other instances published since the last call.
    public func pollRoster() throws {
        _ = try rosterReader.pollUpdates(apply: applyRosterRecord)
    }

    /// Applies one roster record, skipping one that does not decode: only
    /// ingestion writes the roster topic, and it validated every record.
    private func applyRosterRecord(_ record: KafkaRecord) throws {
        try? intake.learn(record)
    }

    /// Writes a round of clocks if one is due; call inside the batch's transaction.
    @discardableResult
    public func emitClocksIfDue() throws -> Int {
        try intake.clock.emitIfDue(into: clockTopics, store: store)
    }

    /// Writes a last round of clocks at the event time reached, if it moved
    /// since the last round. Call it inside a transaction.
    @discardableResult
    public func emitFinalClocks() throws -> Int {
        try intake.clock.emitIfMoved(into: clockTopics, store: store)
    }

    /// Fails when this store has accepted records but the topics never held
    /// any: the broker is new or lost its data (the embedded broker keeps
    /// nothing across restarts), and every record would be skipped as a duplicate.
    private static func checkBrokerKeptRecords(_ topics: [TopicSpec], partitionCounts: [String: Int32],
                                               store: ServiceStore, producer: KafkaProducer,
                                               storePath: String) throws {
        let ingestedBefore = try store.database.scalar("SELECT EXISTS (SELECT 1 FROM ingest_records)").int == 1
        guard ingestedBefore else { return }
        for topic in topics {
            for partition in 0..<(partitionCounts[topic.name] ?? 0) {
                if try producer.watermarks(TopicPartition(topic: topic.name, partition: partition)).high > 0 {
                    return
                }
            }
        }
        throw IngestionError.brokerLostRecords(storePath: storePath)
    }
}
