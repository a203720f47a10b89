/// A fact to derive again: its id and what finds its inputs.
enum FactReference: Hashable {
    case conversation(shop: String, conversationId: String)
    case alert(factId: String)
    case caseFile(caseId: String)
    case complaint(factId: String)
    case order(factId: String)

    var factId: String {
        switch self {
        case let .conversation(shop, conversationId): FactIds.conversation(shop: shop, conversationId: conversationId)
        case let .alert(factId), let .complaint(factId), let .order(factId): factId
        case let .caseFile(caseId): FactIds.caseFile(caseId)
        }
    }

    // MARK: - Stored form

    /// The kind, shop and item columns of `dirty_facts`. The shop is empty except for conversations.
    var columns: (kind: String, shop: String, item: String) {
        switch self {
        case let .conversation(shop, conversationId): ("conversation", shop, conversationId)
        case let .alert(factId): ("alert", "", factId)
        case let .caseFile(caseId): ("case", "", caseId)
        case let .complaint(factId): ("complaint", "", factId)
        case let .order(factId): ("order", "", factId)
        }
    }

    /// Reads the stored columns back, or returns nil for a kind this version does not write.
    init?(kind: String, shop: String, item: String) {
        switch kind {
        case "conversation": self = .conversation(shop: shop, conversationId: item)
        case "alert": self = .alert(factId: item)
        case "case": self = .caseFile(caseId: item)
        case "complaint": self = .complaint(factId: item)
        case "order": self = .order(factId: item)
        default: return nil
        }
    }
}
