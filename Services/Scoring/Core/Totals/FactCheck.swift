import Foundation
import VigilContracts
import VigilRuntime

/// The checks a scoring fact passes before the totals stage stores it.
///
/// A stored fact is counted again in every later batch that touches its
/// periods, and again after every restart, so a fact that cannot be counted
/// must be rejected here. Once stored, it would stop the partition for good.
enum FactCheck {
    // MARK: - Limits

    /// The maximum wait or acknowledgement time accepted, in seconds: 100
    /// years of 365.25 days. Ingestion accepts event times from 2000 to 2100,
    /// so no fact derived from valid inputs comes near it.
    static let maximumWaitSeconds = 3_155_760_000
    /// The maximum number of rounds one conversation fact may list. No real
    /// chat comes near it, and the limit keeps one fact from filling the
    /// totals stage's memory.
    static let maximumRounds = 100_000
    /// The largest order amount accepted, the same as ingestion's limit.
    static let maximumAmount = Decimal(1_000_000_000)

    // MARK: - Checking

    /// Throws a ``RecordRejection`` when `fact` cannot be counted as it is.
    ///
    /// The record key must be the subject key: facts of one subject must
    /// share a partition, or two instances would each count part of the
    /// subject. A fact carries no payload of another kind, and one that is not
    /// retracted carries the payload of its kind with every value in range.
    static func validate(_ fact: ScoringFact, recordKey: String?) throws {
        guard recordKey == fact.subject.key else {
            throw RecordRejection(.invalidField, "record key \(recordKey ?? "(none)") is not the subject key "
                + "\(fact.subject.key): every fact of a subject must be keyed by that subject")
        }
        guard !fact.subject.id.isEmpty else {
            throw RecordRejection(.invalidField, "subject id is empty in fact \(fact.factId)")
        }
        guard !fact.factId.isEmpty else {
            throw RecordRejection(.invalidField, "factId is empty for subject \(fact.subject.key)")
        }
        guard fact.revision >= 1 else {
            throw RecordRejection(.invalidField, "revision \(fact.revision) of fact \(fact.factId) is below 1")
        }
        guard fact.time.isAcceptedEventTime else {
            throw RecordRejection(.invalidField, "time \(fact.time.iso8601) of fact \(fact.factId) is outside "
                + "2000-01-01 to 2099-12-31")
        }

        try validatePayloads(fact)
    }

    /// Returns why `amount` is not a valid order amount, or nil when it is.
    /// JSONDecoder rejects NaN and out-of-range numbers (Foundation of Swift
    /// 6.3.1), so the NaN case guards only against a Decimal built in code.
    static func amountProblem(_ amount: Decimal) -> String? {
        if amount.isNaN {
            return "not a number"
        }
        if amount < 0 {
            return "\(amount) is negative"
        }
        if amount > maximumAmount {
            return "\(amount) is larger than \(maximumAmount)"
        }
        return nil
    }

    // MARK: - Payloads

    private static func validatePayloads(_ fact: ScoringFact) throws {
        let present: [(kind: ScoringFactKind, present: Bool)] = [
            (.conversation, fact.conversation != nil), (.alert, fact.alert != nil), (.case, fact.caseFact != nil),
            (.complaint, fact.complaint != nil), (.order, fact.order != nil),
        ]
        if let other = present.first(where: { $0.present && $0.kind != fact.kind }) {
            throw RecordRejection(.invalidField, "fact \(fact.factId) of kind \(fact.kind.rawValue) has an extra "
                + "\(other.kind.rawValue) payload: a fact carries only the payload of its kind")
        }
        guard fact.retracted || present.contains(where: { $0.present }) else {
            throw RecordRejection(.invalidField, "fact \(fact.factId) of kind \(fact.kind.rawValue) "
                + "lacks its \(fact.kind.rawValue) payload and is not retracted")
        }

        if let conversation = fact.conversation {
            try validate(conversation, factId: fact.factId)
        }
        if let caseFact = fact.caseFact {
            try validate(caseFact, factId: fact.factId)
        }
        if let order = fact.order {
            try validate(order, factId: fact.factId)
        }
    }

    private static func validate(_ conversation: ConversationFact, factId: String) throws {
        guard (0...1).contains(conversation.unansweredRounds) else {
            throw RecordRejection(.invalidField, "unansweredRounds of fact \(factId) is "
                + "\(conversation.unansweredRounds): a conversation has 0 or 1 unanswered rounds")
        }
        guard conversation.responseSeconds.count <= maximumRounds else {
            throw RecordRejection(.invalidField, "responseSeconds of fact \(factId) lists "
                + "\(conversation.responseSeconds.count) rounds, more than \(maximumRounds)")
        }
        if let wait = conversation.responseSeconds.first(where: { !(0...maximumWaitSeconds).contains($0) }) {
            throw RecordRejection(.invalidField, "responseSeconds of fact \(factId) contains \(wait), "
                + "outside 0 to \(maximumWaitSeconds) seconds")
        }
    }

    private static func validate(_ caseFact: CaseFact, factId: String) throws {
        if let seconds = caseFact.acknowledgeSeconds, !(0...maximumWaitSeconds).contains(seconds) {
            throw RecordRejection(.invalidField, "acknowledgeSeconds of fact \(factId) is \(seconds), "
                + "outside 0 to \(maximumWaitSeconds) seconds")
        }
    }

    private static func validate(_ order: OrderFact, factId: String) throws {
        guard !order.orderId.isEmpty else {
            throw RecordRejection(.invalidField, "orderId of fact \(factId) is empty")
        }
        if let problem = amountProblem(order.amount) {
            throw RecordRejection(.invalidField, "amount of fact \(factId) is invalid: \(problem)")
        }
    }
}
