/// A rule that ``CompiledRuleSet`` cannot compile. ``RuleSetParser`` rejects
/// these files already, so the error only arises for a ``RuleSet`` built in code.
public enum RuleCompileError: Error, Sendable, Hashable {
    /// A `pattern` or regular-expression `exclusion` that NSRegularExpression rejects.
    case invalidRegularExpression(ruleId: String, pattern: String)
}
