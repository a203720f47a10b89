import VigilRuntime

/// A CSV or TSV export read row by row through a column mapping.
///
/// Rows may span lines (a quoted chat text with line breaks), so lines from
/// the ``LineReader`` are fed to the ``MappedRowReader`` until it has a row.
/// A header that does not fit the mapping stops the import with a usage error
/// before any row is taken.
final class DelimitedSource: RecordSource {
    private let reader: LineReader
    private var rows: MappedRowReader
    private var ended = false

    init(reader: LineReader, rows: MappedRowReader) {
        self.reader = reader
        self.rows = rows
    }

    func next(waitMilliseconds: Int32) throws -> SourceItem {
        while true {
            let row: MappedRow?
            do {
                row = try rows.next()
            } catch {
                // A TSV read as CSV (or the reverse) arrives as one wide
                // column, which reads as missing columns; name the likely cause.
                let hint = rows.boundMapping == nil
                    ? " (if the columns are there, check --format: csv separates them with commas, tsv with tabs)"
                    : ""
                throw UsageError("\(reader.name): \(error.message)\(hint)")
            }
            if let row {
                switch row {
                case let .record(lineNumber, json, source):
                    return .mapped(json[...], original: source, line: lineNumber)
                case let .rejected(lineNumber, payload, rejection):
                    return .unreadable(Array(payload), rejection, line: lineNumber)
                }
            }
            if ended {
                return .end
            }
            switch try reader.next(waitMilliseconds: waitMilliseconds) {
            case .line(let line):
                rows.appendLine(line)
            case .tooLong(let prefix, let length):
                rows.appendOverlongLine(prefix: prefix, length: length)
            case .idle:
                return .idle
            case .end:
                rows.finish()
                ended = true
            }
        }
    }
}
