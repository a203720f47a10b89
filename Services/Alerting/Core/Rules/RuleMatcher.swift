/// The text condition of a rule, or of one element of `allOf`, `anyOf` or `noneOf`.
///
/// A message matches when every field that is set holds:
/// - `keywords` or `pattern`: the text contains one of the keywords or the
///   regular expression matches it (either is enough when both are set);
/// - `allOf`: every nested matcher matches;
/// - `anyOf`: at least one nested matcher matches;
/// - `noneOf`: no nested matcher matches;
/// - `exclusion`: does not match the text.
///
/// At least one of `keywords`, `pattern`, `allOf` and `anyOf` is set, so a
/// matcher never matches every message. ``RuleSetParser`` enforces it.
public struct RuleMatcher: Sendable, Hashable {
    /// Literal terms, compared by Unicode scalars; none is empty.
    public var keywords: [String]?
    /// A regular expression in NSRegularExpression (ICU) syntax.
    public var pattern: String?
    /// A text this matches does not trigger the matcher, even when other fields match.
    public var exclusion: RuleExclusion?
    public var allOf: [RuleMatcher]?
    public var anyOf: [RuleMatcher]?
    public var noneOf: [RuleMatcher]?

    public init(keywords: [String]? = nil, pattern: String? = nil, exclusion: RuleExclusion? = nil,
                allOf: [RuleMatcher]? = nil, anyOf: [RuleMatcher]? = nil, noneOf: [RuleMatcher]? = nil) {
        self.keywords = keywords
        self.pattern = pattern
        self.exclusion = exclusion
        self.allOf = allOf
        self.anyOf = anyOf
        self.noneOf = noneOf
    }

    /// True when the matcher nests no `allOf`, `anyOf` or `noneOf`.
    public var isFlat: Bool {
        allOf == nil && anyOf == nil && noneOf == nil
    }
}
