import VigilContracts
import VigilKafka
import VigilLog
import VigilStore

/// The store, outbox and table of applied event ids that a processor uses while it processes a record.
public final class ProcessingContext {
    /// The service's store, inside the batch transaction.
    public let database: Database
    /// The store whose connection `database` is, for components that take the whole store.
    public let store: ServiceStore
    /// The topics under the configured prefix.
    public let catalogue: TopicCatalogue
    /// The service name that dead letters carry.
    public let serviceName: String
    /// The logger of ``rejectHeldEvent(_:eventId:key:topic:partition:time:error:)``, which the runtime sets to the service's.
    var logger: Logger?
    private let outbox: Outbox
    private let appliedEvents: AppliedEvents
    /// True while a partition store is rebuilt: its events were published by
    /// the instance that owned the partition before, so they are dropped.
    var discardsOutputs = false

    /// Creates a context over a service's store. The stream loop makes one per
    /// run, and tools or tests that drive a processor directly make their own.
    public init(store: ServiceStore, catalogue: TopicCatalogue, serviceName: String = "vigil") {
        self.database = store.database
        self.store = store
        self.catalogue = catalogue
        self.serviceName = serviceName
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

    /// Queues a dead letter for an input event the processor accepted and held
    /// until its partition's event time reached it, and then failed to apply
    /// with `error`, a failure of the event itself (see ``ProcessingFailure``).
    ///
    /// The runtime turns a failure while a record is applied into that
    /// record's dead letter. A held event is applied while a later record,
    /// such as a watermark, is processed, so the processor must catch the
    /// failure itself: the later record would otherwise fail on every retry
    /// and hold up the partition.
    public func rejectHeldEvent(_ payload: [UInt8], eventId: String, key: String?, topic: String, partition: Int32,
                                time: Timestamp, error: any Error) throws {
        let rejection = ProcessingFailure.rejection(for: error)
        logger?.error("held event failed to apply; sent to dead letters", metadata: [
            "vigil.topic": topic,
            "vigil.partition": String(partition),
            "vigil.event_id": eventId,
            "vigil.reason": rejection.description,
        ])
        let letter = DeadLetter(service: serviceName,
                                source: DeadLetterSource(heldEventId: eventId, topic: topic, partition: partition),
                                key: key, reasonCode: rejection.reason, reason: rejection.message, payload: payload,
                                recordedAt: time)
        try emit(letter, to: catalogue.deadLetters)
    }

    /// Records that an input event is being applied; returns false when it was applied before.
    public func markApplied(_ eventId: String) throws -> Bool {
        try appliedEvents.markApplied(eventId)
    }

    /// Decodes a record's value as an input event, turning any failure into
    /// a ``RecordRejection``. An event whose time lies outside
    /// ``Timestamp/acceptedEventTimes`` is rejected too, as ingestion would
    /// have rejected it: any client of the broker can write an input topic.
    public func decode<Event: VigilEvent>(_ type: Event.Type, from record: KafkaRecord) throws -> Event {
        let event = try RecordDecoding.decode(type, from: record.value)
        try RecordDecoding.requireAcceptedTime(event.eventTime, of: "\(Event.schemaName) \(event.eventId)")
        return event
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

    /// Throws an `invalid-time` rejection when `time`, the time of `subject`,
    /// lies outside ``Timestamp/acceptedEventTimes``.
    public static func requireAcceptedTime(_ time: Timestamp, of subject: String) throws {
        guard time.isAcceptedEventTime else {
            throw RecordRejection(.invalidTime, "the time \(time.iso8601) of \(subject) is not between "
                + "2000-01-01T00:00:00Z and 2099-12-31T23:59:59.999Z")
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
