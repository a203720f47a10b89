import VigilContracts
import VigilRuntime

/// The checks an input record passes before the facts stage stores it.
///
/// Ingestion rejects empty ids, but alerting and escalation write alerts and
/// case events themselves, and any client of the broker can write any topic.
/// An empty shop would become subject `shop/`, which the totals stage
/// rejects, and an empty conversation or order id would merge unrelated
/// records into one fact.
enum InputCheck {
    // MARK: - Inputs

    static func validate(_ message: ChatMessage) throws {
        let record = "chat message \(message.eventId)"
        try require("shop", message.shop, in: record)
        try require("conversationId", message.conversationId, in: record)
        try require("buyer", message.buyer, in: record)
        try require("messageId", message.messageId, in: record)
    }

    static func validate(_ alert: Alert) throws {
        let record = "alert \(alert.eventId)"
        try require("eventId", alert.eventId, in: record)
        try require("shop", alert.shop, in: record)
    }

    static func validate(_ entry: CaseEvent) throws {
        let record = "case event \(entry.eventId)"
        try require("eventId", entry.eventId, in: record)
        try require("caseId", entry.caseId, in: record)
        try require("shop", entry.shop, in: record)
    }

    static func validate(_ complaint: Complaint) throws {
        let record = "complaint \(complaint.eventId)"
        try require("complaintId", complaint.complaintId, in: record)
        try require("shop", complaint.shop, in: record)
        try requireAbsentOrFilled("conversationId", complaint.conversationId, in: record)
    }

    static func validate(_ order: Order) throws {
        let record = "order \(order.eventId)"
        try require("orderId", order.orderId, in: record)
        try require("shop", order.shop, in: record)
        try require("buyer", order.buyer, in: record)
        try requireAbsentOrFilled("conversationId", order.conversationId, in: record)
        if let problem = FactCheck.amountProblem(order.amount) {
            throw RecordRejection(.invalidField, "invalid field \"amount\" in \(record): \(problem)")
        }
    }

    // MARK: - Fields

    private static func require(_ field: String, _ value: String, in record: String) throws {
        guard !value.isEmpty else {
            throw RecordRejection(.invalidField, "invalid field \"\(field)\" in \(record): empty, "
                + "so scoring cannot attribute the record")
        }
    }

    /// Accepts a missing optional id, but not an empty one: the producer should leave the field out.
    private static func requireAbsentOrFilled(_ field: String, _ value: String?, in record: String) throws {
        guard let value else { return }
        try require(field, value, in: record)
    }
}
