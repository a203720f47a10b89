/// Builders for the schema nodes of Vigil's events. Every node carries its
/// meaning in English (for the schema file) and Chinese (for the Chinese reference).
extension JSONSchema {
    /// The pattern of the timestamps Vigil writes: ISO 8601 with seconds,
    /// milliseconds only when they are not zero, and always an offset (`Z` or `±HH:MM`).
    public static let timestampPattern =
        #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{3})?(Z|[+-][0-9]{2}:[0-9]{2})$"#

    /// Returns a string node.
    public static func string(_ meaning: LocalizedText) -> JSONSchema {
        JSONSchema(types: [.string], meaning)
    }

    /// Returns an integer node.
    public static func integer(_ meaning: LocalizedText) -> JSONSchema {
        JSONSchema(types: [.integer], meaning)
    }

    /// Returns a number node, for values that may have a fraction.
    public static func number(_ meaning: LocalizedText) -> JSONSchema {
        JSONSchema(types: [.number], meaning)
    }

    /// Returns a boolean node.
    public static func boolean(_ meaning: LocalizedText) -> JSONSchema {
        JSONSchema(types: [.boolean], meaning)
    }

    /// Returns the node of a ``Timestamp``: a `date-time` string with an offset.
    public static func timestamp(_ meaning: LocalizedText) -> JSONSchema {
        var node = JSONSchema(types: [.string], meaning)
        node.format = "date-time"
        node.pattern = timestampPattern
        return node
    }

    /// Returns a string node limited to the raw values of `type`, in case order.
    public static func enumeration<Value: CaseIterable & RawRepresentable>(
        _ type: Value.Type, _ meaning: LocalizedText
    ) -> JSONSchema where Value.RawValue == String {
        var node = JSONSchema(types: [.string], meaning)
        node.enumValues = type.allCases.map(\.rawValue)
        return node
    }

    /// Returns an array node whose elements match `items`.
    public static func array(of items: JSONSchema, _ meaning: LocalizedText) -> JSONSchema {
        var node = JSONSchema(types: [.array], meaning)
        node.items = items
        return node
    }

    /// Returns an object node with these properties. Other properties are
    /// allowed, so a consumer built for this schema keeps reading events that
    /// gain an optional property.
    public static func object(_ properties: [Property], _ meaning: LocalizedText) -> JSONSchema {
        var node = JSONSchema(types: [.object], meaning)
        node.properties = properties
        return node
    }

    /// Returns an object node used as a map, such as a Swift `[String: Int]`:
    /// any key, with every value matching `values` (`additionalProperties` as
    /// a schema). ``JSONSchema`` has no `propertyNames` keyword to limit the
    /// keys, so `meaning` should name them.
    public static func map(of values: JSONSchema, _ meaning: LocalizedText) -> JSONSchema {
        var node = JSONSchema(types: [.object], meaning)
        node.additionalPropertiesSchema = values
        return node
    }

    /// Returns the node of a ``LocalizedText``: `zh-CN` and `en`, both required.
    public static func localizedText(_ meaning: LocalizedText) -> JSONSchema {
        object([
            .required("zh-CN", .string(LocalizedText(chinese: "简体中文", english: "Simplified Chinese."))),
            .required("en", .string(LocalizedText(chinese: "英文", english: "English."))),
        ], meaning)
    }

    /// Returns this node with `null` allowed as well, for a property that is
    /// always written but may be null.
    public func orNull() -> JSONSchema {
        var node = self
        if !node.types.contains(.null) {
            node.types.append(.null)
        }
        return node
    }

    private init(types: [JSONType], _ meaning: LocalizedText) {
        self.init(types: types, description: meaning.english, chineseDescription: meaning.chinese)
    }
}

extension JSONSchema.Property {
    /// Returns a property every instance has.
    public static func required(_ name: String, _ schema: JSONSchema) -> JSONSchema.Property {
        JSONSchema.Property(name: name, isRequired: true, schema: schema)
    }

    /// Returns a property that is left out when it has no value.
    public static func optional(_ name: String, _ schema: JSONSchema) -> JSONSchema.Property {
        JSONSchema.Property(name: name, isRequired: false, schema: schema)
    }
}
