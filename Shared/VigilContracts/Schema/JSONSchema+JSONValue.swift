// MARK: - Writing

extension JSONSchema {
    /// The schema as a JSON object, ready for ``JSONValue/canonicalText()``.
    /// `required` lists names sorted like the properties, so the text does not
    /// depend on declaration order.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        if let dialect {
            members["$schema"] = .string(dialect)
        }
        if let id {
            members["$id"] = .string(id)
        }
        if let title {
            members["title"] = .string(title)
        }
        if let description {
            members["description"] = .string(description)
        }
        let sortedTypes = types.sorted()
        if sortedTypes.count == 1 {
            members["type"] = .string(sortedTypes[0].rawValue)
        } else if !sortedTypes.isEmpty {
            members["type"] = .array(sortedTypes.map { .string($0.rawValue) })
        }
        if !properties.isEmpty {
            members["properties"] = .object(Dictionary(uniqueKeysWithValues: properties.map { ($0.name, $0.schema.jsonValue) }))
        }
        let required = requiredNames.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if !required.isEmpty {
            members["required"] = .array(required.map(JSONValue.string))
        }
        if let additionalPropertiesSchema {
            members["additionalProperties"] = additionalPropertiesSchema.jsonValue
        } else if let additionalProperties {
            members["additionalProperties"] = .bool(additionalProperties)
        }
        if let items {
            members["items"] = items.jsonValue
        }
        if let enumValues {
            members["enum"] = .array(enumValues.map(JSONValue.string) + (isNullable ? [.null] : []))
        }
        if let format {
            members["format"] = .string(format)
        }
        if let pattern {
            members["pattern"] = .string(pattern)
        }
        return .object(members)
    }
}

// MARK: - Reading

extension JSONSchema {
    private static let keywords: Set<String> = [
        "$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties",
        "items", "enum", "format", "pattern",
    ]

    /// Reads a schema written by ``jsonValue`` or by hand with the same keywords.
    ///
    /// - Throws: ``JSONSchemaReadError`` naming the path of the first keyword
    ///   that is unknown, mistyped, or inconsistent (a required property that is
    ///   not declared, `null` in `enum` of a type that does not allow it).
    public init(jsonValue: JSONValue) throws {
        try self.init(jsonValue: jsonValue, path: "")
    }

    private init(jsonValue: JSONValue, path: String) throws {
        guard let members = jsonValue.objectValue else {
            throw JSONSchemaReadError(path: path, message: "expected a schema object")
        }
        if let unknown = members.keys.sorted().first(where: { !Self.keywords.contains($0) }) {
            throw JSONSchemaReadError(path: path, message: "unsupported keyword \"\(unknown)\"")
        }

        self.init()
        dialect = try Self.string(members["$schema"], "$schema", path)
        id = try Self.string(members["$id"], "$id", path)
        title = try Self.string(members["title"], "title", path)
        description = try Self.string(members["description"], "description", path)
        format = try Self.string(members["format"], "format", path)
        pattern = try Self.string(members["pattern"], "pattern", path)
        types = try Self.types(members["type"], path)

        if let value = members["additionalProperties"] {
            switch value {
            case .bool(let allowed):
                additionalProperties = allowed
            case .object:
                additionalPropertiesSchema = try JSONSchema(jsonValue: value, path: Self.mapValuePath(path))
            default:
                throw JSONSchemaReadError(path: path, message: "additionalProperties must be true, false or a schema object")
            }
        }
        if let value = members["items"] {
            items = try JSONSchema(jsonValue: value, path: path + "[]")
        }
        if let value = members["enum"] {
            enumValues = try Self.enumValues(value, allowsNull: types.contains(.null), path)
        }
        properties = try Self.properties(members["properties"], required: members["required"], path)
    }

    /// Returns the path of a map's values, `*` standing for any key.
    static func mapValuePath(_ path: String) -> String {
        path.isEmpty ? "*" : path + ".*"
    }

    private static func string(_ value: JSONValue?, _ keyword: String, _ path: String) throws -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue else {
            throw JSONSchemaReadError(path: path, message: "\(keyword) must be a string")
        }
        return text
    }

    private static func types(_ value: JSONValue?, _ path: String) throws -> [JSONType] {
        guard let value else { return [] }
        let names = value.stringValue.map { [$0] } ?? value.arrayValue?.compactMap(\.stringValue)
        guard let names, names.count == (value.arrayValue?.count ?? 1) else {
            throw JSONSchemaReadError(path: path, message: "type must be a type name or an array of type names")
        }
        return try names.map { name in
            guard let type = JSONType(rawValue: name) else {
                throw JSONSchemaReadError(path: path, message: "unknown type \"\(name)\"")
            }
            return type
        }
    }

    private static func enumValues(_ value: JSONValue, allowsNull: Bool, _ path: String) throws -> [String] {
        guard let elements = value.arrayValue else {
            throw JSONSchemaReadError(path: path, message: "enum must be an array")
        }
        var values: [String] = []
        for element in elements {
            switch element {
            case .string(let text):
                values.append(text)
            case .null where allowsNull:
                continue
            default:
                throw JSONSchemaReadError(path: path, message: "enum may hold only strings, and null when the type allows null")
            }
        }
        return values
    }

    private static func properties(_ value: JSONValue?, required: JSONValue?, _ path: String) throws -> [Property] {
        var members: [String: JSONValue] = [:]
        if let value {
            guard let object = value.objectValue else {
                throw JSONSchemaReadError(path: path, message: "properties must be an object")
            }
            members = object
        }
        var requiredNames: Set<String> = []
        if let required {
            guard let elements = required.arrayValue, elements.allSatisfy({ $0.stringValue != nil }) else {
                throw JSONSchemaReadError(path: path, message: "required must be an array of property names")
            }
            requiredNames = Set(elements.compactMap(\.stringValue))
        }
        if let undeclared = requiredNames.sorted().first(where: { members[$0] == nil }) {
            throw JSONSchemaReadError(path: path, message: "required property \"\(undeclared)\" is not declared in properties")
        }

        let names = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return try names.map { name in
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            return Property(name: name, isRequired: requiredNames.contains(name),
                            schema: try JSONSchema(jsonValue: members[name]!, path: childPath))
        }
    }
}

/// A schema file that could not be read as a ``JSONSchema``.
public struct JSONSchemaReadError: Error, CustomStringConvertible, Equatable {
    /// The dotted path of the schema node, empty for the root.
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
