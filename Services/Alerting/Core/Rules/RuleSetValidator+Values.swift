import Foundation
import VigilJSON

// MARK: - Scalar values

extension RuleSetValidator {
    mutating func fail(_ value: PositionedJSON, _ message: String) {
        fail(at: value.position, message)
    }

    mutating func fail(at position: SourcePosition, _ message: String) {
        errors.append(RuleFileError(position: position, message: message))
    }

    /// Returns the field's value, or reports it missing at the object's start.
    mutating func required(_ fields: JSONObjectFields, _ name: String, in context: String) -> PositionedJSON? {
        guard let value = fields[name] else {
            fail(at: fields.position, "missing field \"\(name)\" in \(context)")
            return nil
        }
        return value
    }

    mutating func requiredString(_ fields: JSONObjectFields, _ name: String, in context: String) -> String? {
        guard let value = required(fields, name, in: context), let text = string(value, name: name, in: context) else {
            return nil
        }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            fail(value, "\"\(name)\" of \(context) is empty")
            return nil
        }
        return text
    }

    mutating func string(_ value: PositionedJSON, name: String, in context: String) -> String? {
        guard case .string(let text) = value.kind else {
            fail(value, "\"\(name)\" of \(context) must be a string, found \(value.typeName)")
            return nil
        }
        return text
    }

    /// Reads a whole number within `range`.
    mutating func integer(_ fields: JSONObjectFields, _ name: String, in context: String, range: ClosedRange<Int>) -> Int? {
        guard let value = required(fields, name, in: context) else { return nil }
        guard case .number(let text) = value.kind, let number = Int(text) else {
            fail(value, "\"\(name)\" of \(context) must be a whole number from \(range.lowerBound) to \(range.upperBound), "
                + "found \(value.typeName == "a number" ? (valueText(value) ?? "a number") : value.typeName)")
            return nil
        }
        guard range.contains(number) else {
            fail(value, "\"\(name)\" of \(context) is \(number), out of range: use \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// Reads one of an enumeration's raw values, listing the valid ones on error.
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, _ fields: JSONObjectFields, _ name: String, in context: String
    ) -> Value? where Value.RawValue == String {
        guard let value = required(fields, name, in: context), let text = string(value, name: name, in: context) else {
            return nil
        }
        guard let parsed = Value(rawValue: text) else {
            let expected = Value.allCases.map(\.rawValue)
            let list = expected.dropLast().joined(separator: ", ") + " or " + (expected.last ?? "")
            fail(value, "unknown \(name) \"\(text)\" in \(context): expected \(list)")
            return nil
        }
        return parsed
    }

    /// Reads a non-empty list of non-empty strings.
    mutating func keywordList(_ value: PositionedJSON, name: String, in context: String) -> [String]? {
        guard case .array(let elements) = value.kind else {
            fail(value, "\"\(name)\" of \(context) must be a list of strings, found \(value.typeName)")
            return nil
        }
        if elements.isEmpty {
            fail(value, "\(name.hasPrefix("a ") ? name : "\"\(name)\"") of \(context) is empty: give at least one word")
            return nil
        }
        var words: [String] = []
        for element in elements {
            guard case .string(let word) = element.kind else {
                fail(element, "each element of \(name.hasPrefix("a ") ? name : "\"\(name)\"") of \(context) "
                    + "must be a string, found \(element.typeName)")
                return nil
            }
            if word.trimmingCharacters(in: .whitespaces).isEmpty {
                fail(element, "empty word in \(name.hasPrefix("a ") ? name : "\"\(name)\"") of \(context)")
                return nil
            }
            words.append(word)
        }
        return words
    }

    /// Reads a regular expression and compiles it, reporting the compiler's
    /// message, and rejects one that backtracks catastrophically (``NestedQuantifiers``).
    mutating func regularExpression(_ value: PositionedJSON, name: String, in context: String) -> String? {
        guard let pattern = string(value, name: name, in: context) else { return nil }
        if pattern.isEmpty {
            fail(value, "\"\(name)\" of \(context) is an empty regular expression, which matches every message")
            return nil
        }
        do {
            _ = try NSRegularExpression(pattern: pattern)
        } catch {
            fail(value, "invalid regular expression \"\(pattern)\" in \"\(name)\" of \(context): \(Self.describe(error))")
            return nil
        }
        if let group = NestedQuantifiers.first(in: pattern) {
            fail(value, "regular expression \"\(pattern)\" in \"\(name)\" of \(context) repeats \"\(group)\", a group "
                + "that already repeats without bound: on a message that almost matches, it backtracks for seconds "
                + "(catastrophic backtracking) and stalls alerting. Repeat only the inner part, or make the group "
                + "atomic (?>…) or its quantifier possessive (++)")
            return nil
        }
        return pattern
    }

    private func valueText(_ value: PositionedJSON) -> String? {
        if case .number(let text) = value.kind { return text }
        return nil
    }

    /// Formats the regular expression compiler's message with a hint. Foundation on Linux (Swift 6
    /// corelibs) gives only a generic "The value is invalid", without ICU's reason.
    private static func describe(_ error: any Error) -> String {
        let message = (error as NSError).localizedDescription
        return "\(message) Check for unbalanced parentheses or brackets and for a dangling \\ "
            + "(in JSON, a regular expression backslash is written \\\\)"
    }
}
