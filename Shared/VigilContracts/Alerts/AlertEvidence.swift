/// One piece of a message that made a rule fire: where it is in the
/// original text and what the matcher saw after normalization.
public struct AlertEvidence: Codable, Sendable, Hashable {
    /// The rule that fired.
    public var ruleId: String
    /// The keyword or regular expression of the rule, as the rules file writes it.
    public var term: String
    /// The matched span of the original text, as the customer wrote it (工 商, １２３１５).
    public var original: String
    /// The same span after normalization (工商, 12315).
    public var normalized: String
    /// The span's start in the original text, in Unicode scalars from 0.
    public var start: Int
    /// The span's end (exclusive) in the original text, in Unicode scalars.
    public var end: Int

    public init(ruleId: String, term: String, original: String, normalized: String, start: Int, end: Int) {
        self.ruleId = ruleId
        self.term = term
        self.original = original
        self.normalized = normalized
        self.start = start
        self.end = end
    }
}
