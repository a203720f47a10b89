import VigilContracts

/// One rule of a rules file: what it matches, in whose messages, and the alert's category and severity.
public struct Rule: Sendable, Hashable {
    /// The rule's id, stable across versions of the file; letters, digits, ".", "_" and "-".
    public var id: String
    public var category: RuleCategory
    public var severity: RuleSeverity
    /// The rule's name for the people who read alerts.
    public var title: LocalizedText
    /// The speaker whose messages the rule reads, `customer` when the file gives none.
    public var speaker: RuleSpeaker
    public var matcher: RuleMatcher
    /// When set, the rule matches only near a hit of another rule.
    public var window: RuleWindow?
    /// When set, a hit just after one of its cues does not count.
    public var negation: RuleNegation?
    /// The author's explanation; matching ignores it.
    public var note: String?

    public init(id: String, category: RuleCategory, severity: RuleSeverity, title: LocalizedText,
                speaker: RuleSpeaker = .customer, matcher: RuleMatcher, window: RuleWindow? = nil,
                negation: RuleNegation? = nil, note: String? = nil) {
        self.id = id
        self.category = category
        self.severity = severity
        self.title = title
        self.speaker = speaker
        self.matcher = matcher
        self.window = window
        self.negation = negation
        self.note = note
    }
}
