import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Keeps per-agent, per-day figures (conversations, first response time,
/// alerts, cases, complaints) and publishes each changed agent-day as a score.
///
/// Days are calendar days at a fixed UTC offset (+08:00 by default), taken
/// from event time. Every figure is derived from stored rows, so the totals do
/// not depend on the order in which records arrive, within a topic or across
/// the four input topics.
/// NOTE: this counts per instance; with several instances an agent's
/// conversations spread over them until scoring re-keys by agent.
public final class ScoringProcessor: StreamProcessor {
    private let catalogue: TopicCatalogue
    private let utcOffsetSeconds: Int32
    private var changed: Set<AgentDay> = []

    /// An agent and a day whose figures changed in the current batch.
    struct AgentDay: Hashable, Comparable {
        var agent: String
        var day: String

        static func < (lhs: AgentDay, rhs: AgentDay) -> Bool {
            (lhs.agent, lhs.day) < (rhs.agent, rhs.day)
        }
    }

    public init(catalogue: TopicCatalogue, utcOffsetSeconds: Int32 = 8 * 3600) {
        self.catalogue = catalogue
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    public var inputTopics: [TopicSpec] {
        [catalogue.chatMessages, catalogue.alerts, catalogue.caseEvents, catalogue.complaints]
    }
    public var outputTopics: [TopicSpec] { [catalogue.scores] }

    public func registerMigrations(in migrator: inout Migrator) {
        ScoringSchema.register(in: &migrator)
    }

    // MARK: - Records

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let database = context.database
        switch record.topic {
        case catalogue.chatMessages.name:
            let message = try context.decode(ChatMessage.self, from: record)
            guard try context.markApplied(message.eventId) else { return }
            try apply(message, database: database)

        case catalogue.alerts.name:
            let alert = try context.decode(Alert.self, from: record)
            guard try context.markApplied(alert.eventId) else { return }
            // An alert counts once, when raised; its repeats, reminders and closing do not.
            // TODO: reply timeouts become their own measure with the KPIs of issue 6.
            guard alert.currentAction == .raised, alert.kind == .keyword else { return }
            try attribute(eventId: alert.eventId, kind: "alert",
                          conversation: Self.conversationKey(shop: alert.shop, alert.conversationId),
                          agent: alert.agent, at: alert.raisedAt, database: database)

        case catalogue.caseEvents.name:
            let event = try context.decode(CaseEvent.self, from: record)
            guard try context.markApplied(event.eventId), event.type == .opened else { return }
            try attribute(eventId: event.caseId, kind: "case",
                          conversation: event.conversationId.map { Self.conversationKey(shop: event.shop, $0) },
                          agent: event.agent, at: event.occurredAt, database: database)

        case catalogue.complaints.name:
            let complaint = try context.decode(Complaint.self, from: record)
            guard try context.markApplied(complaint.eventId) else { return }
            try attribute(eventId: complaint.eventId, kind: "complaint",
                          conversation: complaint.conversationId.map { Self.conversationKey(shop: complaint.shop, $0) },
                          agent: nil, at: complaint.filedAt, database: database)

        default:
            throw RecordRejection(.unprocessable, "scoring does not read topic \(record.topic)")
        }
    }

    public func finishBatch(context: ProcessingContext) throws {
        for agentDay in changed.sorted() {
            try context.emit(try score(for: agentDay, database: context.database), to: catalogue.scores)
        }
        changed.removeAll()
    }

    static func conversationKey(shop: String, _ conversationId: String) -> String {
        "\(shop)/\(conversationId)"
    }

    // MARK: - Conversations

    private func apply(_ message: ChatMessage, database: Database) throws {
        let key = Self.conversationKey(shop: message.shop, message.conversationId)
        try database.run("""
            INSERT OR IGNORE INTO conversation_messages (conversation_key, event_id, role, agent, sent_ms)
            VALUES (?, ?, ?, ?, ?)
            """, [key, message.eventId, message.role.rawValue, message.agent, message.sentAt.epochMilliseconds])
        try refreshConversation(key, database: database)
    }

    /// Derives a conversation's figures from all its messages and marks the
    /// agent-days it left and entered as changed.
    private func refreshConversation(_ key: String, database: Database) throws {
        // The earliest message names the day and the agent; ties go to the smaller event id.
        guard let first = try database.query("""
            SELECT sent_ms, agent FROM conversation_messages WHERE conversation_key = ?
            ORDER BY sent_ms, event_id LIMIT 1
            """, [key]).first,
            let firstMessage = first[0].int64, let agent = first[1].string
        else { return }
        let firstCustomer = try database.scalar("""
            SELECT min(sent_ms) FROM conversation_messages WHERE conversation_key = ? AND role = 'customer'
            """, [key]).int64
        // The first agent message at or after the customer's first message is the first response.
        var firstResponse: Int64?
        if let firstCustomer {
            firstResponse = try database.scalar("""
                SELECT min(sent_ms) FROM conversation_messages
                WHERE conversation_key = ? AND role = 'agent' AND sent_ms >= ?
                """, [key, firstCustomer]).int64
        }
        let day = Timestamp(epochMilliseconds: firstMessage).day(atUTCOffset: utcOffsetSeconds)

        let previous = try database.query("SELECT agent, day FROM conversations WHERE conversation_key = ?", [key]).first
        try database.run("""
            INSERT INTO conversations (conversation_key, agent, day, first_message_ms, first_customer_ms, first_response_ms)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (conversation_key) DO UPDATE SET
                agent = excluded.agent, day = excluded.day, first_message_ms = excluded.first_message_ms,
                first_customer_ms = excluded.first_customer_ms, first_response_ms = excluded.first_response_ms
            """, [key, agent, day, firstMessage, firstCustomer, firstResponse])

        changed.insert(AgentDay(agent: agent, day: day))
        if let previousAgent = previous?[0].string, let previousDay = previous?[1].string {
            changed.insert(AgentDay(agent: previousAgent, day: previousDay))
        }
        if previous?[0].string != agent {
            try reattribute(conversation: key, to: agent, database: database)
        }
    }

    // MARK: - Attribution

    private func attribute(eventId: String, kind: String, conversation: String?, agent: String?,
                           at time: Timestamp, database: Database) throws {
        var resolved = agent
        if resolved == nil, let conversation {
            resolved = try database.scalar("SELECT agent FROM conversations WHERE conversation_key = ?",
                                           [conversation]).string
        }
        let day = time.day(atUTCOffset: utcOffsetSeconds)
        try database.run("""
            INSERT OR IGNORE INTO attributions
                (event_id, kind, conversation_key, agent, agent_from_conversation, day, occurred_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [eventId, kind, conversation, resolved, agent == nil, day, time.epochMilliseconds])
        if database.changes == 1, let resolved {
            changed.insert(AgentDay(agent: resolved, day: day))
        }
    }

    /// Gives the attributions that take their agent from a conversation to
    /// that conversation's current agent, and marks the agent-days involved.
    private func reattribute(conversation key: String, to agent: String, database: Database) throws {
        let moving = try database.query("""
            SELECT agent, day FROM attributions
            WHERE conversation_key = ? AND agent_from_conversation = 1 AND agent IS NOT ?
            """, [key, agent])
        for row in moving {
            guard let day = row[1].string else { continue }
            changed.insert(AgentDay(agent: agent, day: day))
            if let previous = row[0].string {
                changed.insert(AgentDay(agent: previous, day: day))
            }
        }
        try database.run("""
            UPDATE attributions SET agent = ? WHERE conversation_key = ? AND agent_from_conversation = 1
            """, [agent, key])
    }

    // MARK: - Scores

    private func score(for agentDay: AgentDay, database: Database) throws -> Score {
        let conversation = try database.query("""
            SELECT count(*),
                   count(first_response_ms),
                   coalesce(sum((first_response_ms - first_customer_ms) / 1000), 0),
                   max(coalesce(first_response_ms, first_message_ms))
            FROM conversations WHERE agent = ? AND day = ?
            """, [agentDay.agent, agentDay.day])[0]
        let counts = try database.query("""
            SELECT kind, count(*), max(occurred_at_ms) FROM attributions WHERE agent = ? AND day = ? GROUP BY kind
            """, [agentDay.agent, agentDay.day])

        var figures = ScoreFigures(
            conversations: conversation[0].int ?? 0,
            firstResponses: conversation[1].int ?? 0,
            firstResponseSecondsTotal: conversation[2].int64 ?? 0)
        var latest = conversation[3].int64 ?? 0
        for row in counts {
            let count = row[1].int ?? 0
            switch row[0].string {
            case "alert": figures.alerts = count
            case "case": figures.cases = count
            case "complaint": figures.complaints = count
            default: break
            }
            latest = max(latest, row[2].int64 ?? 0)
        }

        return Score(
            subject: ScoreSubject(kind: .agent, id: agentDay.agent),
            period: ScorePeriod(kind: .day, start: agentDay.day),
            figures: figures,
            asOf: Timestamp(epochMilliseconds: latest, utcOffsetSeconds: utcOffsetSeconds))
    }
}
