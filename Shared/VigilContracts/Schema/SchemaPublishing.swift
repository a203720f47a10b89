/// An event type with a published JSON Schema.
///
/// The schema is written next to the type's Codable code, and tests check the
/// two against each other: ``example`` must validate and must write exactly
/// the declared properties.
public protocol SchemaPublishing: VigilEvent {
    /// The event's object schema: its properties, which are required, and
    /// what they mean. ``EventSchemas/document(for:)`` adds `$schema`, `$id`
    /// and `title` to make the published file.
    static var jsonSchema: JSONSchema { get }

    /// An event with every optional field set, shown in the reference documents.
    static var example: Self { get }
}

extension JSONSchema.Property {
    /// Returns the `eventId` property, with the form of the type's ids.
    public static func eventId(_ meaning: LocalizedText) -> JSONSchema.Property {
        .required("eventId", .string(meaning))
    }

    /// Returns the `schemaVersion` property of a schema at `version`.
    public static func schemaVersion(_ version: Int) -> JSONSchema.Property {
        .required("schemaVersion", .integer(LocalizedText(
            chinese: "写入该事件时的 schema 版本，本文件为 \(version)。消费方拒收比自己支持的版本更新的事件。",
            english: "The schema version the event was written with: \(version) for this file. "
                + "A consumer rejects versions newer than the one it reads.")))
    }
}

extension Timestamp {
    /// Parses the literal timestamp of an example event.
    static func example(_ text: String) -> Timestamp {
        guard let timestamp = TimestampFormat.parse(text) else {
            preconditionFailure("invalid example timestamp \(text)")
        }
        return timestamp
    }
}
