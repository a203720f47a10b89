import VigilContracts

/// A brand's keyword rules as an author writes them in a rules file.
///
/// # File format
///
/// A rules file is one JSON object in UTF-8. JSON has no comments, so the
/// `//` notes below explain the example and are not part of a file:
///
///     {
///       "version": "2026.12.1",
///       "rules": [
///         {
///           "id": "complaint-report",
///           "category": "complaint",          // regulator | legal | media | complaint | escalation
///           "severity": "medium",             // critical | high | medium | low
///           "title": {"zh-CN": "投诉举报", "en": "Complaint or report"},
///           "speaker": "customer",            // customer (default) | agent | any
///           "keywords": ["投诉", "举报"],
///           "pattern": "投\\s*诉",             // optional regular expression (NSRegularExpression syntax)
///           "exclusion": ["投诉电话"],          // a regular expression, or a keyword list
///           "allOf": [["找", "叫"], ["经理", "领导"]],
///           "anyOf": [{"pattern": "..."}, ["..."]],
///           "noneOf": [["直播间"]],
///           "window": {"rule": "complaint-report", "messages": 3},
///           "negation": {"cues": ["不会", "没有"], "scope": 2},
///           "note": "why the rule looks like this, for the next author"
///         }
///       ]
///     }
///
/// A rule's matcher fields (`keywords`, `pattern`, `exclusion`, `allOf`,
/// `anyOf`, `noneOf`) are described on ``RuleMatcher``. An element of
/// `allOf`, `anyOf` or `noneOf` is a keyword list or an object with matcher
/// fields, nested as deep as needed. `window` and `negation` are described on
/// ``RuleWindow`` and ``RuleNegation``. Every other field name is an error,
/// so a misspelled field cannot silently disable part of a rule.
/// ``RuleSetParser`` reads and validates the file.
public struct RuleSet: Sendable, Hashable {
    /// The version the author gives the file ("2026.12.1"); every published rule carries it.
    public var version: String
    /// The rules in file order; ids are unique.
    public var rules: [Rule]

    public init(version: String, rules: [Rule]) {
        self.version = version
        self.rules = rules
    }

    /// Returns the rule with `id`, or nil.
    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id }
    }
}
