import VigilContracts

// MARK: - Conversion to rules-topic events

extension Rule {
    /// Returns the ``KeywordRule`` event that publishes this rule on the rules topic.
    ///
    /// The event (schema version 1) carries the top-level keywords, pattern,
    /// exclusion (a keyword list becomes an escaped alternation), speaker,
    /// negation cues and title. It cannot carry the fields that
    /// ``unrepresentedFields`` names, so a rule that relies on them matches
    /// more widely in the event than in the file, or, with no top-level
    /// keywords or pattern, matches nothing.
    public func keywordRule(ruleSetVersion: String, publishedAt: Timestamp) -> KeywordRule {
        KeywordRule(ruleId: id, ruleSetVersion: ruleSetVersion, category: category, severity: severity,
                    keywords: matcher.keywords ?? [], pattern: matcher.pattern,
                    exclusion: matcher.exclusion?.regularExpression, speaker: speaker,
                    negationCues: negation?.cues, title: title, publishedAt: publishedAt)
    }

    /// The file fields this rule sets that a ``KeywordRule`` event has no field for
    /// ("allOf", "anyOf", "noneOf", "window", "negation.scope", "note"), in that order.
    public var unrepresentedFields: [String] {
        var fields: [String] = []
        if matcher.allOf != nil { fields.append("allOf") }
        if matcher.anyOf != nil { fields.append("anyOf") }
        if matcher.noneOf != nil { fields.append("noneOf") }
        if window != nil { fields.append("window") }
        if negation != nil { fields.append("negation.scope") }
        if note != nil { fields.append("note") }
        return fields
    }
}

extension RuleSet {
    /// Returns one ``KeywordRule`` event per rule, in file order, all with this set's version.
    public func keywordRules(publishedAt: Timestamp) -> [KeywordRule] {
        rules.map { $0.keywordRule(ruleSetVersion: version, publishedAt: publishedAt) }
    }
}
