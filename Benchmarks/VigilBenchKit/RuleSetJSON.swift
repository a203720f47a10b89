import Alerting

/// Writes a ``RuleSet`` in the rules file format that ``RuleSetParser``
/// reads, one rule per line, fields in a fixed order, so that the same rule
/// set always gives the same bytes.
public enum RuleSetJSON {
    /// Returns the rules file text for `ruleSet`, ending with a newline.
    public static func encode(_ ruleSet: RuleSet) -> String {
        var text = "{\n  \"version\": \(string(ruleSet.version)),\n  \"rules\": [\n"
        text += ruleSet.rules.map { "    " + rule($0) }.joined(separator: ",\n")
        text += "\n  ]\n}\n"
        return text
    }

    // MARK: - Values

    private static func rule(_ rule: Rule) -> String {
        var fields = [
            ("id", string(rule.id)),
            ("category", string(rule.category.rawValue)),
            ("severity", string(rule.severity.rawValue)),
            ("title", object([("zh-CN", string(rule.title.chinese)), ("en", string(rule.title.english))])),
        ]
        if rule.speaker != .customer {
            fields.append(("speaker", string(rule.speaker.rawValue)))
        }
        fields.append(contentsOf: matcherFields(rule.matcher))
        if let window = rule.window {
            fields.append(("window", object([("rule", string(window.rule)), ("messages", String(window.messages))])))
        }
        if let negation = rule.negation {
            fields.append(("negation", object([("cues", strings(negation.cues)), ("scope", String(negation.scope))])))
        }
        if let note = rule.note {
            fields.append(("note", string(note)))
        }
        return object(fields)
    }

    private static func matcherFields(_ matcher: RuleMatcher) -> [(String, String)] {
        var fields: [(String, String)] = []
        if let keywords = matcher.keywords {
            fields.append(("keywords", strings(keywords)))
        }
        if let pattern = matcher.pattern {
            fields.append(("pattern", string(pattern)))
        }
        switch matcher.exclusion {
        case .pattern(let pattern): fields.append(("exclusion", string(pattern)))
        case .keywords(let words): fields.append(("exclusion", strings(words)))
        case nil: break
        }
        for (name, elements) in [("allOf", matcher.allOf), ("anyOf", matcher.anyOf), ("noneOf", matcher.noneOf)] {
            if let elements {
                fields.append((name, "[" + elements.map(element).joined(separator: ", ") + "]"))
            }
        }
        return fields
    }

    /// Returns an element of `allOf`, `anyOf` or `noneOf`, as a plain word list when the matcher has only keywords.
    private static func element(_ matcher: RuleMatcher) -> String {
        if let keywords = matcher.keywords, matcher.pattern == nil, matcher.exclusion == nil, matcher.isFlat {
            return strings(keywords)
        }
        return object(matcherFields(matcher))
    }

    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// Returns a JSON string literal, with quotes, backslashes and control characters escaped, everything else as is.
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
