import VigilContracts

/// The ids of scoring facts, one place for the formats ``ScoringFact/factId`` documents.
enum FactIds {
    static func conversation(shop: String, conversationId: String) -> String {
        "conversation/\(shop)/\(conversationId)"
    }

    static func alert(_ alert: Alert) -> String {
        "alert/\(alert.eventId)"
    }

    static func caseFile(_ caseId: String) -> String {
        "case/\(caseId)"
    }

    static func complaint(_ complaint: Complaint) -> String {
        "complaint/\(complaint.eventId)"
    }

    /// `order/<shop>/<order id>`, which is also the order's event id.
    static func order(_ order: Order) -> String {
        "order/\(order.shop)/\(order.orderId)"
    }
}
