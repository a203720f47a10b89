/// Compares a published schema with the current one of the same version.
///
/// A change is compatible when consumers and producers built for the
/// published schema keep working. That covers a new optional property, which
/// consumers ignore because schemas allow undeclared properties, a new enum
/// value, a loosened `additionalProperties`, and a new description.
///
/// Every other change is breaking: a property removed or renamed, its type
/// changed, its required status changed either way, a new required property,
/// an enum value removed, an enum, format, pattern, item or map value
/// constraint added or removed, or `additionalProperties` tightened.
public enum SchemaCompatibility {
    /// Returns every change from `published` to `current`, parents before children and properties by name.
    public static func changes(from published: JSONSchema, to current: JSONSchema) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        compare(published, current, path: "", into: &changes)
        return changes
    }

    /// Returns the breaking changes from `published` to `current`.
    public static func breakingChanges(from published: JSONSchema, to current: JSONSchema) -> [SchemaChange] {
        changes(from: published, to: current).filter(\.isBreaking)
    }

    // MARK: - Comparison

    private static func compare(_ old: JSONSchema, _ new: JSONSchema, path: String, into changes: inout [SchemaChange]) {
        if Set(old.types) != Set(new.types) {
            changes.append(SchemaChange(path: path, kind: .typeChanged(from: old.types.sorted(), to: new.types.sorted())))
        }
        if old.description != new.description || old.title != new.title {
            changes.append(SchemaChange(path: path, kind: .descriptionChanged))
        }
        if old.format != new.format {
            changes.append(SchemaChange(path: path, kind: .formatChanged(from: old.format, to: new.format)))
        }
        if old.pattern != new.pattern {
            changes.append(SchemaChange(path: path, kind: .patternChanged(from: old.pattern, to: new.pattern)))
        }
        compareEnums(old.enumValues, new.enumValues, path: path, into: &changes)
        compareAdditionalProperties(old.additionalProperties, new.additionalProperties, path: path, into: &changes)
        compareItems(old.items, new.items, path: path, into: &changes)
        compareMapValues(old.additionalPropertiesSchema, new.additionalPropertiesSchema, path: path, into: &changes)
        compareProperties(old, new, path: path, into: &changes)
    }

    private static func compareEnums(_ old: [String]?, _ new: [String]?, path: String, into changes: inout [SchemaChange]) {
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, .some):
            changes.append(SchemaChange(path: path, kind: .enumAdded))
        case (.some, nil):
            changes.append(SchemaChange(path: path, kind: .enumRemoved))
        case let (.some(oldValues), .some(newValues)):
            for value in oldValues where !newValues.contains(value) {
                changes.append(SchemaChange(path: path, kind: .enumValueRemoved(value)))
            }
            for value in newValues where !oldValues.contains(value) {
                changes.append(SchemaChange(path: path, kind: .enumValueAdded(value)))
            }
        }
    }

    /// Absent and true both allow undeclared properties.
    private static func compareAdditionalProperties(_ old: Bool?, _ new: Bool?, path: String,
                                                    into changes: inout [SchemaChange]) {
        let oldAllows = old ?? true
        let newAllows = new ?? true
        if oldAllows && !newAllows {
            changes.append(SchemaChange(path: path, kind: .additionalPropertiesTightened))
        } else if !oldAllows && newAllows {
            changes.append(SchemaChange(path: path, kind: .additionalPropertiesLoosened))
        }
    }

    private static func compareItems(_ old: JSONSchema?, _ new: JSONSchema?, path: String, into changes: inout [SchemaChange]) {
        switch (old, new) {
        case let (.some(oldItems), .some(newItems)):
            compare(oldItems, newItems, path: path + "[]", into: &changes)
        case (nil, .some), (.some, nil):
            changes.append(SchemaChange(path: path, kind: .itemsChanged))
        case (nil, nil):
            return
        }
    }

    /// Compares map value schemas. One that appears limits values that were
    /// free, and one that disappears frees values that consumers read as one
    /// shape, so both are breaking.
    private static func compareMapValues(_ old: JSONSchema?, _ new: JSONSchema?, path: String,
                                         into changes: inout [SchemaChange]) {
        switch (old, new) {
        case let (.some(oldValues), .some(newValues)):
            compare(oldValues, newValues, path: JSONSchema.mapValuePath(path), into: &changes)
        case (nil, .some), (.some, nil):
            changes.append(SchemaChange(path: path, kind: .mapValuesChanged))
        case (nil, nil):
            return
        }
    }

    private static func compareProperties(_ old: JSONSchema, _ new: JSONSchema, path: String,
                                          into changes: inout [SchemaChange]) {
        let names = Set(old.properties.map(\.name)).union(new.properties.map(\.name))
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for name in names {
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            switch (old.property(name), new.property(name)) {
            case let (.some(oldProperty), .some(newProperty)):
                if !oldProperty.isRequired && newProperty.isRequired {
                    changes.append(SchemaChange(path: childPath, kind: .becameRequired))
                } else if oldProperty.isRequired && !newProperty.isRequired {
                    changes.append(SchemaChange(path: childPath, kind: .becameOptional))
                }
                compare(oldProperty.schema, newProperty.schema, path: childPath, into: &changes)
            case (.some, nil):
                changes.append(SchemaChange(path: childPath, kind: .propertyRemoved))
            case let (nil, .some(newProperty)):
                changes.append(SchemaChange(path: childPath,
                                            kind: newProperty.isRequired ? .requiredPropertyAdded : .optionalPropertyAdded))
            case (nil, nil):
                continue
            }
        }
    }
}

/// One difference between a published schema and the current one.
public struct SchemaChange: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of difference ``SchemaCompatibility`` reports.
    public enum Kind: Sendable, Hashable {
        /// A property is gone. A renamed property shows as this plus an added property.
        case propertyRemoved
        case requiredPropertyAdded
        case optionalPropertyAdded
        /// An optional property became required.
        case becameRequired
        /// A required property became optional, so consumers can no longer rely on it.
        case becameOptional
        case typeChanged(from: [JSONType], to: [JSONType])
        case enumValueRemoved(String)
        case enumValueAdded(String)
        /// A free value became limited to a list.
        case enumAdded
        /// A value limited to a list became free.
        case enumRemoved
        case formatChanged(from: String?, to: String?)
        case patternChanged(from: String?, to: String?)
        /// An array's element schema appeared or disappeared.
        case itemsChanged
        /// A map's value schema (`additionalProperties` as a schema) appeared or disappeared.
        case mapValuesChanged
        /// Undeclared properties were allowed and are now rejected.
        case additionalPropertiesTightened
        case additionalPropertiesLoosened
        /// A title or description changed. These are annotations, which constrain no instance.
        case descriptionChanged
    }

    /// The dotted path of the schema node (`recipient.personId`, `keywords[]`, `alertsByCategory.*` for
    /// a map's values), empty for the root.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// True when consumers or producers built for the published schema may fail on the current one.
    public var isBreaking: Bool {
        switch kind {
        case .optionalPropertyAdded, .enumValueAdded, .additionalPropertiesLoosened, .descriptionChanged:
            return false
        case .propertyRemoved, .requiredPropertyAdded, .becameRequired, .becameOptional, .typeChanged,
             .enumValueRemoved, .enumAdded, .enumRemoved, .formatChanged, .patternChanged, .itemsChanged,
             .mapValuesChanged, .additionalPropertiesTightened:
            return true
        }
    }

    public var description: String {
        let subject = path.isEmpty ? "the event" : "\"\(path)\""
        switch kind {
        case .propertyRemoved:
            return "property \(subject) removed or renamed"
        case .requiredPropertyAdded:
            return "required property \(subject) added"
        case .optionalPropertyAdded:
            return "optional property \(subject) added"
        case .becameRequired:
            return "property \(subject) became required"
        case .becameOptional:
            return "property \(subject) became optional"
        case let .typeChanged(from, to):
            return "type of \(subject) changed from \(Self.names(from)) to \(Self.names(to))"
        case .enumValueRemoved(let value):
            return "value \"\(value)\" removed from \(subject)"
        case .enumValueAdded(let value):
            return "value \"\(value)\" added to \(subject)"
        case .enumAdded:
            return "\(subject) limited to a list of values"
        case .enumRemoved:
            return "\(subject) no longer limited to a list of values"
        case let .formatChanged(from, to):
            return "format of \(subject) changed from \(from ?? "none") to \(to ?? "none")"
        case let .patternChanged(from, to):
            return "pattern of \(subject) changed from \(from ?? "none") to \(to ?? "none")"
        case .itemsChanged:
            return "element schema of \(subject) added or removed"
        case .mapValuesChanged:
            return "value schema of map \(subject) added or removed"
        case .additionalPropertiesTightened:
            return "\(subject) no longer allows undeclared properties"
        case .additionalPropertiesLoosened:
            return "\(subject) allows undeclared properties"
        case .descriptionChanged:
            return "description of \(subject) changed"
        }
    }

    private static func names(_ types: [JSONType]) -> String {
        types.isEmpty ? "any" : types.map(\.rawValue).joined(separator: " or ")
    }
}
