import VigilContracts
import VigilStore

/// Reply-time timers in event time: one wait per customer thread, started by
/// a customer message, ended when an agent message replies to it, and timed
/// out when event time passes its deadline.
///
/// Time comes only from the stream: message `sentAt` and watermarks, never
/// the host's clock. The waits live in the service's store, so a restart or
/// a replay continues where the last committed transaction left off, and the
/// same records in the same order return the same events.
///
/// Rules, for one thread (shop and buyer):
/// - A customer message starts a wait when none is pending, unless it only
///   closes the turn (``ClosingRemarks``: 好的, 谢谢, an emoji). Later customer
///   messages leave it alone, because the customer has waited since the
///   first one that no agent replied to.
/// - An agent message sent at or after the wait's start replies to it and
///   ends it. If the wait had timed out, or the reply comes after the deadline,
///   the wait's timeout is returned first if not yet returned, then
///   `.answered`. A reply within the limit returns nothing.
/// - `system` messages (bots, automatic replies) never start or end a wait.
/// - Any message of the thread sent after the deadline times the pending
///   wait out before anything else.
///
/// Not Sendable: the service calls it on its processing thread, inside the
/// transaction that stores the consumed offsets.
public final class ReplyTimers {
    /// The limits that new waits get. Waits already pending keep theirs.
    public let limits: ReplyLimits

    public init(limits: ReplyLimits) {
        self.limits = limits
    }

    /// Registers the timers' table, `alerting_reply_waits`.
    public static func registerMigrations(in migrator: inout Migrator) {
        for migration in ReplyWaitTable.migrations {
            migrator.register(migration.identifier, sql: migration.sql)
        }
    }

    // MARK: - Messages

    /// Applies one chat message read from `partition` of the chat topic and
    /// returns what it changed: nothing, `.timedOut`, `.answered`, or
    /// `.timedOut` then `.answered`.
    ///
    /// Call it once per message. It does not skip repeats, so the caller
    /// checks the message's event id first, as it does for rule alerts.
    /// NOTE: A customer message that arrives after a later one of the same
    /// pending wait does not move the wait's start back.
    public func observe(_ message: ChatMessage, partition: Int32, in database: Database) throws -> [ReplyTimerEvent] {
        try database.transaction {
            let thread = message.thread
            let entry = try ReplyWaitTable.entry(for: thread, in: database)
            var events: [ReplyTimerEvent] = []

            // Step 1: a message past the deadline proves that event time has passed it.
            var timedOut = entry?.timedOut ?? false
            if let entry, !timedOut, message.sentAt > entry.wait.deadline {
                events.append(.timedOut(entry.wait))
                timedOut = true
            }

            // Step 2: the message's own effect on the wait.
            switch message.role {
            case .customer:
                if entry == nil, !ClosingRemarks.needsNoReply(message.text) {
                    try ReplyWaitTable.insert(wait(startedBy: message), partition: partition, in: database)
                }
            case .agent:
                if let entry, message.sentAt >= entry.wait.since {
                    if timedOut {
                        events.append(.answered(entry.wait, reply: message))
                    }
                    try ReplyWaitTable.delete(thread, in: database)
                    return events
                }
            case .system:
                break
            }

            if let entry, timedOut, !entry.timedOut {
                try ReplyWaitTable.markTimedOut(thread, in: database)
            }
            return events
        }
    }

    // MARK: - Watermarks

    /// Times out every wait of `partition` whose deadline lies before `time`
    /// and returns them, by deadline, then shop and buyer in byte order.
    ///
    /// Call it for every watermark on that partition of the chat topic.
    /// A wait whose deadline equals `time` stays pending, because the
    /// watermark's source may still deliver a reply sent at that instant.
    /// Each wait times out once, and stays stored until an agent replies to it.
    public func advance(partition: Int32, to time: Timestamp, in database: Database) throws -> [ReplyTimerEvent] {
        try database.transaction {
            let due = try ReplyWaitTable.due(partition: partition, before: time, in: database)
            guard !due.isEmpty else { return [] }

            try ReplyWaitTable.markTimedOut(partition: partition, before: time, in: database)
            return due.map(ReplyTimerEvent.timedOut)
        }
    }

    // MARK: - Starting a wait

    private func wait(startedBy message: ChatMessage) -> ReplyWait {
        let limit = limits.seconds(forShop: message.shop)
        let deadline = Timestamp(epochMilliseconds: message.sentAt.epochMilliseconds + Int64(limit) * 1000,
                                 utcOffsetSeconds: message.sentAt.utcOffsetSeconds)
        return ReplyWait(shop: message.shop, buyer: message.buyer, site: message.site,
                         conversationId: message.conversationId, agent: message.agent,
                         customerMessageId: message.messageId, since: message.sentAt, deadline: deadline,
                         limitSeconds: limit)
    }
}
