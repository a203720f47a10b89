import Foundation
import VigilContracts

extension ColumnMapping {
    /// The maximum size of a mapping file, 1 MiB. Real ones have a few hundred bytes.
    static let maxFileBytes = 1 << 20

    /// Loads a mapping file. The error message starts with the path.
    public init(contentsOfFile path: String) throws(ColumnMappingError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ColumnMappingError("cannot read the column mapping \(path): \(error.localizedDescription)")
        }
        guard data.count <= Self.maxFileBytes else {
            throw ColumnMappingError("the column mapping \(path) is larger than \(Self.maxFileBytes) bytes")
        }
        do {
            try self.init(json: data)
        } catch {
            throw ColumnMappingError("invalid column mapping \(path): \(error.message)")
        }
    }

    /// Reads a mapping from JSON text.
    public init(json: some Collection<UInt8>) throws(ColumnMappingError) {
        let document: MappingJSONValue
        do {
            document = try JSONDecoder().decode(MappingJSONValue.self, from: Data(json))
        } catch {
            throw ColumnMappingError(EventCoding.describe(error))
        }
        guard case .object(let top) = document else {
            throw ColumnMappingError("expected a JSON object with \"kind\" and \"fields\", found \(document.typeName)")
        }
        for key in top.keys.sorted() where !["kind", "fields", "description"].contains(key) {
            throw ColumnMappingError("unknown key \"\(key)\": expected \"kind\", \"fields\" and optionally \"description\"")
        }

        guard case .string(let kindName)? = top["kind"], let kind = RecordKind(option: kindName) else {
            throw ColumnMappingError("\"kind\" must be one of \"messages\", \"roster\", \"complaints\" or \"orders\"")
        }
        guard case .object(let fieldSpecs)? = top["fields"] else {
            throw ColumnMappingError("\"fields\" must be an object that maps each interchange field to a column")
        }

        let fields = InterchangeField.fields(of: kind)
        let fieldNames = fields.map(\.name)
        for name in fieldSpecs.keys.sorted() where !fieldNames.contains(name) {
            throw ColumnMappingError("""
                unknown field "\(name)" for \(kindName); the fields are \(fieldNames.joined(separator: ", "))
                """)
        }
        let missing = fields.filter { $0.isRequired && fieldSpecs[$0.name] == nil }.map(\.name)
        guard missing.isEmpty else {
            throw ColumnMappingError("""
                no mapping for the required field\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) \
                of \(kindName)
                """)
        }

        var rules: [Rule] = []
        for field in fields {
            guard let spec = fieldSpecs[field.name] else { continue }
            do {
                rules.append(try Self.rule(for: field, spec: spec))
            } catch {
                throw ColumnMappingError("field \"\(field.name)\": \(error.message)")
            }
        }
        self.init(kind: kind, rules: rules)
    }

    // MARK: - Fields

    private static func rule(for field: InterchangeField, spec: MappingJSONValue) throws(ColumnMappingError) -> Rule {
        let options: [String: MappingJSONValue]
        switch spec {
        case .string(let column):
            options = ["column": .string(column)]
        case .object(let object):
            options = object
        default:
            throw ColumnMappingError("expected a column name or an object with \"column\" or \"constant\", found \(spec.typeName)")
        }
        for key in options.keys.sorted() where !["column", "constant", "values", "format", "zone"].contains(key) {
            throw ColumnMappingError("unknown key \"\(key)\": expected column, constant, values, format or zone")
        }

        let source: Rule.Source
        switch (options["column"], options["constant"]) {
        case (.string(let column)?, nil):
            guard !column.isEmpty else { throw ColumnMappingError("the column name is empty") }
            source = .column(column)
        case (nil, let constant?):
            source = .constant(try constantJSON(constant, for: field))
        case (_?, _?):
            throw ColumnMappingError("set either \"column\" or \"constant\", not both")
        case (let column?, nil):
            throw ColumnMappingError("\"column\" must be a string, found \(column.typeName)")
        case (nil, nil):
            throw ColumnMappingError("set \"column\" or \"constant\"")
        }

        let isColumn = options["constant"] == nil
        var values: [ArraySlice<UInt8>: [UInt8]] = [:]
        if let spec = options["values"] {
            guard isColumn, field.type != .time, field.type != .decimal else {
                throw ColumnMappingError("\"values\" applies only to a column of ids, text or true/false")
            }
            values = try valueMap(spec, for: field)
        }

        var time: TimeColumnFormat?
        if field.type == .time {
            var format: String?
            var zone: String?
            if let value = options["format"] {
                guard case .string(let text) = value else { throw ColumnMappingError("\"format\" must be a string") }
                format = text
            }
            if let value = options["zone"] {
                guard case .string(let text) = value else { throw ColumnMappingError("\"zone\" must be a string") }
                zone = text
            }
            time = try TimeColumnFormat(format: format, zone: zone)
        } else if options["format"] != nil || options["zone"] != nil {
            throw ColumnMappingError("\"format\" and \"zone\" apply only to time fields")
        }
        return Rule(field: field, source: source, values: values, time: time)
    }

    private static func constantJSON(_ value: MappingJSONValue,
                                     for field: InterchangeField) throws(ColumnMappingError) -> [UInt8] {
        switch (field.type, value) {
        case (.identifier, .string(let text)), (.text, .string(let text)):
            guard !text.isEmpty || field.type == .text else {
                throw ColumnMappingError("the constant is empty; leave an optional field out instead")
            }
            var json: [UInt8] = []
            JSONText.appendString(text.utf8, to: &json)
            return json
        case (.boolean, .bool(let flag)):
            return Array((flag ? "true" : "false").utf8)
        case (.time, _), (.decimal, _):
            throw ColumnMappingError("a time or amount field reads a column; it cannot be a constant")
        default:
            let expected = field.type == .boolean ? "true or false" : "a string"
            throw ColumnMappingError("the constant must be \(expected), found \(value.typeName)")
        }
    }

    private static func valueMap(_ spec: MappingJSONValue,
                                 for field: InterchangeField) throws(ColumnMappingError) -> [ArraySlice<UInt8>: [UInt8]] {
        guard case .object(let pairs) = spec, !pairs.isEmpty else {
            throw ColumnMappingError("\"values\" must be an object from cell values to field values, such as {\"客服\": \"agent\"}")
        }
        var map: [ArraySlice<UInt8>: [UInt8]] = [:]
        for (cell, value) in pairs {
            let target: String
            switch (field.type, value) {
            case (.boolean, .bool(let flag)):
                target = flag ? "true" : "false"
            case (.boolean, .string(let text)) where text == "true" || text == "false" || text.isEmpty:
                target = text
            case (.identifier, .string(let text)), (.text, .string(let text)):
                target = text
            default:
                let expected = field.type == .boolean ? "true or false" : "a string"
                throw ColumnMappingError("the value for \"\(cell)\" must be \(expected), found \(value.typeName)")
            }
            let key = JSONText.trimmed(ArraySlice(Array(cell.utf8)))
            guard map[key] == nil else {
                throw ColumnMappingError("\"values\" lists \"\(cell)\" twice once spaces are trimmed")
            }
            map[key] = Array(target.utf8)
        }
        return map
    }
}
