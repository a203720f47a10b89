import VigilContracts
import VigilKafka
import VigilStore

/// Events waiting to be published, written in the transaction that produced them.
public final class Outbox {
    /// A stored event with its position in the outbox.
    public struct Entry {
        public var sequence: Int64
        public var record: OutgoingRecord
    }

    private let database: Database

    init(database: Database) {
        self.database = database
    }

    /// Appends an event; its Kafka timestamp is the event time and its headers
    /// carry the event id and schema, so readers can filter without decoding.
    /// Without `partition`, the partitioner places it by its key.
    public func append<Event: VigilEvent>(_ event: Event, to topic: TopicSpec, partition: Int32? = nil) throws {
        let value = try EventCoding.encode(event)
        let schema = "\(Event.schemaName)/\(event.schemaVersion)"
        try database.run("""
            INSERT INTO vigil_outbox (topic, partition, record_key, value, timestamp_ms, event_id, schema)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [topic.name, partition.map(Int64.init), event.recordKey.map { Array($0.utf8) }, value,
                  event.eventTime.epochMilliseconds, event.eventId, schema])
    }

    /// Returns the oldest entries, up to `limit`.
    public func pending(limit: Int) throws -> [Entry] {
        try entries(after: Int64.min, limit: limit)
    }

    /// Returns the oldest entries whose sequence is above `sequence`, up to
    /// `limit`: pass the last sequence of one page to get the next one.
    public func entries(after sequence: Int64, limit: Int) throws -> [Entry] {
        try database.query("""
            SELECT sequence, topic, record_key, value, timestamp_ms, event_id, schema, partition
            FROM vigil_outbox WHERE sequence > ? ORDER BY sequence LIMIT ?
            """, [sequence, limit]).map { row in
            let headers = [
                KafkaHeader(name: EventHeaders.eventId, value: row[5].bytes),
                KafkaHeader(name: EventHeaders.schema, value: row[6].bytes),
            ]
            let record = OutgoingRecord(topic: row[1].string ?? "", partition: row[7].int64.map { Int32($0) },
                                        key: row[2].bytes, value: row[3].bytes ?? [],
                                        timestampMilliseconds: row[4].int64 ?? 0, headers: headers)
            return Entry(sequence: row[0].int64 ?? 0, record: record)
        }
    }

    /// Removes an entry and appends a dead letter in its place, in one transaction.
    func replace(_ sequence: Int64, with letter: DeadLetter, to topic: TopicSpec) throws {
        try database.transaction {
            try database.run("DELETE FROM vigil_outbox WHERE sequence = ?", [sequence])
            try append(letter, to: topic)
        }
    }

    /// Removes published entries.
    public func remove(_ sequences: [Int64]) throws {
        guard !sequences.isEmpty else { return }
        try database.transaction {
            for sequence in sequences {
                try database.run("DELETE FROM vigil_outbox WHERE sequence = ?", [sequence])
            }
        }
    }

    /// Counts the entries waiting to be published.
    public func count() throws -> Int {
        try database.scalar("SELECT count(*) FROM vigil_outbox").int ?? 0
    }
}

/// The header names on every event record.
public enum EventHeaders {
    /// The event's deterministic id.
    public static let eventId = "vigil.event-id"
    /// `<schema name>/<version>`, such as `alert/1`.
    public static let schema = "vigil.schema"
}
