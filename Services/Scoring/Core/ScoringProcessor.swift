import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Keeps per-agent, per-day figures (conversations, first response time,
/// alerts, cases, complaints) and publishes each changed agent-day as a score.
///
/// Days are calendar days at a fixed UTC offset (+08:00 by default), taken
/// from event time. Every figure is a count over stored rows, so the totals do
/// not depend on the order in which the four input topics interleave.
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
            try attribute(eventId: alert.eventId, kind: "alert", conversationId: alert.conversationId,
                          agent: alert.agent, at: alert.raisedAt, database: database)

        case catalogue.caseEvents.name:
            let event = try context.decode(CaseEvent.self, from: record)
            guard try context.markApplied(event.eventId), event.type == .opened else { return }
            try attribute(eventId: event.caseId, kind: "case", conversationId: event.conversationId,
                          agent: event.agent, at: event.occurredAt, database: database)

        case catalogue.complaints.name:
            let complaint = try context.decode(Complaint.self, from: record)
            guard try context.markApplied(complaint.eventId) else { return }
            try attribute(eventId: complaint.eventId, kind: "complaint", conversationId: complaint.conversationId,
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

    // MARK: - Conversations

    private func apply(_ message: ChatMessage, database: Database) throws {
        let time = message.sentAt.epochMilliseconds
        let day = message.sentAt.day(atUTCOffset: utcOffsetSeconds)
        try database.run("""
            INSERT OR IGNORE INTO conversations (conversation_id, agent, day, first_message_ms) VALUES (?, ?, ?, ?)
            """, [message.conversationId, message.agent, day, time])
        if database.changes == 1 {
            try resolvePending(conversationId: message.conversationId, agent: message.agent, database: database)
        }

        switch message.role {
        case .customer:
            try database.run("""
                UPDATE conversations SET first_customer_ms = ?
                WHERE conversation_id = ? AND first_customer_ms IS NULL
                """, [time, message.conversationId])
        case .agent:
            // The first agent message after the customer's first message is the first response.
            try database.run("""
                UPDATE conversations SET first_response_ms = ?
                WHERE conversation_id = ? AND first_customer_ms IS NOT NULL AND first_response_ms IS NULL
                  AND first_customer_ms <= ?
                """, [time, message.conversationId, time])
        case .system:
            // Never a reply, but it may be the message that opened the conversation.
            break
        }

        let row = try database.query("SELECT agent, day FROM conversations WHERE conversation_id = ?",
                                     [message.conversationId]).first
        if let agent = row?[0].string, let conversationDay = row?[1].string {
            changed.insert(AgentDay(agent: agent, day: conversationDay))
        }
    }

    // MARK: - Attribution

    private func attribute(eventId: String, kind: String, conversationId: String?, agent: String?,
                           at time: Timestamp, database: Database) throws {
        var agent = agent
        if agent == nil, let conversationId {
            agent = try database.scalar("SELECT agent FROM conversations WHERE conversation_id = ?",
                                        [conversationId]).string
        }
        let day = time.day(atUTCOffset: utcOffsetSeconds)
        try database.run("""
            INSERT OR IGNORE INTO attributions (event_id, kind, conversation_id, agent, day, occurred_at_ms)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [eventId, kind, conversationId, agent, day, time.epochMilliseconds])
        if database.changes == 1, let agent {
            changed.insert(AgentDay(agent: agent, day: day))
        }
    }

    /// Gives pending attributions of a conversation to its agent, now that its messages name one.
    private func resolvePending(conversationId: String, agent: String, database: Database) throws {
        let days = try database.query("""
            UPDATE attributions SET agent = ? WHERE conversation_id = ? AND agent IS NULL RETURNING day
            """, [agent, conversationId])
        for row in days {
            if let day = row[0].string {
                changed.insert(AgentDay(agent: agent, day: day))
            }
        }
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
