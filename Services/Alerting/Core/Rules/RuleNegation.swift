/// Negation cues: a hit does not count when one of `cues` ends at most
/// `scope` characters before the hit starts.
///
/// With the cue 不会 and a scope of 2, 不会投诉 (0 characters between), 不会去投诉
/// (1) and 不会再去投诉 (2) are negated, while 不会 ... 我就投诉 further away is not.
/// Characters are Unicode scalars. The scope is a gap, not a window that must
/// hold the cue, so a long cue does not need a larger scope.
public struct RuleNegation: Sendable, Hashable {
    /// The cue words; none is empty.
    public var cues: [String]
    /// The maximum number of characters between a cue and the hit, within ``RuleNegation/scopeRange``.
    public var scope: Int

    /// The scopes a file may give; a longer gap reaches into the previous clause.
    public static let scopeRange = 0...10

    public init(cues: [String], scope: Int) {
        self.cues = cues
        self.scope = scope
    }
}
