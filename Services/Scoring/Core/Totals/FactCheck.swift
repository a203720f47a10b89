import VigilContracts
import VigilRuntime

/// The checks a scoring fact passes before the totals stage stores it.
enum FactCheck {
    /// Throws a ``RecordRejection`` when `fact` cannot be counted as it is.
    ///
    /// The record key must be the subject key: facts of one subject must
    /// share a partition, or two instances would each count part of the
    /// subject. A fact that is not retracted must carry the payload of its kind.
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
        guard fact.retracted || hasPayload(fact) else {
            throw RecordRejection(.invalidField, "fact \(fact.factId) of kind \(fact.kind.rawValue) "
                + "lacks its \(fact.kind.rawValue) payload and is not retracted")
        }
    }

    private static func hasPayload(_ fact: ScoringFact) -> Bool {
        switch fact.kind {
        case .conversation: fact.conversation != nil
        case .alert: fact.alert != nil
        case .case: fact.caseFact != nil
        case .complaint: fact.complaint != nil
        case .order: fact.order != nil
        }
    }
}
