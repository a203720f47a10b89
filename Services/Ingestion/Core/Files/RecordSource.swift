import VigilRuntime

/// One step of reading a file or standard input.
enum SourceItem {
    /// A record's bytes, starting at this 1-based line.
    case record(ArraySlice<UInt8>, line: Int)
    /// A record converted to interchange JSON from `original`, which a dead letter keeps.
    case mapped(ArraySlice<UInt8>, original: ArraySlice<UInt8>, line: Int)
    /// Bytes that could not be cut into a record, with the reason.
    case unreadable([UInt8], RecordRejection, line: Int)
    /// Nothing arrived within the wait.
    case idle
    /// The input ended.
    case end
}

/// A reader of records from a file or pipe: NDJSON lines or delimited rows.
protocol RecordSource: AnyObject {
    /// Returns the next item, waiting at most `waitMilliseconds` on a pipe.
    func next(waitMilliseconds: Int32) throws -> SourceItem
}

/// Interchange NDJSON: one record per line; blank lines are skipped.
final class NDJSONSource: RecordSource {
    private let reader: LineReader
    private var lineNumber = 0

    init(reader: LineReader) {
        self.reader = reader
    }

    func next(waitMilliseconds: Int32) throws -> SourceItem {
        while true {
            switch try reader.next(waitMilliseconds: waitMilliseconds) {
            case .line(let line):
                lineNumber += 1
                guard line.contains(where: { !Self.isWhitespace($0) }) else { continue }
                return .record(line, line: lineNumber)
            case .tooLong(let prefix, let length):
                lineNumber += 1
                let rejection = RecordRejection(
                    .tooLarge, "line of \(length) bytes is longer than the limit of \(reader.maxLineBytes) bytes")
                return .unreadable(prefix, rejection, line: lineNumber)
            case .idle:
                return .idle
            case .end:
                return .end
            }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
