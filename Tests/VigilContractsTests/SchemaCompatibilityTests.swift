import Testing
import VigilContracts

/// A published schema with one property of each shape the checker compares.
private let published = JSONSchema(types: [.object], description: "A test event.", properties: [
    .required("id", JSONSchema(types: [.string])),
    .required("kind", JSONSchema(types: [.string], enumValues: ["a", "b"])),
    .optional("note", JSONSchema(types: [.string])),
    .required("parent", JSONSchema(types: [.string, .null])),
    .required("tags", JSONSchema(types: [.array], items: JSONSchema(types: [.string]))),
    .required("at", JSONSchema(types: [.string], format: "date-time", pattern: "^[0-9]")),
    .optional("owner", JSONSchema(types: [.object], properties: [
        .required("name", JSONSchema(types: [.string])),
        .optional("email", JSONSchema(types: [.string])),
    ])),
    .required("counts", JSONSchema(types: [.object], additionalPropertiesSchema: JSONSchema(types: [.integer]))),
])

/// Returns the changes from `published` to a copy changed by `mutation`.
private func changes(_ mutation: (inout JSONSchema) -> Void) -> [SchemaChange] {
    var current = published
    mutation(&current)
    return SchemaCompatibility.changes(from: published, to: current)
}

/// Changes the named property of `schema`.
private func modify(_ schema: inout JSONSchema, _ name: String, _ change: (inout JSONSchema.Property) -> Void) {
    guard let index = schema.properties.firstIndex(where: { $0.name == name }) else {
        Issue.record("no property \(name)")
        return
    }
    change(&schema.properties[index])
}

@Suite("SchemaCompatibility breaking changes")
struct SchemaBreakingChangeTests {
    @Test("property removed")
    func propertyRemoved() {
        let found = changes { $0.properties.removeAll { $0.name == "note" } }
        #expect(found == [SchemaChange(path: "note", kind: .propertyRemoved)])
        #expect(found.allSatisfy { $0.isBreaking })
    }

    @Test("property renamed")
    func propertyRenamed() {
        let found = changes { schema in modify(&schema, "note") { $0.name = "remark" } }
        #expect(found == [SchemaChange(path: "note", kind: .propertyRemoved),
                          SchemaChange(path: "remark", kind: .optionalPropertyAdded)])
        #expect(found.contains { $0.isBreaking })
    }

    @Test("type changed")
    func typeChanged() {
        let found = changes { schema in modify(&schema, "id") { $0.schema.types = [.integer] } }
        #expect(found == [SchemaChange(path: "id", kind: .typeChanged(from: [.string], to: [.integer]))])
        #expect(found[0].isBreaking)
    }

    @Test("null no longer allowed")
    func nullRemoved() {
        let found = changes { schema in modify(&schema, "parent") { $0.schema.types = [.string] } }
        #expect(found == [SchemaChange(path: "parent", kind: .typeChanged(from: [.string, .null], to: [.string]))])
        #expect(found[0].isBreaking)
    }

    @Test("null newly allowed")
    func nullAdded() {
        let found = changes { schema in modify(&schema, "id") { $0.schema = $0.schema.orNull() } }
        #expect(found == [SchemaChange(path: "id", kind: .typeChanged(from: [.string], to: [.string, .null]))])
        #expect(found[0].isBreaking)
    }

    @Test("optional became required")
    func optionalBecameRequired() {
        let found = changes { schema in modify(&schema, "note") { $0.isRequired = true } }
        #expect(found == [SchemaChange(path: "note", kind: .becameRequired)])
        #expect(found[0].isBreaking)
    }

    @Test("required became optional")
    func requiredBecameOptional() {
        let found = changes { schema in modify(&schema, "id") { $0.isRequired = false } }
        #expect(found == [SchemaChange(path: "id", kind: .becameOptional)])
        #expect(found[0].isBreaking)
    }

    @Test("required property added")
    func requiredPropertyAdded() {
        let found = changes { $0.properties.append(.required("site", JSONSchema(types: [.string]))) }
        #expect(found == [SchemaChange(path: "site", kind: .requiredPropertyAdded)])
        #expect(found[0].isBreaking)
    }

    @Test("enum value removed")
    func enumValueRemoved() {
        let found = changes { schema in modify(&schema, "kind") { $0.schema.enumValues = ["a"] } }
        #expect(found == [SchemaChange(path: "kind", kind: .enumValueRemoved("b"))])
        #expect(found[0].isBreaking)
    }

    @Test("enum constraint added")
    func enumAdded() {
        let found = changes { schema in modify(&schema, "id") { $0.schema.enumValues = ["x"] } }
        #expect(found == [SchemaChange(path: "id", kind: .enumAdded)])
        #expect(found[0].isBreaking)
    }

    @Test("enum constraint removed")
    func enumRemoved() {
        let found = changes { schema in modify(&schema, "kind") { $0.schema.enumValues = nil } }
        #expect(found == [SchemaChange(path: "kind", kind: .enumRemoved)])
        #expect(found[0].isBreaking)
    }

    @Test("additional properties tightened")
    func additionalPropertiesTightened() {
        let found = changes { $0.additionalProperties = false }
        #expect(found == [SchemaChange(path: "", kind: .additionalPropertiesTightened)])
        #expect(found[0].isBreaking)
    }

    @Test("format and pattern changed")
    func formatAndPatternChanged() {
        let found = changes { schema in
            modify(&schema, "at") {
                $0.schema.format = nil
                $0.schema.pattern = "^2"
            }
        }
        #expect(found == [SchemaChange(path: "at", kind: .formatChanged(from: "date-time", to: nil)),
                          SchemaChange(path: "at", kind: .patternChanged(from: "^[0-9]", to: "^2"))])
        #expect(found.allSatisfy { $0.isBreaking })
    }

    @Test("element type changed")
    func elementTypeChanged() {
        let found = changes { schema in modify(&schema, "tags") { $0.schema.items = JSONSchema(types: [.integer]) } }
        #expect(found == [SchemaChange(path: "tags[]", kind: .typeChanged(from: [.string], to: [.integer]))])
        #expect(found[0].isBreaking)
    }

    @Test("element schema removed")
    func elementSchemaRemoved() {
        let found = changes { schema in modify(&schema, "tags") { $0.schema.items = nil } }
        #expect(found == [SchemaChange(path: "tags", kind: .itemsChanged)])
        #expect(found[0].isBreaking)
    }

    @Test("map value type changed")
    func mapValueTypeChanged() {
        let found = changes { schema in modify(&schema, "counts") { $0.schema.additionalPropertiesSchema?.types = [.number] } }
        #expect(found == [SchemaChange(path: "counts.*", kind: .typeChanged(from: [.integer], to: [.number]))])
        #expect(found.allSatisfy { $0.isBreaking })
    }

    @Test("map value schema removed")
    func mapValueSchemaRemoved() {
        let found = changes { schema in modify(&schema, "counts") { $0.schema.additionalPropertiesSchema = nil } }
        #expect(found == [SchemaChange(path: "counts", kind: .mapValuesChanged)])
        #expect(found.allSatisfy { $0.isBreaking })
    }

    @Test("map value schema added")
    func mapValueSchemaAdded() {
        let found = changes { schema in
            modify(&schema, "owner") { $0.schema.additionalPropertiesSchema = JSONSchema(types: [.string]) }
        }
        #expect(found == [SchemaChange(path: "owner", kind: .mapValuesChanged)])
        #expect(found.allSatisfy { $0.isBreaking })
    }

    @Test("nested property removed")
    func nestedPropertyRemoved() {
        let found = changes { schema in modify(&schema, "owner") { $0.schema.properties.removeAll { $0.name == "name" } } }
        #expect(found == [SchemaChange(path: "owner.name", kind: .propertyRemoved)])
        #expect(found[0].isBreaking)
    }

    @Test("breaking list omits compatible")
    func breakingListOmitsCompatible() {
        var current = published
        current.properties.removeAll { $0.name == "id" }
        current.properties.append(.optional("extra", JSONSchema(types: [.string])))
        #expect(SchemaCompatibility.breakingChanges(from: published, to: current)
            == [SchemaChange(path: "id", kind: .propertyRemoved)])
    }
}

@Suite("SchemaCompatibility compatible changes")
struct SchemaCompatibleChangeTests {
    @Test("identical schemas")
    func identical() {
        #expect(SchemaCompatibility.changes(from: published, to: published).isEmpty)
    }

    @Test("optional property added")
    func optionalPropertyAdded() {
        let found = changes { $0.properties.append(.optional("site", JSONSchema(types: [.string]))) }
        #expect(found == [SchemaChange(path: "site", kind: .optionalPropertyAdded)])
        #expect(!found[0].isBreaking)
    }

    @Test("nested optional property added")
    func nestedOptionalPropertyAdded() {
        let found = changes { schema in
            modify(&schema, "owner") { $0.schema.properties.append(.optional("phone", JSONSchema(types: [.string]))) }
        }
        #expect(found == [SchemaChange(path: "owner.phone", kind: .optionalPropertyAdded)])
        #expect(!found[0].isBreaking)
    }

    @Test("enum value added")
    func enumValueAdded() {
        let found = changes { schema in modify(&schema, "kind") { $0.schema.enumValues = ["a", "b", "c"] } }
        #expect(found == [SchemaChange(path: "kind", kind: .enumValueAdded("c"))])
        #expect(!found[0].isBreaking)
    }

    @Test("description changed")
    func descriptionChanged() {
        let found = changes { schema in
            schema.description = "Another text."
            modify(&schema, "id") { $0.schema.description = "The id." }
        }
        #expect(found == [SchemaChange(path: "", kind: .descriptionChanged),
                          SchemaChange(path: "id", kind: .descriptionChanged)])
        #expect(!found.contains { $0.isBreaking })
    }

    @Test("map value description changed")
    func mapValueDescriptionChanged() {
        let found = changes { schema in
            modify(&schema, "counts") { $0.schema.additionalPropertiesSchema?.description = "A count." }
        }
        #expect(found == [SchemaChange(path: "counts.*", kind: .descriptionChanged)])
        #expect(!found.contains { $0.isBreaking })
    }

    @Test("Chinese description ignored")
    func chineseDescriptionIgnored() {
        #expect(changes { schema in modify(&schema, "id") { $0.schema.chineseDescription = "编号" } }.isEmpty)
    }

    @Test("additional properties loosened")
    func additionalPropertiesLoosened() {
        var strict = published
        strict.additionalProperties = false
        let found = SchemaCompatibility.changes(from: strict, to: published)
        #expect(found == [SchemaChange(path: "", kind: .additionalPropertiesLoosened)])
        #expect(!found[0].isBreaking)
    }

    @Test("explicit true equals absent")
    func explicitTrueEqualsAbsent() {
        #expect(changes { $0.additionalProperties = true }.isEmpty)
    }

    @Test("change descriptions name path")
    func changeDescriptions() {
        #expect(SchemaChange(path: "owner.name", kind: .propertyRemoved).description
            == #"property "owner.name" removed or renamed"#)
        #expect(SchemaChange(path: "parent", kind: .typeChanged(from: [.string, .null], to: [.string])).description
            == #"type of "parent" changed from string or null to string"#)
        #expect(SchemaChange(path: "", kind: .additionalPropertiesTightened).description
            == "the event no longer allows undeclared properties")
        #expect(SchemaChange(path: "counts", kind: .mapValuesChanged).description
            == #"value schema of map "counts" added or removed"#)
    }
}
