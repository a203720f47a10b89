import VigilContracts
import VigilStore

/// The inputs the facts are derived from, stored so a fact can be derived
/// again from all of them whenever one changes.
///
/// A chat message's text and a complaint's summary are stored empty: no fact
/// uses them, and they may contain unmasked phone numbers and other personal
/// data that this store would otherwise keep for as long as it exists.
struct FactInputs {
    // MARK: - Storing

    func store(_ message: ChatMessage, in database: Database) throws {
        var stored = message
        stored.text = ""
        try database.run("""
            INSERT OR IGNORE INTO chat_messages (shop, conversation_id, event_id, buyer, sent_ms, message)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [message.shop, message.conversationId, message.eventId, message.buyer,
                  message.sentAt.epochMilliseconds, try EventCoding.encode(stored)])
    }

    func store(_ alert: Alert, in database: Database) throws {
        try database.run("INSERT OR IGNORE INTO raised_alerts (fact_id, alert) VALUES (?, ?)",
                         [FactIds.alert(alert), try EventCoding.encode(alert)])
    }

    /// Appends a case entry. The entries of one case are read back in the order they were appended.
    func append(_ entry: CaseEvent, in database: Database) throws {
        try database.run("INSERT INTO case_entries (case_id, entry) VALUES (?, ?)",
                         [entry.caseId, try EventCoding.encode(entry)])
    }

    func store(_ complaint: Complaint, in database: Database) throws {
        var stored = complaint
        stored.summary = ""
        try database.run("""
            INSERT OR IGNORE INTO complaints (fact_id, shop, conversation_id, complaint) VALUES (?, ?, ?, ?)
            """, [FactIds.complaint(complaint), complaint.shop, complaint.conversationId,
                  try EventCoding.encode(stored)])
    }

    func store(_ order: Order, in database: Database) throws {
        try database.run("""
            INSERT OR IGNORE INTO orders (fact_id, shop, buyer, conversation_id, order_id, paid_ms, order_record)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [FactIds.order(order), order.shop, order.buyer, order.conversationId, order.orderId,
                  order.paidAt.epochMilliseconds, try EventCoding.encode(order)])
    }

    // MARK: - Conversations

    /// Returns a conversation's messages in (sentAt, event id) order.
    func messages(shop: String, conversationId: String, in database: Database) throws -> [ChatMessage] {
        let rows = try database.query("""
            SELECT message FROM chat_messages WHERE shop = ? AND conversation_id = ? ORDER BY sent_ms, event_id
            """, [shop, conversationId])
        return try rows.map { try decode(ChatMessage.self, $0[0]) }
    }

    /// Returns a conversation's earliest message, which names its agent, or nil before any message arrived.
    func firstMessage(shop: String, conversationId: String, in database: Database) throws -> ChatMessage? {
        let rows = try database.query("""
            SELECT message FROM chat_messages WHERE shop = ? AND conversation_id = ?
            ORDER BY sent_ms, event_id LIMIT 1
            """, [shop, conversationId])
        return try rows.first.map { try decode(ChatMessage.self, $0[0]) }
    }

    /// Returns how many messages of a conversation are stored.
    func messageCount(shop: String, conversationId: String, in database: Database) throws -> Int {
        try database.scalar("""
            SELECT count(*) FROM chat_messages WHERE shop = ? AND conversation_id = ?
            """, [shop, conversationId]).int ?? 0
    }

    /// Returns how many orders of a thread are stored; each may convert the thread's conversations.
    func orderCount(shop: String, buyer: String, in database: Database) throws -> Int {
        try database.scalar("SELECT count(*) FROM orders WHERE shop = ? AND buyer = ?", [shop, buyer]).int ?? 0
    }

    /// Returns the ids of the conversations with messages from this buyer at this shop.
    func conversationIds(shop: String, buyer: String, in database: Database) throws -> [String] {
        try database.query("""
            SELECT DISTINCT conversation_id FROM chat_messages WHERE shop = ? AND buyer = ? ORDER BY conversation_id
            """, [shop, buyer]).compactMap { $0[0].string }
    }

    /// Returns the order id of the thread's earliest order paid within `window` (epoch ms, both ends
    /// included), ties going to the smaller order id.
    func convertingOrder(shop: String, buyer: String, paidWithin window: ClosedRange<Int64>,
                         in database: Database) throws -> String? {
        try database.query("""
            SELECT order_id FROM orders WHERE shop = ? AND buyer = ? AND paid_ms BETWEEN ? AND ?
            ORDER BY paid_ms, order_id LIMIT 1
            """, [shop, buyer, window.lowerBound, window.upperBound]).first?[0].string
    }

    // MARK: - Other inputs

    func alert(factId: String, in database: Database) throws -> Alert? {
        let rows = try database.query("SELECT alert FROM raised_alerts WHERE fact_id = ?", [factId])
        return try rows.first.map { try decode(Alert.self, $0[0]) }
    }

    /// Returns a case's entries in the order they arrived.
    func caseEntries(caseId: String, in database: Database) throws -> [CaseEvent] {
        let rows = try database.query("SELECT entry FROM case_entries WHERE case_id = ? ORDER BY sequence", [caseId])
        return try rows.map { try decode(CaseEvent.self, $0[0]) }
    }

    func complaint(factId: String, in database: Database) throws -> Complaint? {
        let rows = try database.query("SELECT complaint FROM complaints WHERE fact_id = ?", [factId])
        return try rows.first.map { try decode(Complaint.self, $0[0]) }
    }

    /// Returns the fact ids of the complaints about a conversation.
    func complaintFactIds(shop: String, conversationId: String, in database: Database) throws -> [String] {
        try database.query("""
            SELECT fact_id FROM complaints WHERE shop = ? AND conversation_id = ? ORDER BY fact_id
            """, [shop, conversationId]).compactMap { $0[0].string }
    }

    func order(factId: String, in database: Database) throws -> Order? {
        let rows = try database.query("SELECT order_record FROM orders WHERE fact_id = ?", [factId])
        return try rows.first.map { try decode(Order.self, $0[0]) }
    }

    /// Returns the fact ids of the orders that name a conversation.
    func orderFactIds(shop: String, conversationId: String, in database: Database) throws -> [String] {
        try database.query("""
            SELECT fact_id FROM orders WHERE shop = ? AND conversation_id = ? ORDER BY fact_id
            """, [shop, conversationId]).compactMap { $0[0].string }
    }

    // MARK: - Decoding

    /// Decodes a stored input. The store contains only what this type encoded,
    /// so a failure means a damaged store and stops the service.
    private func decode<Event: Decodable>(_ type: Event.Type, _ value: DatabaseValue) throws -> Event {
        guard let bytes = value.bytes else {
            throw FactsStoreError(message: "stored \(Event.self) is not a blob")
        }
        return try EventCoding.decode(type, from: bytes)
    }
}
