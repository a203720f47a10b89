import VigilContracts

/// A rule ready for matching, with what an alert needs from the rule.
struct CompiledRule: Sendable {
    let id: String
    let category: RuleCategory
    let severity: RuleSeverity
    let title: LocalizedText
    let speaker: RuleSpeaker
    let matcher: CompiledMatcher
    let negation: CompiledNegation?
    /// The rule's context window; a rule with one is reported as a window candidate, never as a hit.
    let window: RuleWindow?

    init(_ rule: Rule, table: inout KeywordTable) throws(RuleCompileError) {
        id = rule.id
        category = rule.category
        severity = rule.severity
        title = rule.title
        speaker = rule.speaker
        matcher = try CompiledMatcher(rule.matcher, ruleId: rule.id, table: &table)
        window = rule.window
        negation = rule.negation.map { negation in
            CompiledNegation(cues: negation.cues.compactMap { table.pattern(for: $0) }, scope: negation.scope)
        }
    }

    /// Returns whether the rule reads messages by `author`. A message whose
    /// author is `any` (unknown) is read only by rules for `any` speaker.
    func reads(_ author: RuleSpeaker) -> Bool {
        speaker == .any || speaker == author
    }
}
