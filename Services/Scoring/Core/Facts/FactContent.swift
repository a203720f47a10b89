import VigilContracts

/// A fact as its inputs stand now, before it is split by subject and given a revision.
struct FactContent: Equatable {
    var kind: ScoringFactKind
    var time: Timestamp
    var attribution: FactAttribution
    var conversation: ConversationFact?
    var alert: AlertFact?
    var caseFact: CaseFact?
    var complaint: ComplaintFact?
    var order: OrderFact?
    /// The number of stored input records the content derives from, which is
    /// the basis of the published revision. Inputs only accumulate, so it grows
    /// with every change, and every process that applied the same records
    /// counts the same number however it batched them.
    var inputCount = 1

    /// Returns the fact as published for `subject` at `revision`.
    func fact(id factId: String, for subject: ScoreSubject, revision: Int) -> ScoringFact {
        ScoringFact(subject: subject, factId: factId, revision: revision, kind: kind, time: time,
                    attribution: attribution, conversation: conversation, alert: alert, caseFact: caseFact,
                    complaint: complaint, order: order)
    }

    /// Returns a hash of the fact's canonical JSON for `subject` with revision 0,
    /// so two contents compare equal exactly when they would publish the same record.
    func fingerprint(id factId: String, for subject: ScoreSubject) throws -> String {
        StableHash.hex(bytes: try EventCoding.encode(fact(id: factId, for: subject, revision: 0)))
    }
}
