/// The event types whose schemas Vigil publishes, and the files it publishes them in.
public enum EventSchemas {
    /// The JSON Schema dialect of every published file.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// Every published event type, in the order the reference documents list them.
    public static let all: [any SchemaPublishing.Type] = [
        ChatMessage.self,
        RosterPerson.self,
        Complaint.self,
        Order.self,
        RuleSetRelease.self,
        Alert.self,
        CaseEvent.self,
        CaseCommand.self,
        ScoringFact.self,
        Score.self,
        DeadLetter.self,
        Watermark.self,
    ]

    /// Returns the type with this schema name.
    public static func type(named schemaName: String) -> (any SchemaPublishing.Type)? {
        all.first { $0.schemaName == schemaName }
    }

    /// Returns the file name of a schema version: `<schema name>.v<version>.schema.json`.
    public static func fileName(schemaName: String, version: Int) -> String {
        "\(schemaName).v\(version).schema.json"
    }

    /// Returns the file name of the type's current schema version.
    public static func fileName(for type: any SchemaPublishing.Type) -> String {
        fileName(schemaName: type.schemaName, version: type.schemaVersion)
    }

    /// Returns the type's schema as published: ``SchemaPublishing/jsonSchema``
    /// with the dialect, an `$id` of the form `urn:vigil:schema:<name>:v<version>`, and a title.
    public static func document(for type: any SchemaPublishing.Type) -> JSONSchema {
        var schema = type.jsonSchema
        schema.dialect = dialect
        schema.id = "urn:vigil:schema:\(type.schemaName):v\(type.schemaVersion)"
        schema.title = "\(type.schemaName) v\(type.schemaVersion)"
        return schema
    }

    /// Returns the text of the type's schema file.
    public static func fileText(for type: any SchemaPublishing.Type) -> String {
        document(for: type).jsonValue.canonicalText()
    }
}
