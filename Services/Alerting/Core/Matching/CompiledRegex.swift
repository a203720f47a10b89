import Foundation

/// A rule's regular expression, compiled once and kept with its source for explanations.
///
/// Apple's NSRegularExpression reference calls an instance an immutable
/// representation of a compiled pattern, and matching only reads it, so
/// tasks share one.
struct CompiledRegex: @unchecked Sendable {
    let source: String
    let expression: NSRegularExpression

    init(_ source: String, ruleId: String) throws(RuleCompileError) {
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw .invalidRegularExpression(ruleId: ruleId, pattern: source)
        }
        self.source = source
    }
}
