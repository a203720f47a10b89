/// One piece of text that made a rule fire, for an alert's explanation: the
/// term that matched, where it sits in the normalized text and which part of
/// the original message it came from.
public struct RuleEvidence: Codable, Sendable, Hashable {
    /// The rule term that matched.
    public enum Term: Codable, Sendable, Hashable {
        /// A keyword as the rules file writes it, before normalization.
        case keyword(String)
        /// A regular expression as the rules file writes it.
        case pattern(String)
    }

    public var term: Term
    /// Scalar offsets into the normalized text.
    public var normalizedRange: Range<Int>
    /// The matched part of the normalized text (工商 for the original 工 商).
    public var normalizedText: String
    /// Unicode scalar offsets into the original message text, separators between matched scalars included.
    public var originalRange: Range<Int>
    /// The original text the match came from, as the customer or agent wrote it.
    public var originalText: String

    public init(term: Term, normalizedRange: Range<Int>, normalizedText: String,
                originalRange: Range<Int>, originalText: String) {
        self.term = term
        self.normalizedRange = normalizedRange
        self.normalizedText = normalizedText
        self.originalRange = originalRange
        self.originalText = originalText
    }
}
