import Foundation
import Testing
import VigilContracts

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The directory of the published schema files.
let publishedSchemaDirectory = SchemaDirectory(path: repositoryRoot.appendingPathComponent("docs/schemas").path)

/// Returns the dotted paths of every property the schema declares, `[]` marking array elements.
func declaredPaths(_ schema: JSONSchema, prefix: String = "") -> Set<String> {
    var paths: Set<String> = []
    for property in schema.properties {
        let path = prefix + property.name
        paths.insert(path)
        paths.formUnion(declaredPaths(property.schema, prefix: path + "."))
        if let items = property.schema.items {
            paths.formUnion(declaredPaths(items, prefix: path + "[]."))
        }
    }
    return paths
}

/// Returns the dotted paths of every member of every object in `value`, `[]` marking array elements.
func presentPaths(_ value: JSONValue, prefix: String = "") -> Set<String> {
    var paths: Set<String> = []
    for (name, member) in value.objectValue ?? [:] {
        let path = prefix + name
        paths.insert(path)
        if let elements = member.arrayValue {
            for element in elements {
                paths.formUnion(presentPaths(element, prefix: path + "[]."))
            }
        } else {
            paths.formUnion(presentPaths(member, prefix: path + "."))
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
