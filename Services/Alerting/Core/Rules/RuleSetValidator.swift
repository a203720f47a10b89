import Foundation
import VigilContracts
import VigilJSON

/// Turns a parsed rules file into a ``RuleSet``, collecting every error.
struct RuleSetValidator {
    /// The problems found so far, in the order found.
    var errors: [RuleFileError] = []

    /// The position of each rule id's first definition, for duplicate and window checks.
    private var ruleIds: [String: SourcePosition] = [:]
    /// Windows to check once every id is known: the window's rule id, its position, and the owning rule's id.
    private var windowReferences: [(target: String, position: SourcePosition, owner: String)] = []

    private static let ruleSetFields = ["version", "rules"]
    private static let ruleFields = ["id", "category", "severity", "title", "speaker", "keywords", "pattern",
                                     "exclusion", "allOf", "anyOf", "noneOf", "window", "negation", "note"]
    private static let matcherFields = ["keywords", "pattern", "exclusion", "allOf", "anyOf", "noneOf"]

    // MARK: - Rule set

    /// Returns the rule set, or nil when the file's shape is too broken to read any rule.
    mutating func ruleSet(from document: PositionedJSON) -> RuleSet? {
        guard case .object(let members) = document.kind else {
            fail(document, "the file must be a JSON object with \"version\" and \"rules\", found \(document.typeName)")
            return nil
        }
        let fields = JSONObjectFields(members, at: document.position, allowed: Self.ruleSetFields,
                                      context: "the rule set", errors: &errors)
        let version = requiredString(fields, "version", in: "the rule set")

        var rules: [Rule] = []
        if let list = required(fields, "rules", in: "the rule set") {
            if case .array(let elements) = list.kind {
                if elements.isEmpty { fail(list, "\"rules\" is empty: a rule set needs at least one rule") }
                for element in elements {
                    if let rule = rule(from: element) { rules.append(rule) }
                }
            } else {
                fail(list, "\"rules\" must be a list of rule objects, found \(list.typeName)")
            }
        }

        for reference in windowReferences {
            if reference.target == reference.owner {
                errors.append(RuleFileError(position: reference.position,
                                            message: "window of rule \"\(reference.owner)\" refers to the rule itself"))
            } else if ruleIds[reference.target] == nil {
                errors.append(RuleFileError(
                    position: reference.position,
                    message: "window of rule \"\(reference.owner)\" refers to unknown rule id \"\(reference.target)\""))
            }
        }

        guard let version else { return nil }
        return RuleSet(version: version, rules: rules)
    }

    // MARK: - Rules

    private mutating func rule(from value: PositionedJSON) -> Rule? {
        guard case .object(let members) = value.kind else {
            fail(value, "each rule must be an object, found \(value.typeName)")
            return nil
        }
        let fields = JSONObjectFields(members, at: value.position, allowed: Self.ruleFields, context: "a rule",
                                      errors: &errors)
        let id = ruleId(fields)
        let context = id.map { "rule \"\($0)\"" } ?? "a rule"

        let category = enumeration(RuleCategory.self, fields, "category", in: context)
        let severity = enumeration(RuleSeverity.self, fields, "severity", in: context)
        let speaker = fields["speaker"] == nil ? .customer : enumeration(RuleSpeaker.self, fields, "speaker", in: context)
        let title = title(fields, in: context)
        let matcher = matcher(fields, at: value.position, in: context)
        let window = window(fields["window"], owner: id, in: context)
        let negation = negation(fields["negation"], in: context)
        let note = fields["note"].flatMap { string($0, name: "note", in: context) }

        guard let id, let category, let severity, let speaker, let title, let matcher else { return nil }
        return Rule(id: id, category: category, severity: severity, title: title, speaker: speaker, matcher: matcher,
                    window: window, negation: negation, note: note)
    }

    private mutating func ruleId(_ fields: JSONObjectFields) -> String? {
        guard let value = required(fields, "id", in: "a rule"), let id = string(value, name: "id", in: "a rule") else {
            return nil
        }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        if id.isEmpty || !id.unicodeScalars.allSatisfy(allowed.contains) {
            fail(value, "invalid rule id \"\(id)\": use letters, digits, \".\", \"_\" and \"-\"")
            return nil
        }
        if let first = ruleIds[id] {
            fail(value, "duplicate rule id \"\(id)\" (first defined at line \(first.line))")
            return nil
        }
        ruleIds[id] = value.position
        return id
    }

    private mutating func title(_ fields: JSONObjectFields, in context: String) -> LocalizedText? {
        guard let value = required(fields, "title", in: context) else { return nil }
        guard case .object(let members) = value.kind else {
            fail(value, "\"title\" of \(context) must be an object with \"zh-CN\" and \"en\", found \(value.typeName)")
            return nil
        }
        let titleFields = JSONObjectFields(members, at: value.position, allowed: ["zh-CN", "en"],
                                           context: "the title of \(context)", errors: &errors)
        let chinese = requiredString(titleFields, "zh-CN", in: "the title of \(context)")
        let english = requiredString(titleFields, "en", in: "the title of \(context)")
        guard let chinese, let english else { return nil }
        return LocalizedText(chinese: chinese, english: english)
    }

    // MARK: - Matchers

    /// Reads the matcher fields of a rule or of a nested matcher object.
    private mutating func matcher(_ fields: JSONObjectFields, at position: SourcePosition, in context: String) -> RuleMatcher? {
        var valid = true
        var matcher = RuleMatcher()
        if let value = fields["keywords"] {
            matcher.keywords = keywordList(value, name: "keywords", in: context)
            valid = valid && matcher.keywords != nil
        }
        if let value = fields["pattern"] {
            matcher.pattern = regularExpression(value, name: "pattern", in: context)
            valid = valid && matcher.pattern != nil
        }
        if let value = fields["exclusion"] {
            matcher.exclusion = exclusion(value, in: context)
            valid = valid && matcher.exclusion != nil
        }
        for (name, keyPath) in [("allOf", \RuleMatcher.allOf), ("anyOf", \.anyOf), ("noneOf", \.noneOf)] {
            guard let value = fields[name] else { continue }
            let nested = nestedMatchers(value, name: name, in: context)
            matcher[keyPath: keyPath] = nested
            valid = valid && nested != nil
        }

        let positive = ["keywords", "pattern", "allOf", "anyOf"].contains { fields[$0] != nil }
        if !positive {
            errors.append(RuleFileError(position: position,
                                        message: "\(context) has nothing to match: give \"keywords\", \"pattern\", "
                                            + "\"allOf\" or \"anyOf\""))
            return nil
        }
        return valid ? matcher : nil
    }

    private mutating func nestedMatchers(_ value: PositionedJSON, name: String, in context: String) -> [RuleMatcher]? {
        guard case .array(let elements) = value.kind else {
            fail(value, "\"\(name)\" of \(context) must be a list of keyword lists or matcher objects, found \(value.typeName)")
            return nil
        }
        if elements.isEmpty {
            fail(value, "\"\(name)\" of \(context) is empty: remove it or give at least one condition")
            return nil
        }
        var matchers: [RuleMatcher] = []
        var valid = true
        for element in elements {
            switch element.kind {
            case .array:
                if let keywords = keywordList(element, name: "a keyword list in \"\(name)\"", in: context) {
                    matchers.append(RuleMatcher(keywords: keywords))
                } else {
                    valid = false
                }
            case .object(let members):
                let nestedContext = "a matcher in \"\(name)\" of \(context)"
                let fields = JSONObjectFields(members, at: element.position, allowed: Self.matcherFields,
                                              context: nestedContext, errors: &errors)
                if let nested = matcher(fields, at: element.position, in: nestedContext) {
                    matchers.append(nested)
                } else {
                    valid = false
                }
            default:
                fail(element, "each element of \"\(name)\" of \(context) must be a keyword list or a matcher object, "
                    + "found \(element.typeName)")
                valid = false
            }
        }
        return valid ? matchers : nil
    }

    private mutating func exclusion(_ value: PositionedJSON, in context: String) -> RuleExclusion? {
        switch value.kind {
        case .string:
            return regularExpression(value, name: "exclusion", in: context).map(RuleExclusion.pattern)
        case .array:
            return keywordList(value, name: "exclusion", in: context).map(RuleExclusion.keywords)
        default:
            fail(value, "\"exclusion\" of \(context) must be a regular expression or a keyword list, found \(value.typeName)")
            return nil
        }
    }

    // MARK: - Window and negation

    private mutating func window(_ value: PositionedJSON?, owner: String?, in context: String) -> RuleWindow? {
        guard let value else { return nil }
        guard case .object(let members) = value.kind else {
            fail(value, "\"window\" of \(context) must be an object with \"rule\" and \"messages\", found \(value.typeName)")
            return nil
        }
        let windowContext = "the window of \(context)"
        let fields = JSONObjectFields(members, at: value.position, allowed: ["rule", "messages"], context: windowContext,
                                      errors: &errors)
        let rule = requiredString(fields, "rule", in: windowContext)
        if let rule, let owner, let position = fields["rule"]?.position {
            windowReferences.append((target: rule, position: position, owner: owner))
        }
        let messages = integer(fields, "messages", in: windowContext, range: RuleWindow.messagesRange)
        guard let rule, let messages else { return nil }
        return RuleWindow(rule: rule, messages: messages)
    }

    private mutating func negation(_ value: PositionedJSON?, in context: String) -> RuleNegation? {
        guard let value else { return nil }
        guard case .object(let members) = value.kind else {
            fail(value, "\"negation\" of \(context) must be an object with \"cues\" and \"scope\", found \(value.typeName)")
            return nil
        }
        let negationContext = "the negation of \(context)"
        let fields = JSONObjectFields(members, at: value.position, allowed: ["cues", "scope"], context: negationContext,
                                      errors: &errors)
        let cues = required(fields, "cues", in: negationContext).flatMap { keywordList($0, name: "cues", in: negationContext) }
        let scope = integer(fields, "scope", in: negationContext, range: RuleNegation.scopeRange)
        guard let cues, let scope else { return nil }
        return RuleNegation(cues: cues, scope: scope)
    }
}
