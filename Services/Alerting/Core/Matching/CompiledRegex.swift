import Foundation

/// A rule's regular expression, compiled once and kept with its source for explanations.
///
/// Apple documents NSRegularExpression as immutable and thread-safe, and no
/// code here mutates it, so sharing one across tasks is safe.
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
