import Foundation
import Testing
import VigilContracts

/// An enum property and the raw values of its Swift type's cases.
struct EnumProperty: Sendable, CustomTestStringConvertible {
    var schemaName: String
    var path: String
    var swiftValues: [String]

    init<Value: CaseIterable & RawRepresentable>(_ schemaName: String, _ path: String, _ type: Value.Type)
    where Value.RawValue == String {
        self.schemaName = schemaName
        self.path = path
        self.swiftValues = type.allCases.map(\.rawValue)
    }

    var testDescription: String { "\(schemaName) \(path)" }

    /// Every enum property of every published schema.
    static let all: [EnumProperty] = [
        EnumProperty("chat-message", "role", ChatRole.self),
        EnumProperty("roster-person", "role", RosterRole.self),
        EnumProperty("complaint", "channel", ComplaintChannel.self),
        EnumProperty("alert", "kind", AlertKind.self),
        EnumProperty("alert", "category", RiskCategory.self),
        EnumProperty("alert", "severity", Severity.self),
        EnumProperty("alert", "action", AlertAction.self),
        EnumProperty("alert", "recipient.role", RosterRole.self),
        EnumProperty("case-event", "type", CaseEventType.self),
        EnumProperty("case-event", "complaintChannel", ComplaintChannel.self),
        EnumProperty("case-event", "state", CaseState.self),
        EnumProperty("case-event", "severity", Severity.self),
        EnumProperty("case-event", "action", CaseAction.self),
        EnumProperty("case-event", "recipient.role", RosterRole.self),
        EnumProperty("case-event", "deadline", CaseDeadline.self),
        EnumProperty("case-event", "escalateTo", EscalationTarget.self),
        EnumProperty("case-event", "cause", CaseCause.self),
        EnumProperty("case-event", "rectification", RectificationStatus.self),
        EnumProperty("case-command", "action", CaseAction.self),
        EnumProperty("case-command", "escalateTo", EscalationTarget.self),
        EnumProperty("case-command", "classification", CaseCause.self),
        EnumProperty("scoring-fact", "subject.kind", ScoreSubjectKind.self),
        EnumProperty("scoring-fact", "kind", ScoringFactKind.self),
        EnumProperty("scoring-fact", "alert.kind", AlertKind.self),
        EnumProperty("scoring-fact", "alert.category", RiskCategory.self),
        EnumProperty("scoring-fact", "caseFact.severity", Severity.self),
        EnumProperty("scoring-fact", "caseFact.cause", CaseCause.self),
        EnumProperty("scoring-fact", "caseFact.rectification", RectificationStatus.self),
        EnumProperty("scoring-fact", "complaint.channel", ComplaintChannel.self),
        EnumProperty("score", "subject.kind", ScoreSubjectKind.self),
        EnumProperty("score", "period.kind", ScorePeriodKind.self),
        EnumProperty("dead-letter", "reasonCode", DeadLetterReason.self),
    ]
}

@Suite("Event schemas and Swift types")
struct SchemaAgreementTests {
    @Test("samples cover every schema")
    func samplesCoverSchemas() {
        #expect(SchemaSample.all.map(\.schemaName) == EventSchemas.all.map { $0.schemaName })
    }

    @Test("twelve unique schemas")
    func twelveUniqueSchemas() {
        let names = EventSchemas.all.map { $0.schemaName }
        #expect(names.count == 12)
        #expect(Set(names).count == names.count)
    }

    @Test("catalogue topics have schemas")
    func catalogueTopicsHaveSchemas() {
        for topic in TopicCatalogue().all {
            #expect(EventSchemas.type(named: topic.schemaName) != nil, "topic \(topic.name) has no published schema")
        }
    }

    @Test("full sample validates", arguments: SchemaSample.all)
    func fullSampleValidates(sample: SchemaSample) throws {
        let schema = try generatedSchema(named: sample.schemaName)
        let violations = schema.validate(try JSONValue(parsing: sample.full), rejectingUndeclaredProperties: true)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// A field the Swift type writes but the schema does not declare, or the
    /// reverse, fails here.
    @Test("full sample writes declared properties", arguments: SchemaSample.all)
    func fullSampleWritesDeclaredProperties(sample: SchemaSample) throws {
        let schema = try generatedSchema(named: sample.schemaName)
        let written = presentPaths(try JSONValue(parsing: sample.full), schema: schema)
        let declared = declaredPaths(schema)
        #expect(written.subtracting(declared).isEmpty, "written but not declared")
        #expect(declared.subtracting(written).isEmpty, "declared but not written")
    }

    @Test("minimal sample validates", arguments: SchemaSample.all)
    func minimalSampleValidates(sample: SchemaSample) throws {
        let schema = try generatedSchema(named: sample.schemaName)
        let violations = schema.validate(try JSONValue(parsing: sample.minimal), rejectingUndeclaredProperties: true)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// A property the schema marks required must be written even when its value is nil.
    @Test("minimal sample writes required properties", arguments: SchemaSample.all)
    func minimalSampleWritesRequired(sample: SchemaSample) throws {
        let schema = try generatedSchema(named: sample.schemaName)
        let written = try #require(try JSONValue(parsing: sample.minimal).objectValue)
        for name in schema.requiredNames {
            #expect(written[name] != nil, "required property \(name) missing")
        }
    }

    @Test("example validates", arguments: EventSchemas.all.map { $0.schemaName })
    func exampleValidates(schemaName: String) throws {
        let type = try #require(EventSchemas.type(named: schemaName))
        let violations = EventSchemas.document(for: type)
            .validate(try JSONValue(parsing: encodedExample(type)), rejectingUndeclaredProperties: true)
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test("published enums equal Swift cases", arguments: EnumProperty.all)
    func publishedEnumsEqualSwiftCases(property: EnumProperty) throws {
        let type = try #require(EventSchemas.type(named: property.schemaName))
        let path = publishedSchemaDirectory.filePath(EventSchemas.fileName(for: type))
        let published = try JSONSchema(jsonValue: JSONValue(parsing: Array(try String(contentsOfFile: path, encoding: .utf8).utf8)))
        #expect(node(at: property.path, in: published)?.enumValues == property.swiftValues, "published file")
        #expect(node(at: property.path, in: EventSchemas.document(for: type))?.enumValues == property.swiftValues,
                "generated schema")
    }

    @Test("every enum property listed")
    func everyEnumListed() {
        var paths: Set<String> = []
        for type in EventSchemas.all {
            paths.formUnion(enumPaths(type.jsonSchema).map { "\(type.schemaName) \($0)" })
        }
        #expect(paths == Set(EnumProperty.all.map(\.testDescription)))
    }

    private func enumPaths(_ schema: JSONSchema, prefix: String = "") -> [String] {
        schema.properties.flatMap { property -> [String] in
            let path = prefix + property.name
            let own = property.schema.enumValues == nil ? [] : [path]
            return own + enumPaths(property.schema, prefix: path + ".")
        }
    }

    private func encodedExample<Event: SchemaPublishing>(_ type: Event.Type) throws -> [UInt8] {
        try EventCoding.encode(Event.example)
    }
}
