import Foundation

/// One countable thing the expected scores add up: a conversation, a raised
/// alert, a case, a complaint or an order, at the moment that places it in periods.
struct ExpectedFact {
    enum Payload {
        case conversation(ExpectedConversation)
        case keywordAlert(category: String)
        case replyTimeout
        case caseFile(ExpectedCaseOutcome)
        case complaint(regulator: Bool)
        case order(amount: Decimal)
    }

    /// Epoch milliseconds.
    var time: Int64
    var attribution: ExpectedAttribution
    var payload: Payload
}
