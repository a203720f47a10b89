import Foundation

/// The one JSON encoding of every Vigil event.
///
/// Keys are sorted and slashes left unescaped, so the same event always
/// encodes to the same bytes; replays compare outputs byte for byte.
public enum EventCoding {
    /// Encodes an event to its canonical JSON bytes.
    public static func encode<Event: Encodable>(_ event: Event) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(event))
    }

    /// Decodes an event from JSON bytes.
    public static func decode<Event: Decodable>(_ type: Event.Type, from bytes: [UInt8]) throws -> Event {
        try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Decodes an event and checks its schema version, so an event written by
    /// a newer, incompatible producer is rejected with a reason instead of
    /// being misread.
    public static func decodeEvent<Event: VigilEvent>(_ type: Event.Type, from bytes: [UInt8]) throws -> Event {
        let event = try decode(type, from: bytes)
        guard event.schemaVersion >= 1 else {
            throw EventDecodingError.invalidSchemaVersion(schema: Event.schemaName, found: event.schemaVersion)
        }
        guard event.schemaVersion <= Event.schemaVersion else {
            throw EventDecodingError.unsupportedSchemaVersion(
                schema: Event.schemaName, found: event.schemaVersion, supported: Event.schemaVersion)
        }
        return event
    }

    /// Describes a decoding failure in one line, naming the field when JSONDecoder reports one.
    public static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else {
            return String(describing: error)
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing field \"\(path(context.codingPath + [key]))\""
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let detail = context.debugDescription.isEmpty ? "expected a value of type \(type)" : context.debugDescription
            return "invalid field \"\(path(context.codingPath))\": \(detail)"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError.map { String(describing: $0) }) ?? ""
                return detail.isEmpty ? "invalid JSON: not one complete JSON object" : "invalid JSON: \(detail)"
            }
            return "invalid field \"\(path(context.codingPath))\": \(readable(context.debugDescription))"
        @unknown default:
            return String(describing: decodingError)
        }
    }

    /// Rewrites Foundation's enum message ("Cannot initialize ChatRole from
    /// invalid String value robot") in the words of the other reasons.
    private static func readable(_ description: String) -> String {
        let prefix = "Cannot initialize "
        guard description.hasPrefix(prefix), let range = description.range(of: " from invalid String value ") else {
            return description
        }
        let type = description[description.index(description.startIndex, offsetBy: prefix.count)..<range.lowerBound]
        return "unknown value \"\(description[range.upperBound...])\" for \(type)"
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

/// A failure to accept an event that is valid JSON.
public enum EventDecodingError: Error, CustomStringConvertible, Equatable {
    case unsupportedSchemaVersion(schema: String, found: Int, supported: Int)
    case invalidSchemaVersion(schema: String, found: Int)

    public var description: String {
        switch self {
        case let .unsupportedSchemaVersion(schema, found, supported):
            return "\(schema) schema version \(found) is newer than the supported version \(supported)"
        case let .invalidSchemaVersion(schema, found):
            return "\(schema) schema version \(found) is invalid: versions start at 1"
        }
    }
}
