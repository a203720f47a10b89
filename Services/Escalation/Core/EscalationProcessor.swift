import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Opens one case per customer thread on its first alert and links every
/// later alert and complaint of the thread to it.
///
/// Only alerts open cases. Alerts of one thread share a partition, so the
/// alert that opens a case is the same however the alert and complaint topics
/// interleave. A complaint that arrives before its thread has a case waits in
/// the store and is linked when the case opens.
/// TODO: open a case from a complaint on a thread that never alerts, once
/// event-time ordering across the input topics decides which came first.
public final class EscalationProcessor: StreamProcessor {
    private let catalogue: TopicCatalogue

    public init(catalogue: TopicCatalogue) {
        self.catalogue = catalogue
    }

    public var inputTopics: [TopicSpec] { [catalogue.alerts, catalogue.complaints] }
    public var outputTopics: [TopicSpec] { [catalogue.caseEvents] }

    public func registerMigrations(in migrator: inout Migrator) {
        CaseSchema.register(in: &migrator)
    }

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        switch record.topic {
        case catalogue.alerts.name:
            let alert = try context.decode(Alert.self, from: record)
            guard try context.markApplied(alert.eventId) else { return }
            try apply(alert, context: context)
        case catalogue.complaints.name:
            let complaint = try context.decode(Complaint.self, from: record)
            guard try context.markApplied(complaint.eventId) else { return }
            try apply(complaint, context: context)
        default:
            throw RecordRejection(.unprocessable, "escalation does not read topic \(record.topic)")
        }
    }

    // MARK: - Alerts

    private func apply(_ alert: Alert, context: ProcessingContext) throws {
        // Risk alerts open cases and their new hits join the timeline;
        // reminders and closings add nothing a case tracks.
        // TODO: decide with issue 5 whether reply timeouts join the case timeline.
        guard alert.kind == .keyword, alert.currentAction != .closed, alert.currentAction != .reminded else { return }
        let database = context.database
        let caseId = CaseEvent.caseId(for: alert.thread)
        try database.run("""
            INSERT OR IGNORE INTO cases (case_id, shop, buyer, state, opened_at_ms, opened_by, agent, conversation_id)
            VALUES (?, ?, ?, 'open', ?, ?, ?, ?)
            """, [caseId, alert.shop, alert.buyer, alert.raisedAt.epochMilliseconds, alert.eventId, alert.agent,
                  alert.conversationId])
        let opened = database.changes == 1
        try link(caseId: caseId, kind: "alert", sourceId: alert.eventId, at: alert.raisedAt, database: database)

        let event = CaseEvent(
            eventId: opened ? "case/\(caseId)/opened" : "case/\(caseId)/\(alert.eventId)",
            caseId: caseId, type: opened ? .opened : .alertLinked, shop: alert.shop, buyer: alert.buyer,
            conversationId: alert.conversationId, agent: alert.agent, alertId: alert.eventId, complaintId: nil,
            complaintChannel: nil, occurredAt: alert.raisedAt,
            text: opened ? CaseText.openedByAlert(alert) : CaseText.alertLinked(alert))
        try context.emit(event, to: catalogue.caseEvents)

        if opened {
            try linkPendingComplaints(caseId: caseId, thread: alert.thread, context: context)
        }
    }

    // MARK: - Complaints

    private func apply(_ complaint: Complaint, context: ProcessingContext) throws {
        let database = context.database
        let caseId = CaseEvent.caseId(for: complaint.thread)
        let caseExists = try !database.query("SELECT 1 FROM cases WHERE case_id = ?", [caseId]).isEmpty
        guard caseExists else {
            try database.run("""
                INSERT OR IGNORE INTO pending_complaints (complaint_id, shop, buyer, filed_at_ms, complaint)
                VALUES (?, ?, ?, ?, ?)
                """, [complaint.complaintId, complaint.shop, complaint.buyer, complaint.filedAt.epochMilliseconds,
                      try EventCoding.encode(complaint)])
            return
        }
        try linkComplaint(complaint, caseId: caseId, context: context)
    }

    private func linkPendingComplaints(caseId: String, thread: ThreadKey, context: ProcessingContext) throws {
        let rows = try context.database.query("""
            DELETE FROM pending_complaints WHERE shop = ? AND buyer = ? RETURNING complaint
            """, [thread.shop, thread.buyer])
        let complaints = try rows.map { try EventCoding.decode(Complaint.self, from: $0[0].bytes ?? []) }
        // RETURNING gives no order; link in filing order so the timeline reads forward.
        for complaint in complaints.sorted(by: { ($0.filedAt, $0.complaintId) < ($1.filedAt, $1.complaintId) }) {
            try linkComplaint(complaint, caseId: caseId, context: context)
        }
    }

    private func linkComplaint(_ complaint: Complaint, caseId: String, context: ProcessingContext) throws {
        try link(caseId: caseId, kind: "complaint", sourceId: complaint.eventId, at: complaint.filedAt,
                 database: context.database)
        let event = CaseEvent(
            eventId: "case/\(caseId)/\(complaint.eventId)", caseId: caseId, type: .complaintLinked,
            shop: complaint.shop, buyer: complaint.buyer, conversationId: complaint.conversationId, agent: nil,
            alertId: nil, complaintId: complaint.eventId, complaintChannel: complaint.channel,
            occurredAt: complaint.filedAt, text: CaseText.complaintLinked(complaint))
        try context.emit(event, to: catalogue.caseEvents)
    }

    private func link(caseId: String, kind: String, sourceId: String, at time: Timestamp, database: Database) throws {
        try database.run("""
            INSERT OR IGNORE INTO case_links (case_id, kind, source_id, occurred_at_ms) VALUES (?, ?, ?, ?)
            """, [caseId, kind, sourceId, time.epochMilliseconds])
    }
}
