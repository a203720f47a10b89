import Foundation

/// A rule's regular expression, compiled once and kept with its source for explanations.
///
/// Apple's NSRegularExpression reference calls an instance an immutable
/// representation of a compiled pattern, and matching only reads it, so
/// tasks share one.
struct CompiledRegex: @unchecked Sendable {
    let source: String
    let expression: NSRegularExpression
    /// Automaton patterns of which every match of the expression contains at
    /// least one (from ``RegexLiterals``), or nil when the expression must
    /// run on every text. A text without any of them cannot match.
    let requiredLiterals: [Int]?

    /// Compiles `source` and adds its required literals to `table` as they
    /// are, without normalization, because the expression runs on text that
    /// is already normalized.
    init(_ source: String, ruleId: String, table: inout KeywordTable) throws(RuleCompileError) {
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw .invalidRegularExpression(ruleId: ruleId, pattern: source)
        }
        self.source = source
        requiredLiterals = RegexLiterals.required(in: source).map { literals in
            literals.map { table.literalPattern(for: $0) }
        }
    }
}
