import Foundation
import VigilContracts
import VigilJSON

// MARK: - Values

extension ScorecardReader {
    /// Reads an id that is unique within `scope`, made of letters, digits, ".", "_" and "-".
    mutating func identifier(_ fields: JSONObjectFields, in context: String, among scope: IdScope) -> String? {
        guard let value = required(fields, "id", in: context), let id = string(value, name: "id", in: context) else {
            return nil
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard id.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            fail(value, "id \"\(id)\" of \(context) may contain only ASCII letters, digits, \".\", \"_\" and \"-\"")
            return nil
        }
        if let firstLine = idLines[scope]?[id] {
            fail(value, "duplicate id \"\(id)\" (first used at line \(firstLine)): give every entry its own id")
            return nil
        }
        idLines[scope, default: [:]][id] = value.position.line
        return id
    }

    mutating func localizedName(_ fields: JSONObjectFields, in context: String) -> LocalizedText? {
        guard let value = required(fields, "name", in: context),
              let names = object(value, context: "the \"name\" of \(context)",
                                 example: "{\"zh-CN\": \"首次响应\", \"en\": \"First response\"}",
                                 allowed: Language.allCases.map(\.rawValue)) else { return nil }
        let nameContext = "the \"name\" of \(context)"
        let chinese = requiredString(names, Language.chinese.rawValue, in: nameContext)
        let english = requiredString(names, Language.english.rawValue, in: nameContext)
        guard let chinese, let english else { return nil }
        return LocalizedText(chinese: chinese, english: english)
    }

    /// Reads an object's fields, reporting a non-object and unknown or repeated fields.
    mutating func object(_ value: PositionedJSON, context: String, example: String,
                                 allowed: [String]) -> JSONObjectFields? {
        guard case .object(let members) = value.kind else {
            fail(value, "\(context) must be a JSON object such as \(example), found \(value.typeName)")
            return nil
        }
        let fields = JSONObjectFields(members, at: value.position, allowed: allowed, context: context)
        problems += fields.problems.map { Problem(position: $0.position, message: $0.message) }
        return fields
    }

    mutating func required(_ fields: JSONObjectFields, _ name: String, in context: String) -> PositionedJSON? {
        guard let value = fields[name] else {
            fail(at: fields.position, "missing field \"\(name)\" in \(context)")
            return nil
        }
        return value
    }

    mutating func requiredString(_ fields: JSONObjectFields, _ name: String, in context: String) -> String? {
        guard let value = required(fields, name, in: context) else { return nil }
        return string(value, name: name, in: context)
    }

    /// Reads a string that is not empty or blank.
    mutating func string(_ value: PositionedJSON, name: String, in context: String) -> String? {
        guard case .string(let text) = value.kind else {
            fail(value, "\"\(name)\" of \(context) must be a string, found \(value.typeName)")
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            fail(value, "\"\(name)\" of \(context) is empty")
            return nil
        }
        return text
    }

    mutating func requiredNumber(_ fields: JSONObjectFields, _ name: String, in context: String) -> Double? {
        guard let value = required(fields, name, in: context) else { return nil }
        guard case .number(let text) = value.kind, let number = Double(text), number.isFinite else {
            fail(value, "\"\(name)\" of \(context) must be a number, found \(value.typeName)")
            return nil
        }
        return number
    }

    /// Reads an optional whole number within `range`; a missing field gives `default`.
    mutating func optionalInteger(_ fields: JSONObjectFields, _ name: String, in context: String,
                                          range: ClosedRange<Int>, default defaultValue: Int) -> Int? {
        guard let value = fields[name] else { return defaultValue }
        guard case .number(let text) = value.kind, let number = Int(text) else {
            fail(value, "\"\(name)\" of \(context) must be a whole number from \(range.lowerBound) to "
                + "\(range.upperBound), found \(value.typeName)")
            return nil
        }
        guard range.contains(number) else {
            fail(value, "\"\(name)\" of \(context) is \(number), out of range: use \(range.lowerBound) to "
                + "\(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func requiredList(_ fields: JSONObjectFields, _ name: String, in context: String,
                                       allowEmpty: Bool) -> [PositionedJSON]? {
        guard let value = required(fields, name, in: context), let elements = list(value, name: name, in: context) else {
            return nil
        }
        if !allowEmpty && elements.isEmpty {
            fail(value, "\"\(name)\" of \(context) is empty: list at least one")
            return nil
        }
        return elements
    }

    mutating func list(_ value: PositionedJSON, name: String, in context: String) -> [PositionedJSON]? {
        guard case .array(let elements) = value.kind else {
            fail(value, "\"\(name)\" of \(context) must be a list, found \(value.typeName)")
            return nil
        }
        return elements
    }

    mutating func fail(_ value: PositionedJSON, _ message: String) {
        fail(at: value.position, message)
    }

    mutating func fail(at position: SourcePosition, _ message: String) {
        problems.append(Problem(position: position, message: message))
    }

    /// Writes a number as a file would: "30", not "30.0".
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
