import VigilContracts
import VigilKafka
import VigilStore

/// What a processor may touch while it processes a record: the store, the outbox and the dedupe table.
public final class ProcessingContext {
    /// The service's store, inside the batch transaction.
    public let database: Database
    /// The topics under the configured prefix.
    public let catalogue: TopicCatalogue
    private let outbox: Outbox
    private let appliedEvents: AppliedEvents

    init(database: Database, catalogue: TopicCatalogue, outbox: Outbox, appliedEvents: AppliedEvents) {
        self.database = database
        self.catalogue = catalogue
        self.outbox = outbox
        self.appliedEvents = appliedEvents
    }

    /// Queues an event for publication once the batch commits.
    public func emit<Event: VigilEvent>(_ event: Event, to topic: TopicSpec) throws {
        try outbox.append(event, to: topic)
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
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw RecordRejection(.invalidJSON, EventCoding.describe(error))
            }
            throw RecordRejection(.invalidField, EventCoding.describe(error))
        } catch {
            throw RecordRejection(.invalidJSON, String(describing: error))
        }
    }
}
