import VigilContracts
import VigilKafka
import VigilStore

/// The store, outbox and table of applied event ids that a processor uses while it processes a record.
public final class ProcessingContext {
    /// The service's store, inside the batch transaction.
    public let database: Database
    /// The store whose connection `database` is, for components that take the whole store.
    public let store: ServiceStore
    /// The topics under the configured prefix.
    public let catalogue: TopicCatalogue
    private let outbox: Outbox
    private let appliedEvents: AppliedEvents
    /// True while a partition store is rebuilt: its events were published by
    /// the instance that owned the partition before, so they are dropped.
    var discardsOutputs = false

    /// Creates a context over a service's store. The stream loop makes one per
    /// run, and tools or tests that drive a processor directly make their own.
    public init(store: ServiceStore, catalogue: TopicCatalogue) {
        self.database = store.database
        self.store = store
        self.catalogue = catalogue
        self.outbox = store.outbox
        self.appliedEvents = store.appliedEvents
    }

    /// Queues an event for publication once the batch commits.
    public func emit<Event: VigilEvent>(_ event: Event, to topic: TopicSpec) throws {
        guard !discardsOutputs else { return }
        try outbox.append(event, to: topic)
    }

    /// Queues an event for one partition of `topic`, whatever its key, such
    /// as a watermark. The outbox publishes in the order events were queued,
    /// so it follows everything queued before it.
    public func emit<Event: VigilEvent>(_ event: Event, to topic: TopicSpec, partition: Int32) throws {
        guard !discardsOutputs else { return }
        try outbox.append(event, to: topic, partition: partition)
    }

    /// Records that an input event is being applied; returns false when it was applied before.
    public func markApplied(_ eventId: String) throws -> Bool {
        try appliedEvents.markApplied(eventId)
    }

    /// Decodes a record's value as an event, turning any failure into a ``RecordRejection``.
    public func decode<Event: VigilEvent>(_ type: Event.Type, from record: KafkaRecord) throws -> Event {
        try RecordDecoding.decode(type, from: record.value)
    }
}

/// Decoding that reports failures as rejections with a dead-letter reason.
public enum RecordDecoding {
    /// Decodes JSON bytes as an event, or throws a ``RecordRejection`` saying what is wrong.
    public static func decode<Event: VigilEvent>(_ type: Event.Type, from bytes: [UInt8]) throws -> Event {
        do {
            return try EventCoding.decodeEvent(type, from: bytes)
        } catch let error as EventDecodingError {
            throw RecordRejection(.unsupportedSchema, error.description)
        } catch let error as DecodingError {
            throw rejection(for: error)
        } catch {
            throw RecordRejection(.invalidJSON, String(describing: error))
        }
    }

    /// Maps a decoding failure to a rejection. A failure at the top level means
    /// the bytes are not one JSON object, and a deeper one names the field.
    public static func rejection(for error: DecodingError) -> RecordRejection {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return RecordRejection(.invalidJSON, EventCoding.describe(error))
        case .typeMismatch(_, let context) where context.codingPath.isEmpty,
             .valueNotFound(_, let context) where context.codingPath.isEmpty:
            return RecordRejection(.invalidJSON, "invalid JSON: expected one JSON object")
        case .dataCorrupted(let context) where context.underlyingError is InvalidTimestamp:
            return RecordRejection(.invalidTime, EventCoding.describe(error))
        default:
            return RecordRejection(.invalidField, EventCoding.describe(error))
        }
    }
}
