/// The format of the files of one import: interchange NDJSON, or CSV or TSV through a column mapping.
public struct InputFormat: Sendable {
    /// The parser that validates each record; its fixed kind, if any, applies to every record.
    public var parser: InterchangeParser
    private var delimited: (format: DelimitedFormat, mapping: ColumnMapping)?

    /// Interchange NDJSON, one record per line.
    public static func ndjson(kind: RecordKind? = nil) -> InputFormat {
        InputFormat(parser: InterchangeParser(fixedKind: kind))
    }

    /// Returns the format of a CSV or TSV export with a header row, read through `mapping`, which also fixes the kind.
    public static func delimited(_ format: DelimitedFormat, mapping: ColumnMapping) -> InputFormat {
        InputFormat(parser: InterchangeParser(fixedKind: mapping.kind), delimited: (format, mapping))
    }

    /// Opens a file, or standard input for "-".
    func open(_ path: String) throws -> any RecordSource {
        let reader = try LineReader(path: path)
        guard let delimited else {
            return NDJSONSource(reader: reader)
        }
        return DelimitedSource(reader: reader, rows: MappedRowReader(format: delimited.format, mapping: delimited.mapping))
    }
}
