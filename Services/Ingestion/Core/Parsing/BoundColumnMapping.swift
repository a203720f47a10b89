import VigilRuntime

/// A ``ColumnMapping`` matched to a header: turns each row into the bytes of
/// one interchange JSON object, for `InterchangeParser(fixedKind: kind)`.
///
/// It checks what depends on the mapping: the field count, UTF-8, empty
/// required cells, value maps, time formats and amounts. Everything else
/// (ids, enums, time range) is left to `InterchangeParser`, so a CSV row is
/// judged exactly like an NDJSON line.
public struct BoundColumnMapping: Sendable {
    /// The kind of every record produced.
    public let kind: RecordKind
    /// The number of columns in the header, which every row must have.
    public let columnCount: Int
    let rules: [Rule]

    struct Rule: Sendable {
        enum Source: Sendable {
            case column(index: Int, name: String)
            case constant([UInt8])
        }

        var field: InterchangeField
        var source: Source
        var values: [ArraySlice<UInt8>: [UInt8]]
        var time: TimeColumnFormat?
        /// `"name":`, encoded once.
        var key: [UInt8]

        init(rule: ColumnMapping.Rule, source: Source) {
            self.field = rule.field
            self.source = source
            self.values = rule.values
            self.time = rule.time
            var key: [UInt8] = []
            JSONText.appendString(rule.field.name.utf8, to: &key)
            key.append(0x3A)
            self.key = key
        }
    }

    /// The maximum length of a cell value quoted in a rejection, in characters.
    static let maxQuotedCharacters = 80

    /// The maximum number of digits in an amount, below the 38 that Foundation's Decimal keeps.
    static let maxAmountDigits = 30

    // MARK: - Rows

    /// Returns the row as interchange JSON, or throws the reason it cannot become a record.
    public func record(from row: DelimitedRow) throws(RecordRejection) -> [UInt8] {
        guard row.count == columnCount else {
            throw RecordRejection(.invalidField, "the row has \(row.count) fields, but the header has \(columnCount)")
        }

        var json: [UInt8] = []
        json.reserveCapacity(row.raw.count + rules.count * 16 + 2)
        json.append(0x7B)
        for rule in rules {
            switch rule.source {
            case .constant(let value):
                appendMember(rule.key, value, to: &json)
            case .column(let index, let name):
                guard let value = try value(of: rule, cell: row[index], column: name) else { continue }
                appendMember(rule.key, value, to: &json)
            }
        }
        json.append(0x7D)
        return json
    }

    private func appendMember(_ key: [UInt8], _ value: [UInt8], to json: inout [UInt8]) {
        if json.count > 1 {
            json.append(0x2C)
        }
        json.append(contentsOf: key)
        json.append(contentsOf: value)
    }

    /// Returns the field's JSON value, or nil to leave out an optional field whose cell is empty.
    private func value(of rule: Rule, cell: ArraySlice<UInt8>, column: String) throws(RecordRejection) -> [UInt8]? {
        let field = rule.field
        guard JSONText.isValidUTF8(cell) else {
            throw RecordRejection(.invalidField, """
                the column "\(column)" for field "\(field.name)" is not valid UTF-8; if the file is in GBK, convert it \
                first, for example with iconv -f GBK -t UTF-8
                """)
        }

        var value = field.type == .text && rule.values.isEmpty ? cell : JSONText.trimmed(cell)
        if !rule.values.isEmpty {
            guard let mapped = rule.values[value] else {
                let expected = rule.values.keys.map { String(decoding: $0, as: UTF8.self) }.sorted()
                    .map { "\"\($0)\"" }.joined(separator: ", ")
                throw RecordRejection(.invalidField, """
                    unmapped value \(Self.quoted(value)) in column "\(column)" for field "\(field.name)": \
                    the mapping lists \(expected)
                    """)
            }
            value = ArraySlice(mapped)
        }

        if value.isEmpty, field.type != .text {
            guard !field.isRequired else {
                throw RecordRejection(.invalidField, "missing value in column \"\(column)\" for field \"\(field.name)\"")
            }
            return nil
        }

        switch field.type {
        case .identifier, .text:
            var json: [UInt8] = []
            json.reserveCapacity(value.count + 2)
            JSONText.appendString(value, to: &json)
            return json
        case .time:
            guard let format = rule.time, let text = format.isoText(from: value) else {
                let format = rule.time?.text ?? "iso8601"
                let zone = rule.time?.zone.map { " at \(TimeColumnFormat.offsetText($0))" } ?? ""
                throw RecordRejection(.invalidTime, """
                    invalid time \(Self.quoted(value)) in column "\(column)" for field "\(field.name)": \
                    expected the format \(format)\(zone)
                    """)
            }
            var json: [UInt8] = []
            JSONText.appendString(text.utf8, to: &json)
            return json
        case .decimal:
            guard let number = Self.decimalJSON(value) else {
                throw RecordRejection(.invalidField, """
                    invalid amount \(Self.quoted(value)) in column "\(column)" for field "\(field.name)": \
                    expected a decimal number such as 12.50, without thousands separators or currency signs
                    """)
            }
            return number
        case .boolean:
            switch String(decoding: value, as: UTF8.self).lowercased() {
            case "true": return Array("true".utf8)
            case "false": return Array("false".utf8)
            default:
                throw RecordRejection(.invalidField, """
                    invalid value \(Self.quoted(value)) in column "\(column)" for field "\(field.name)": \
                    expected true or false (map other words with "values")
                    """)
            }
        }
    }

    // MARK: - Values

    /// Rewrites `12.50`, `+7`, `007.5` or `-0.25` as a JSON number and keeps
    /// every digit, so the amount stays exact. Returns nil when the text is
    /// not a plain decimal number.
    static func decimalJSON(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var index = text.startIndex
        var json: [UInt8] = []
        if index < text.endIndex, text[index] == 0x2B || text[index] == 0x2D {
            if text[index] == 0x2D {
                json.append(0x2D)
            }
            index += 1
        }

        let integerStart = index
        while index < text.endIndex, (0x30...0x39).contains(text[index]) {
            index += 1
        }
        var integer = text[integerStart..<index]
        guard !integer.isEmpty else { return nil }
        while integer.count > 1, integer.first == 0x30 {
            integer = integer.dropFirst()
        }
        json.append(contentsOf: integer)

        var digits = integer.count
        if index < text.endIndex, text[index] == 0x2E {
            index += 1
            let fractionStart = index
            while index < text.endIndex, (0x30...0x39).contains(text[index]) {
                index += 1
            }
            guard index > fractionStart else { return nil }
            json.append(0x2E)
            json.append(contentsOf: text[fractionStart..<index])
            digits += index - fractionStart
        }
        guard index == text.endIndex, digits <= maxAmountDigits else { return nil }
        return json
    }

    /// Returns the cell in quotes, cut to ``maxQuotedCharacters`` so that a reason stays short.
    static func quoted(_ cell: ArraySlice<UInt8>) -> String {
        let text = String(decoding: cell, as: UTF8.self)
        guard text.count > maxQuotedCharacters else { return "\"\(text)\"" }
        return "\"\(text.prefix(maxQuotedCharacters))…\""
    }
}
