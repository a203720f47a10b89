/// How the files of one import are read.
public struct InputFormat: Sendable {
    /// The parser that validates each record; its fixed kind, if any, applies to every record.
    public var parser: InterchangeParser

    /// Interchange NDJSON, one record per line.
    public static func ndjson(kind: RecordKind? = nil) -> InputFormat {
        InputFormat(parser: InterchangeParser(fixedKind: kind))
    }

    /// Opens a file, or standard input for "-".
    func open(_ path: String) throws -> any RecordSource {
        NDJSONSource(reader: try LineReader(path: path))
    }
}
