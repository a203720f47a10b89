import VigilContracts
import VigilStore

/// The SQL behind ``ReplyTimers``: one row per thread with a pending wait.
///
/// A row stores the wait, the partition of the chat topic its thread lives
/// in, and whether its timeout has been returned. It is deleted when an agent
/// answers. The partial index contains only waits not yet timed out, ordered as
/// `advance` returns them, so a watermark reads just the waits it fires.
enum ReplyWaitTable {
    static let migrations: [(identifier: String, sql: String)] = [
        ("alerting-reply-1-waits", """
            CREATE TABLE alerting_reply_waits (
                shop TEXT NOT NULL,
                buyer TEXT NOT NULL,
                partition INTEGER NOT NULL,
                site TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                agent TEXT NOT NULL,
                customer_message_id TEXT NOT NULL,
                since_ms INTEGER NOT NULL,
                utc_offset_seconds INTEGER NOT NULL,
                deadline_ms INTEGER NOT NULL,
                limit_seconds INTEGER NOT NULL,
                timed_out INTEGER NOT NULL,
                PRIMARY KEY (shop, buyer)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX alerting_reply_waits_due
                ON alerting_reply_waits (partition, deadline_ms, shop, buyer) WHERE timed_out = 0;
            """),
    ]

    /// A stored wait and whether its timeout has been returned.
    struct Entry {
        var wait: ReplyWait
        var timedOut: Bool
    }

    private static let columns = """
        shop, buyer, site, conversation_id, agent, customer_message_id,
        since_ms, utc_offset_seconds, deadline_ms, limit_seconds, timed_out
        """

    // MARK: - Reading

    static func entry(for thread: ThreadKey, in database: Database) throws -> Entry? {
        let rows = try database.query("SELECT \(columns) FROM alerting_reply_waits WHERE shop = ? AND buyer = ?",
                                      [thread.shop, thread.buyer])
        return try rows.first.map(entry(from:))
    }

    /// Returns the waits of `partition` not yet timed out whose deadline lies
    /// before `time`, by deadline, then shop and buyer in byte order.
    static func due(partition: Int32, before time: Timestamp, in database: Database) throws -> [ReplyWait] {
        let rows = try database.query("""
            SELECT \(columns) FROM alerting_reply_waits
            WHERE partition = ? AND timed_out = 0 AND deadline_ms < ?
            ORDER BY deadline_ms, shop, buyer
            """, [partition, time.epochMilliseconds])
        return try rows.map { try entry(from: $0).wait }
    }

    private static func entry(from row: Row) throws -> Entry {
        func text(_ index: Int) throws -> String {
            guard let value = row[index].string else { throw ReplyWaitRowError(column: index) }
            return value
        }
        func integer(_ index: Int) throws -> Int64 {
            guard let value = row[index].int64 else { throw ReplyWaitRowError(column: index) }
            return value
        }

        let offset = Int32(clamping: try integer(7))
        let wait = ReplyWait(
            shop: try text(0), buyer: try text(1), site: try text(2), conversationId: try text(3),
            agent: try text(4), customerMessageId: try text(5),
            since: Timestamp(epochMilliseconds: try integer(6), utcOffsetSeconds: offset),
            deadline: Timestamp(epochMilliseconds: try integer(8), utcOffsetSeconds: offset),
            limitSeconds: Int(try integer(9)))
        return Entry(wait: wait, timedOut: try integer(10) != 0)
    }

    // MARK: - Writing

    static func insert(_ wait: ReplyWait, partition: Int32, in database: Database) throws {
        try database.run("""
            INSERT INTO alerting_reply_waits (\(columns), partition)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """, [wait.shop, wait.buyer, wait.site, wait.conversationId, wait.agent, wait.customerMessageId,
                  wait.since.epochMilliseconds, wait.since.utcOffsetSeconds, wait.deadline.epochMilliseconds,
                  wait.limitSeconds, partition])
    }

    static func markTimedOut(_ thread: ThreadKey, in database: Database) throws {
        try database.run("UPDATE alerting_reply_waits SET timed_out = 1 WHERE shop = ? AND buyer = ?",
                         [thread.shop, thread.buyer])
    }

    static func markTimedOut(partition: Int32, before time: Timestamp, in database: Database) throws {
        try database.run("""
            UPDATE alerting_reply_waits SET timed_out = 1
            WHERE partition = ? AND timed_out = 0 AND deadline_ms < ?
            """, [partition, time.epochMilliseconds])
    }

    static func delete(_ thread: ThreadKey, in database: Database) throws {
        try database.run("DELETE FROM alerting_reply_waits WHERE shop = ? AND buyer = ?", [thread.shop, thread.buyer])
    }
}

/// A stored wait with a value of the wrong type. The table is STRICT, so only a damaged file has one.
struct ReplyWaitRowError: Error, CustomStringConvertible {
    var column: Int

    var description: String { "alerting_reply_waits row has an invalid value in column \(column)" }
}
