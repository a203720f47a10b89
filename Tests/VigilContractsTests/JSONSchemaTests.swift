import Testing
import VigilContracts

private let personSchema = JSONSchema.object([
    .required("id", .string(LocalizedText(chinese: "编号", english: "The id."))),
    .required("role", JSONSchema.enumeration(RosterRole.self, LocalizedText(chinese: "角色", english: "The role."))),
    .optional("team", JSONSchema.string(LocalizedText(chinese: "班组", english: "The team.")).orNull()),
    .optional("level", .integer(LocalizedText(chinese: "级别", english: "The level."))),
    .optional("since", .timestamp(LocalizedText(chinese: "起始时间", english: "Since when."))),
    .optional("tags", .array(of: .string(LocalizedText(chinese: "标签", english: "A tag.")),
                             LocalizedText(chinese: "标签", english: "The tags."))),
    .optional("name", .localizedText(LocalizedText(chinese: "名字", english: "The name."))),
    .optional("scores", .map(of: .integer(LocalizedText(chinese: "分数", english: "A score.")),
                             LocalizedText(chinese: "各科分数", english: "Scores by subject."))),
], LocalizedText(chinese: "一个人", english: "A person."))

private func violations(_ json: String, closed: Bool = false) throws -> [String] {
    personSchema.validate(try JSONValue(parsing: Array(json.utf8)), rejectingUndeclaredProperties: closed)
        .map(\.description)
}

@Suite("JSONSchema validation")
struct JSONSchemaValidationTests {
    @Test("valid instance passes")
    func validInstance() throws {
        let json = #"{"id":"A-1","role":"agent","team":null,"level":2,"since":"2026-11-11T09:00:00.250+08:00","#
            + #""tags":["a"],"name":{"zh-CN":"小林","en":"Lin"},"scores":{"math":90,"art":75}}"#
        #expect(try violations(json, closed: true).isEmpty)
    }

    @Test("missing required property")
    func missingRequired() throws {
        #expect(try violations(#"{"role":"agent"}"#) == ["id: missing required property"])
    }

    @Test("wrong type")
    func wrongType() throws {
        #expect(try violations(#"{"id":7,"role":"agent"}"#) == ["id: expected string, found integer"])
    }

    @Test("value outside enum")
    func valueOutsideEnum() throws {
        #expect(try violations(#"{"id":"A","role":"robot"}"#) == [#"role: value "robot" is not one of ["agent", "supervisor", "manager", "brand_manager"]"#])
    }

    @Test("null only where allowed")
    func nullOnlyWhereAllowed() throws {
        #expect(try violations(#"{"id":"A","role":"agent","team":null}"#).isEmpty)
        #expect(try violations(#"{"id":null,"role":"agent"}"#) == ["id: expected string, found null"])
    }

    @Test("integer rejects fraction")
    func integerRejectsFraction() throws {
        #expect(try violations(#"{"id":"A","role":"agent","level":1.5}"#) == ["level: expected integer, found number"])
        #expect(try violations(#"{"id":"A","role":"agent","level":2.0}"#).isEmpty)
    }

    @Test("timestamp needs offset")
    func timestampNeedsOffset() throws {
        let found = try violations(#"{"id":"A","role":"agent","since":"2026-11-11T09:00:00"}"#)
        #expect(found.count == 2)
        #expect(found.first == #"since: "2026-11-11T09:00:00" is not a date-time with a UTC offset"#)
    }

    @Test("timestamp in canonical form")
    func timestampCanonicalForm() throws {
        // Vigil reads this form but never writes it, so the pattern rejects it.
        let found = try violations(#"{"id":"A","role":"agent","since":"2026-11-11T09:00:00+0800"}"#)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(#"since: "2026-11-11T09:00:00+0800" does not match the pattern"#) == true)
    }

    @Test("array elements checked")
    func arrayElementsChecked() throws {
        #expect(try violations(#"{"id":"A","role":"agent","tags":["a",3]}"#) == ["tags[1]: expected string, found integer"])
    }

    @Test("nested object checked")
    func nestedObjectChecked() throws {
        #expect(try violations(#"{"id":"A","role":"agent","name":{"en":"Lin"}}"#) == ["name.zh-CN: missing required property"])
    }

    @Test("undeclared properties allowed by default")
    func undeclaredAllowed() throws {
        #expect(try violations(#"{"id":"A","role":"agent","extra":1,"name":{"zh-CN":"林","en":"Lin","fr":"Lin"}}"#).isEmpty)
    }

    @Test("closed mode rejects undeclared")
    func closedRejectsUndeclared() throws {
        let found = try violations(#"{"id":"A","role":"agent","extra":1,"name":{"zh-CN":"林","en":"Lin","fr":"Lin"}}"#,
                                   closed: true)
        #expect(found == ["name.fr: property not declared in the schema", "extra: property not declared in the schema"])
    }

    @Test("additional properties false rejects")
    func additionalPropertiesFalse() throws {
        var strict = personSchema
        strict.additionalProperties = false
        let found = strict.validate(try JSONValue(parsing: Array(#"{"id":"A","role":"agent","x":true}"#.utf8)))
        #expect(found.map(\.description) == ["x: property not declared in the schema"])
    }

    @Test("map values checked")
    func mapValuesChecked() throws {
        let found = try violations(#"{"id":"A","role":"agent","scores":{"math":90,"art":"B","music":1.5}}"#)
        #expect(found == ["scores.art: expected integer, found string", "scores.music: expected integer, found number"])
    }

    @Test("closed mode allows map keys")
    func closedModeAllowsMapKeys() throws {
        #expect(try violations(#"{"id":"A","role":"agent","scores":{"math":90}}"#, closed: true).isEmpty)
        #expect(try violations(#"{"id":"A","role":"agent","scores":{}}"#, closed: true).isEmpty)
    }

    @Test("root type checked")
    func rootTypeChecked() throws {
        #expect(try violations("[]") == ["expected object, found array"])
    }
}

@Suite("JSONSchema files")
struct JSONSchemaFileTests {
    @Test("every schema reads back", arguments: EventSchemas.all.map { $0.schemaName })
    func readsBack(schemaName: String) throws {
        let type = try #require(EventSchemas.type(named: schemaName))
        let text = EventSchemas.fileText(for: type)
        let read = try JSONSchema(jsonValue: JSONValue(parsing: Array(text.utf8)))
        #expect(read.jsonValue.canonicalText() == text)
        #expect(SchemaCompatibility.changes(from: read, to: EventSchemas.document(for: type)).isEmpty)
    }

    @Test("file names and ids")
    func fileNamesAndIds() {
        #expect(EventSchemas.fileName(for: Alert.self) == "alert.v1.schema.json")
        let document = EventSchemas.document(for: Alert.self)
        #expect(document.id == "urn:vigil:schema:alert:v1")
        #expect(document.dialect == "https://json-schema.org/draft/2020-12/schema")
        #expect(document.title == "alert v1")
    }

    @Test("nullable enum lists null")
    func nullableEnumListsNull() throws {
        let node = JSONSchema(types: [.string], enumValues: ["a"]).orNull()
        #expect(node.jsonValue == .object(["type": .array([.string("string"), .string("null")]),
                                           "enum": .array([.string("a"), .null])]))
        let read = try JSONSchema(jsonValue: node.jsonValue)
        #expect(read.enumValues == ["a"])
        #expect(read.validate(.null).isEmpty)
        #expect(read.validate(.string("b")).count == 1)
    }

    @Test("required lists sorted names")
    func requiredSorted() {
        let schema = JSONSchema(types: [.object], properties: [
            .required("b", JSONSchema(types: [.string])), .required("a", JSONSchema(types: [.string])),
        ])
        #expect(schema.jsonValue.objectValue?["required"] == .array([.string("a"), .string("b")]))
    }

    @Test("rejects unknown keyword")
    func rejectsUnknownKeyword() throws {
        let value = try JSONValue(parsing: Array(#"{"type":"object","properties":{"a":{"type":"string","minLength":1}}}"#.utf8))
        #expect(throws: JSONSchemaReadError(path: "a", message: #"unsupported keyword "minLength""#)) {
            try JSONSchema(jsonValue: value)
        }
    }

    @Test("rejects undeclared required")
    func rejectsUndeclaredRequired() throws {
        let value = try JSONValue(parsing: Array(#"{"type":"object","required":["a"]}"#.utf8))
        #expect(throws: JSONSchemaReadError(path: "", message: #"required property "a" is not declared in properties"#)) {
            try JSONSchema(jsonValue: value)
        }
    }

    @Test("map schema reads back")
    func mapSchemaReadsBack() throws {
        let node = JSONSchema.map(of: .integer(LocalizedText(chinese: "个数", english: "A count.")),
                                  LocalizedText(chinese: "按类别计数", english: "Counts by category."))
        let written = try #require(node.jsonValue.objectValue)
        #expect(written["additionalProperties"] == .object(["type": .string("integer"), "description": .string("A count.")]))
        let read = try JSONSchema(jsonValue: node.jsonValue)
        #expect(read.additionalPropertiesSchema?.types == [.integer])
        #expect(read.additionalProperties == nil)
        #expect(SchemaCompatibility.changes(from: read, to: node).isEmpty)
        #expect(read.validate(.object(["a": .integer(1), "b": .string("x")])).map(\.description)
            == ["b: expected integer, found string"])
    }

    @Test("rejects invalid additional properties")
    func rejectsInvalidAdditionalProperties() throws {
        let value = try JSONValue(parsing: Array(#"{"type":"object","additionalProperties":3}"#.utf8))
        #expect(throws: JSONSchemaReadError(path: "", message: "additionalProperties must be true, false or a schema object")) {
            try JSONSchema(jsonValue: value)
        }
        let nested = try JSONValue(parsing: Array(#"{"additionalProperties":{"type":"integer","minimum":0}}"#.utf8))
        #expect(throws: JSONSchemaReadError(path: "*", message: #"unsupported keyword "minimum""#)) {
            try JSONSchema(jsonValue: nested)
        }
    }

    @Test("rejects unknown type")
    func rejectsUnknownType() throws {
        let value = try JSONValue(parsing: Array(#"{"type":["string","date"]}"#.utf8))
        #expect(throws: JSONSchemaReadError(path: "", message: #"unknown type "date""#)) {
            try JSONSchema(jsonValue: value)
        }
    }

    @Test("rejects null in enum of non-null type")
    func rejectsNullEnum() throws {
        let value = try JSONValue(parsing: Array(#"{"type":"string","enum":["a",null]}"#.utf8))
        #expect(throws: JSONSchemaReadError.self) {
            try JSONSchema(jsonValue: value)
        }
    }
}

@Suite("JSONValue")
struct JSONValueTests {
    @Test("parses every kind")
    func parsesKinds() throws {
        let value = try JSONValue(parsing: Array(#"{"a":null,"b":true,"c":3,"d":1.5,"e":"x","f":[],"g":{}}"#.utf8))
        #expect(value == .object(["a": .null, "b": .bool(true), "c": .integer(3), "d": .number(1.5), "e": .string("x"),
                                  "f": .array([]), "g": .object([:])]))
    }

    @Test("booleans stay booleans")
    func booleansStayBooleans() throws {
        #expect(try JSONValue(parsing: Array("[1,0,true,false]".utf8))
            == .array([.integer(1), .integer(0), .bool(true), .bool(false)]))
    }

    @Test("canonical text sorts and indents")
    func canonicalText() {
        let value = JSONValue.object(["b": .array([.integer(1), .string("a/b")]), "a": .object([:]), "c": .array([])])
        #expect(value.canonicalText() == "{\n  \"a\": {},\n  \"b\": [\n    1,\n    \"a/b\"\n  ],\n  \"c\": []\n}\n")
    }

    @Test("canonical text escapes")
    func canonicalTextEscapes() {
        let value = JSONValue.string("引号\"\\\n\t\u{01}é")
        #expect(value.canonicalText() == "\"引号\\\"\\\\\\n\\t\\u0001é\"\n")
    }

    @Test("canonical text round trips")
    func canonicalTextRoundTrips() throws {
        let value = JSONValue.object(["text": .string("再不处理我就去 12315 投诉\u{1F}"), "n": .number(1299.5), "i": .integer(-3)])
        #expect(try JSONValue(parsing: Array(value.canonicalText().utf8)) == value)
    }
}
