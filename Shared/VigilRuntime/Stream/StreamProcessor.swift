import VigilContracts
import VigilKafka
import VigilStore

/// A service's logic: what it reads, what it keeps, and what it does with each record.
///
/// The runtime calls it on one thread, inside the transaction that also
/// stores the consumed offset, so everything `process` writes commits or
/// rolls back together with that offset.
public protocol StreamProcessor: AnyObject {
    /// The topics read through the consumer group, partition by partition.
    var inputTopics: [TopicSpec] { get }

    /// The topics read in full by every instance before processing starts,
    /// such as the roster; their records go to `applyTableRecord`.
    var tableTopics: [TopicSpec] { get }

    /// The topics this service writes to; checked at start.
    var outputTopics: [TopicSpec] { get }

    /// True when the processor's state for partition n of its input topics
    /// depends only on partition n of each, and its outputs only on its
    /// inputs. The runtime then keeps each partition number's state in a
    /// store of its own and, when a partition moves to another instance,
    /// rebuilds it there by reading the partition again up to the group's
    /// committed offsets. False (the default) keeps one store for every
    /// partition, which stays with the instance.
    var partitionedState: Bool { get }

    /// Registers the service's own tables.
    func registerMigrations(in migrator: inout Migrator)

    /// Called once the store is open and migrated, before any record.
    func open(_ database: Database) throws

    /// Applies one record of a table topic. Throw ``RecordRejection`` to skip it with a logged reason.
    func applyTableRecord(_ record: KafkaRecord) throws

    /// Called once every table topic has been read to its end, before the
    /// first input record. Throw to refuse to start, for example when a
    /// table the service cannot work without is empty.
    func tablesLoaded() throws

    /// Processes one input record. Throw ``RecordRejection`` to send it to
    /// the dead-letter topic; any other error stops the service without
    /// committing the batch.
    func process(_ record: KafkaRecord, context: ProcessingContext) throws

    /// Called for a watermark record on an input partition instead of `process`:
    /// event time on that partition has reached `watermark.time` for `watermark.source`.
    /// Services with time rules fire them here; the default ignores watermarks.
    func advanceWatermark(_ watermark: Watermark, context: ProcessingContext) throws

    /// Called after the last record of a batch, in the same transaction; a
    /// place to emit what several records changed once instead of per record.
    func finishBatch(context: ProcessingContext) throws
}

extension StreamProcessor {
    public var tableTopics: [TopicSpec] { [] }
    public var partitionedState: Bool { false }
    public func open(_ database: Database) throws {}
    public func applyTableRecord(_ record: KafkaRecord) throws {}
    public func tablesLoaded() throws {}
    public func advanceWatermark(_ watermark: Watermark, context: ProcessingContext) throws {}
    public func finishBatch(context: ProcessingContext) throws {}
}

/// A record the service will not process, and why. The runtime sends it to the dead-letter topic.
public struct RecordRejection: Error, CustomStringConvertible {
    public var reason: DeadLetterReason
    public var message: String

    public init(_ reason: DeadLetterReason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(reason.rawValue): \(message)" }
}
