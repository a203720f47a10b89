extension JSONSchema {
    /// Checks `instance` against this schema and returns every violation, in document order.
    ///
    /// It implements the keywords ``JSONSchema`` models with their JSON Schema
    /// meaning, and also checks `format: date-time` (as an assertion, with
    /// ``TimestampFormat``), which 2020-12 validators treat as an annotation by default.
    ///
    /// - Parameter rejectingUndeclaredProperties: true treats every object as if
    ///   it set `additionalProperties: false`, to find a property an event writes
    ///   that its schema does not declare.
    public func validate(_ instance: JSONValue, rejectingUndeclaredProperties: Bool = false) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        validate(instance, path: "", closed: rejectingUndeclaredProperties, into: &violations)
        return violations
    }

    private func validate(_ instance: JSONValue, path: String, closed: Bool, into violations: inout [SchemaViolation]) {
        if !types.isEmpty, !types.contains(where: { Self.matches(instance, $0) }) {
            let expected = types.sorted().map(\.rawValue).joined(separator: " or ")
            violations.append(SchemaViolation(path: path, message: "expected \(expected), found \(Self.typeName(of: instance))"))
            return
        }

        if let enumValues {
            let allowed = instance.stringValue.map(enumValues.contains) ?? (instance == .null && isNullable)
            if !allowed {
                violations.append(SchemaViolation(path: path, message: "value \(Self.brief(instance)) is not one of \(enumValues)"))
            }
        }

        if let text = instance.stringValue {
            validateString(text, path: path, into: &violations)
        }

        if let elements = instance.arrayValue, let items {
            for (index, element) in elements.enumerated() {
                items.validate(element, path: "\(path)[\(index)]", closed: closed, into: &violations)
            }
        }

        if let members = instance.objectValue {
            validateObject(members, path: path, closed: closed, into: &violations)
        }
    }

    private func validateString(_ text: String, path: String, into violations: inout [SchemaViolation]) {
        if format == "date-time", TimestampFormat.parse(text) == nil {
            violations.append(SchemaViolation(path: path, message: "\"\(text)\" is not a date-time with a UTC offset"))
        }
        guard let pattern else { return }
        do {
            let expression = try Regex(pattern)
            if text.firstMatch(of: expression) == nil {
                violations.append(SchemaViolation(path: path, message: "\"\(text)\" does not match the pattern \(pattern)"))
            }
        } catch {
            violations.append(SchemaViolation(path: path, message: "the schema's pattern \(pattern) is invalid: \(error)"))
        }
    }

    private func validateObject(_ members: [String: JSONValue], path: String, closed: Bool,
                                into violations: inout [SchemaViolation]) {
        for property in properties {
            let childPath = path.isEmpty ? property.name : "\(path).\(property.name)"
            if let value = members[property.name] {
                property.schema.validate(value, path: childPath, closed: closed, into: &violations)
            } else if property.isRequired {
                violations.append(SchemaViolation(path: childPath, message: "missing required property"))
            }
        }

        let declared = Set(properties.map(\.name))
        let undeclared = members.keys.sorted().filter { !declared.contains($0) }

        // A map's keys are data, not property names, so closed mode checks their values instead of rejecting them.
        if let additionalPropertiesSchema {
            for name in undeclared {
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if let value = members[name] {
                    additionalPropertiesSchema.validate(value, path: childPath, closed: closed, into: &violations)
                }
            }
            return
        }

        guard closed || additionalProperties == false else { return }
        for name in undeclared {
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            violations.append(SchemaViolation(path: childPath, message: "property not declared in the schema"))
        }
    }

    private static func matches(_ instance: JSONValue, _ type: JSONType) -> Bool {
        switch (instance, type) {
        case (.null, .null), (.bool, .boolean), (.string, .string), (.array, .array), (.object, .object),
             (.integer, .integer), (.integer, .number), (.number, .number):
            return true
        case (.number(let value), .integer):
            // JSON Schema counts a number with a zero fraction, such as 2.0, as an integer.
            return value.isFinite && value == value.rounded()
        default:
            return false
        }
    }

    private static func typeName(of instance: JSONValue) -> String {
        switch instance {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func brief(_ instance: JSONValue) -> String {
        if let text = instance.stringValue {
            return "\"\(text)\""
        }
        return typeName(of: instance)
    }
}

/// One way an instance fails its schema.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// The dotted path of the value (`recipient.personId`, `matchedTerms[1]`), empty for the whole instance.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}
