import Foundation
import Testing
import VigilContracts

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The directory of the published schema files.
let publishedSchemaDirectory = SchemaDirectory(path: repositoryRoot.appendingPathComponent("docs/schemas").path)

/// Returns the dotted paths of every property the schema declares, `[]` marking
/// array elements and `*` the values of a map.
func declaredPaths(_ schema: JSONSchema, prefix: String = "") -> Set<String> {
    var paths: Set<String> = []
    for property in schema.properties {
        let path = prefix + property.name
        paths.insert(path)
        paths.formUnion(nestedDeclaredPaths(property.schema, path: path))
    }
    return paths
}

/// Returns the declared paths inside one property's node: its own properties,
/// its elements' and its map values'.
private func nestedDeclaredPaths(_ schema: JSONSchema, path: String) -> Set<String> {
    var paths = declaredPaths(schema, prefix: path + ".")
    if let items = schema.items {
        paths.formUnion(declaredPaths(items, prefix: path + "[]."))
    }
    if let values = schema.additionalPropertiesSchema {
        paths.insert(path + ".*")
        paths.formUnion(nestedDeclaredPaths(values, path: path + ".*"))
    }
    return paths
}

/// Returns the dotted paths of every member of every object in `value`, `[]`
/// marking array elements. Members of an object that `schema` declares as a
/// map appear as `*`, because their names are data.
func presentPaths(_ value: JSONValue, schema: JSONSchema?, prefix: String = "") -> Set<String> {
    var paths: Set<String> = []
    for (name, member) in value.objectValue ?? [:] {
        let declared = schema?.property(name)?.schema
        let isMapEntry = declared == nil && schema?.additionalPropertiesSchema != nil
        let path = prefix + (isMapEntry ? "*" : name)
        let memberSchema = isMapEntry ? schema?.additionalPropertiesSchema : declared
        paths.insert(path)
        if let elements = member.arrayValue {
            for element in elements {
                paths.formUnion(presentPaths(element, schema: memberSchema?.items, prefix: path + "[]."))
            }
        } else {
            paths.formUnion(presentPaths(member, schema: memberSchema, prefix: path + "."))
        }
    }
    return paths
}

/// Returns the schema node at a dotted property path.
func node(at path: String, in schema: JSONSchema) -> JSONSchema? {
    var current: JSONSchema? = schema
    for name in path.split(separator: ".") {
        current = current?.property(String(name))?.schema
    }
    return current
}

/// Returns the generated schema of a schema name, failing the test when there is none.
func generatedSchema(named schemaName: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONSchema {
    let type = try #require(EventSchemas.type(named: schemaName), sourceLocation: sourceLocation)
    return EventSchemas.document(for: type)
}
