import VigilContracts

/// A JSON value embedded in a report, written back as the JSON it was read from.
///
/// `JSONValue` only decodes, and conforming an imported type to an imported
/// protocol would clash with any later conformance in its own module.
struct ReplayJSONContent: Codable, Equatable {
    var value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        value = try JSONValue(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .integer(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements {
                try container.encode(ReplayJSONContent(element))
            }
        case .object(let members):
            var container = encoder.container(keyedBy: MemberName.self)
            for (name, member) in members {
                try container.encode(ReplayJSONContent(member), forKey: MemberName(name))
            }
        }
    }

    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) {
            stringValue = name
        }

        init?(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }
}
