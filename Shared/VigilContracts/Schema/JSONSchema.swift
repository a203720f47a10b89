/// A JSON Schema (draft 2020-12) node, limited to the keywords Vigil's published schemas use:
/// `type`, `properties`, `required`, `additionalProperties` (a boolean or a schema), `items`,
/// `enum`, `format`, `pattern`, and the annotations `$schema`, `$id`, `title` and `description`.
///
/// Each event type builds its schema from these nodes (see ``SchemaPublishing``).
/// Reading a schema file with any other keyword fails, so the compatibility
/// check never ignores a constraint it does not understand.
public struct JSONSchema: Sendable, Hashable {
    /// The dialect URI (`$schema`), set on the root only.
    public var dialect: String?
    /// The schema's URI (`$id`), set on the root only.
    public var id: String?
    public var title: String?
    /// The English description, written to the schema file.
    public var description: String?
    /// The Chinese description, shown in the Chinese reference document. It is
    /// not written to the schema file, because Ajv 7 and later, in its default
    /// strict mode, rejects unknown keywords. A schema read from a file has none.
    public var chineseDescription: String?
    /// The allowed JSON types; empty allows any.
    public var types: [JSONType]
    /// The object's properties, in declaration order. Files list them sorted by name.
    public var properties: [Property]
    /// False rejects properties that `properties` does not declare; nil allows them.
    /// Ignored when ``additionalPropertiesSchema`` is set.
    public var additionalProperties: Bool?
    /// The allowed string values. When `types` contains `null`, the file's
    /// `enum` also lists `null`, as JSON Schema requires for a null value to pass.
    public var enumValues: [String]?
    /// A format annotation such as `date-time`.
    public var format: String?
    /// A regular expression (ECMA-262 syntax) that a string must contain a match of.
    public var pattern: String?

    // The element and value schemas live in arrays because a struct cannot contain itself.
    private var itemStorage: [JSONSchema]
    private var additionalPropertiesStorage: [JSONSchema]

    /// The schema of an array's elements.
    public var items: JSONSchema? {
        get { itemStorage.first }
        set { itemStorage = newValue.map { [$0] } ?? [] }
    }

    /// The schema that the value of every property not declared in `properties`
    /// must match: `additionalProperties` given as a schema, which makes the
    /// object a map from any key to values of one shape. When set, the file
    /// writes it in place of the boolean ``additionalProperties``.
    public var additionalPropertiesSchema: JSONSchema? {
        get { additionalPropertiesStorage.first }
        set { additionalPropertiesStorage = newValue.map { [$0] } ?? [] }
    }

    /// Creates a schema node; every keyword is optional.
    public init(types: [JSONType] = [], description: String? = nil, chineseDescription: String? = nil,
                properties: [Property] = [], additionalProperties: Bool? = nil,
                additionalPropertiesSchema: JSONSchema? = nil, items: JSONSchema? = nil,
                enumValues: [String]? = nil, format: String? = nil, pattern: String? = nil) {
        self.types = types
        self.description = description
        self.chineseDescription = chineseDescription
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.additionalPropertiesStorage = additionalPropertiesSchema.map { [$0] } ?? []
        self.itemStorage = items.map { [$0] } ?? []
        self.enumValues = enumValues
        self.format = format
        self.pattern = pattern
    }

    /// Returns the property with this name.
    public func property(_ name: String) -> Property? {
        properties.first { $0.name == name }
    }

    /// The names of the required properties, in declaration order.
    public var requiredNames: [String] {
        properties.filter(\.isRequired).map(\.name)
    }

    /// True when `null` is one of the allowed types.
    public var isNullable: Bool { types.contains(.null) }
}

extension JSONSchema {
    /// One property of an object schema.
    public struct Property: Sendable, Hashable {
        public var name: String
        /// True when every instance has the property (JSON Schema's `required`).
        public var isRequired: Bool
        public var schema: JSONSchema

        public init(name: String, isRequired: Bool, schema: JSONSchema) {
            self.name = name
            self.isRequired = isRequired
            self.schema = schema
        }
    }
}

/// The types of JSON Schema's `type` keyword, in the order schema files list them.
public enum JSONType: String, Sendable, Hashable, CaseIterable, Comparable {
    case object
    case array
    case string
    /// A number without a fraction.
    case integer
    case number
    case boolean
    case null

    public static func < (lhs: JSONType, rhs: JSONType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
