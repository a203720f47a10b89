import VigilContracts

/// A rule that fired on one message, with the text that made it fire.
public struct RuleHit: Codable, Sendable, Hashable {
    public var ruleId: String
    public var category: RuleCategory
    public var severity: RuleSeverity
    /// The rule's name for the people who read alerts.
    public var title: LocalizedText
    /// The matches that satisfied the rule, ordered by position in the
    /// normalized text and never empty. Negated matches are left out. For
    /// `allOf` and `anyOf` the list contains a match of every element that matched.
    public var evidence: [RuleEvidence]

    public init(ruleId: String, category: RuleCategory, severity: RuleSeverity, title: LocalizedText,
                evidence: [RuleEvidence]) {
        self.ruleId = ruleId
        self.category = category
        self.severity = severity
        self.title = title
        self.evidence = evidence
    }
}
