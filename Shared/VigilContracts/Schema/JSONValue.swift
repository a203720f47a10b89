import Foundation

/// A JSON value: what schema files and encoded events are read into for checking.
///
/// Integers and other numbers are separate cases because JSON Schema's
/// `integer` type accepts only numbers without a fraction.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// A number with a fraction or outside the range of `Int64`.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text.
    public init(parsing bytes: some Sequence<UInt8>) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// The members of an object, or nil for any other value.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The elements of an array, or nil for any other value.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The text of a string, or nil for any other value.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }
}

// MARK: - Decoding

extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

// MARK: - Canonical text

extension JSONValue {
    /// Returns the value as indented JSON text: two spaces per level, object keys
    /// sorted by their UTF-8 bytes, slashes and non-ASCII text unescaped, and a
    /// final newline. The same value always gives the same bytes, so a schema
    /// file changes only when the schema does.
    public func canonicalText() -> String {
        var output = ""
        write(to: &output, indent: "")
        return output + "\n"
    }

    /// Returns the value as one line of JSON with the key order and escaping
    /// of ``canonicalText()``, but without spaces or a final newline.
    public func compactText() -> String {
        var output = ""
        write(to: &output, indent: nil)
        return output
    }

    /// Writes the value with `indent` before each nested line, or on one line when `indent` is nil.
    private func write(to output: inout String, indent: String?) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .integer(let value):
            output += String(value)
        case .number(let value):
            output += value.isFinite ? "\(value)" : "null"
        case .string(let text):
            JSONStringLiteral.append(text, to: &output)
        case .array(let elements):
            Self.writeList(elements.map { (nil, $0) }, brackets: ("[", "]"), to: &output, indent: indent)
        case .object(let members):
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            Self.writeList(keys.map { ($0, members[$0] ?? .null) }, brackets: ("{", "}"), to: &output, indent: indent)
        }
    }

    /// Writes array elements (no names) or object members between brackets.
    private static func writeList(_ items: [(name: String?, value: JSONValue)], brackets: (String, String),
                                  to output: inout String, indent: String?) {
        guard !items.isEmpty else {
            output += brackets.0 + brackets.1
            return
        }
        let inner = indent.map { $0 + "  " }
        output += brackets.0
        for (index, item) in items.enumerated() {
            if index > 0 {
                output += ","
            }
            if let inner {
                output += "\n" + inner
            }
            if let name = item.name {
                JSONStringLiteral.append(name, to: &output)
                output += inner == nil ? ":" : ": "
            }
            item.value.write(to: &output, indent: inner)
        }
        if let indent {
            output += "\n" + indent
        }
        output += brackets.1
    }
}
