import VigilContracts
import VigilRuntime
import VigilStore

/// The event time this ingestion instance has reached, and when it is due to
/// write clocks into every partition of the thread-keyed topics.
///
/// Event time is the latest event time accepted. In live serving it also
/// follows the wall clock (less an allowance for records in flight), so that
/// time advances when no site sends anything. A round of clocks is due when
/// event time has moved `interval` past the last round. Clocks are records in
/// the log, so downstream services that fire deadlines on them fire the same
/// ones on replay.
public final class EventClock {
    /// The `source` field of every clock this instance writes.
    public let source: String
    /// How far event time must move before the next round of clocks.
    public let intervalMilliseconds: Int64

    private var watermark: Int64?
    private var emitted: Int64?

    /// Returns the source name of an instance: its service and its store's
    /// file name, which is unique per instance because instances never share
    /// a store ("vigil-ingest-http/http-hz").
    public static func source(serviceName: String, storePath: String) -> String {
        var name = storePath.split(separator: "/").last.map(String.init) ?? storePath
        if name.hasSuffix(".sqlite") {
            name.removeLast(".sqlite".count)
        }
        return "\(serviceName)/\(name)"
    }

    public init(source: String, intervalMilliseconds: Int64) {
        self.source = source
        self.intervalMilliseconds = intervalMilliseconds
    }

    /// The event time reached, or nil before the first record.
    public var time: Timestamp? { watermark.map { Timestamp(epochMilliseconds: $0) } }

    /// Moves event time forward to `time` if it is later; an earlier time changes nothing.
    public func observe(_ time: Timestamp) {
        let milliseconds = time.epochMilliseconds
        if watermark.map({ milliseconds > $0 }) ?? true {
            watermark = milliseconds
        }
    }

    // MARK: - Store

    /// Reads the time reached and the last round from the store, after a restart.
    public func load(from database: Database) throws {
        guard let row = try database.query(
            "SELECT watermark_ms, emitted_ms FROM ingest_clock WHERE source = ?", [source]).first else { return }
        watermark = row[0].int64
        emitted = row[1].int64
    }

    /// Writes a round of clocks, one into every partition of `topics`, when
    /// one is due, and saves the state in the same transaction. Returns the
    /// number of clocks written.
    @discardableResult
    public func emitIfDue(into topics: [(spec: TopicSpec, partitions: Int32)], store: ServiceStore) throws -> Int {
        guard let watermark else { return 0 }
        if let emitted, watermark - emitted < intervalMilliseconds {
            return 0
        }
        return try emit(at: watermark, into: topics, store: store)
    }

    /// Writes a round of clocks when event time moved at all since the last
    /// round, however little, and saves the state in the same transaction.
    /// An import calls it at its end, so that deadlines downstream are not
    /// left waiting just below the last record. Returns the number of clocks written.
    @discardableResult
    public func emitIfMoved(into topics: [(spec: TopicSpec, partitions: Int32)], store: ServiceStore) throws -> Int {
        guard let watermark, watermark != emitted else { return 0 }
        return try emit(at: watermark, into: topics, store: store)
    }

    private func emit(at watermark: Int64, into topics: [(spec: TopicSpec, partitions: Int32)],
                      store: ServiceStore) throws -> Int {
        let time = Timestamp(epochMilliseconds: watermark)
        var written = 0
        for (spec, partitions) in topics {
            for partition in 0..<partitions {
                let clock = Watermark(source: source, topic: spec.name, partition: partition, time: time)
                try store.outbox.append(clock, to: spec, partition: partition)
                written += 1
            }
        }
        emitted = watermark
        try store.database.run("""
            INSERT INTO ingest_clock (source, watermark_ms, emitted_ms) VALUES (?, ?, ?)
            ON CONFLICT (source) DO UPDATE SET watermark_ms = excluded.watermark_ms, emitted_ms = excluded.emitted_ms
            """, [source, watermark, watermark])
        return written
    }
}
