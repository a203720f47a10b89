import Foundation

/// A matcher's exclusion: a regular expression, or words such as 个体工商户
/// that contain a keyword in another sense. A text it matches does not match.
public enum RuleExclusion: Sendable, Hashable {
    case pattern(String)
    case keywords([String])

    /// The exclusion as one regular expression: the pattern itself, or the
    /// keywords escaped and joined as alternatives.
    public var regularExpression: String {
        switch self {
        case .pattern(let pattern):
            pattern
        case .keywords(let keywords):
            keywords.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        }
    }
}
